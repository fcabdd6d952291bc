/**
 * The one confirmation `<tend-reflection-prompt>` asks for, before deleting: a native modal
 * dialog. Kept, focus goes back to the button that opened it; deleted, that button is gone, so
 * focus goes to the list's heading.
 */
import { html, type ReactiveElement, type TemplateResult } from 'lit';
import type { ReflectionMessages } from './reflection-prompt.messages.js';

type Host = ReactiveElement & { readonly renderRoot: HTMLElement | DocumentFragment };

export class ConfirmDialog {
  readonly #host: Host;
  #text = '';
  #confirmed?: (() => Promise<void>) | undefined;
  #opener?: HTMLElement | null;

  constructor(host: Host) {
    this.#host = host;
  }

  get #dialog(): HTMLDialogElement {
    return this.#host.renderRoot.querySelector('dialog')!;
  }

  /** Asks `text`; `action` runs once the reader confirms. */
  async ask(text: string, action: () => Promise<void>, opener: EventTarget | null): Promise<void> {
    this.#text = text;
    this.#confirmed = action;
    this.#opener = opener as HTMLElement | null;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#dialog.showModal();
  }

  async #close(confirmed: boolean): Promise<void> {
    const action = confirmed ? this.#confirmed : undefined;
    this.#confirmed = undefined;
    this.#dialog.close();
    if (action) await action();
    await this.#host.updateComplete;
    if (!action) this.#opener?.focus();
    else this.#host.renderRoot.querySelector<HTMLElement>('[part~="entries"] h3')?.focus();
  }

  render(t: ReflectionMessages): TemplateResult {
    return html`<dialog part="dialog" aria-labelledby="confirm-text" @cancel=${() => void this.#close(false)}>
      <p id="confirm-text">${this.#text}</p>
      <div part="actions">
        <button @click=${() => this.#close(false)}>${t.cancel}</button>
        <button class="danger end" @click=${() => this.#close(true)}>${t.confirm}</button>
      </div>
    </dialog>`;
  }
}
