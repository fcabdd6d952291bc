/**
 * After a reflection is saved, `<tend-reflection-prompt>` offers to turn it into an honest ask or
 * a right-sized offer: a few short fields, the draft they make, and a button to copy it. Nothing
 * is stored or sent; the draft is only for the reader to use as they like.
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { composeDraft } from '../../domain/reflection.js';
import type { ReflectionMessages } from './reflection-prompt.messages.js';

type Kind = 'ask' | 'offer';

export class AskOfferComposer {
  #host: ReactiveControllerHost;
  #kind: Kind = 'ask';
  #parts: Record<string, string> = {};
  /** "Copied", or how to copy by hand. */
  #note = '';

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  #set(change: () => void): void {
    change();
    this.#host.requestUpdate();
  }

  /** Starts over for a newly saved reflection, with what the reader needed (if they said) in the ask. */
  start(need: string): void {
    this.#set(() => {
      this.#parts = { need };
      this.#note = '';
    });
  }

  async #copy(text: string, t: ReflectionMessages): Promise<void> {
    let note = t.copied;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      note = t.copyFailed;
    }
    this.#set(() => (this.#note = note));
  }

  render(t: ReflectionMessages): TemplateResult {
    const p = this.#parts;
    const ask = this.#kind === 'ask';
    const field = (key: string, label: string) =>
      html`<label class="field"
        >${label}<input
          .value=${p[key] ?? ''}
          @input=${(e: Event) =>
            this.#set(() => (this.#parts = { ...p, [key]: (e.target as HTMLInputElement).value }))}
      /></label>`;
    const draft = ask
      ? composeDraft([
          [
            [t.tAskWhen, p['when'] ?? ''],
            [t.tAskFelt, p['felt'] ?? ''],
            [t.tAskNeed, p['need'] ?? ''],
          ],
          [[t.tAskRequest, p['request'] ?? '']],
        ])
      : composeDraft([
          [
            [t.tOfferWhat, p['what'] ?? ''],
            [t.tOfferWhen, p['on'] ?? ''],
            [t.tOfferLimit, p['limit'] ?? ''],
          ],
        ]);
    const kind = (value: Kind, label: string) =>
      html`<label class="choice"
        ><input
          type="radio"
          name="kind"
          .checked=${this.#kind === value}
          @change=${() => this.#set(() => (this.#kind = value))}
        />${label}</label
      >`;
    return html`<div part="composer">
      <fieldset>
        <legend><h3>${t.composerTitle}</h3></legend>
        <div part="actions">${kind('ask', t.ask)} ${kind('offer', t.offer)}</div>
      </fieldset>
      <div class="fields">
        ${
          ask
            ? [
                field('when', t.askWhen),
                field('felt', t.askFelt),
                field('need', t.askNeed),
                field('request', t.askRequest),
              ]
            : [field('what', t.offerWhat), field('on', t.offerWhen), field('limit', t.offerLimit)]
        }
      </div>
      <p class="muted">${t.draftLabel}</p>
      <p class="draft">${draft || t.draftEmpty}</p>
      <p class="muted">${t.draftNote}</p>
      <div part="actions">
        <button ?disabled=${!draft} @click=${() => this.#copy(draft, t)}>${t.copy}</button>
        <span role="status">${this.#note}</span>
      </div>
    </div>`;
  }
}
