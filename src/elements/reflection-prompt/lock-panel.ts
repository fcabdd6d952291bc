/**
 * The passphrase lock's forms in `<tend-reflection-prompt>`: make a lock, open it, close it
 * again or remove it. The keys and the sealing are in `ReflectionLockController`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LockState } from './reflection-lock.js';
import type { ReflectionMessages } from './reflection-prompt.messages.js';

export interface LockPanelView {
  t: ReflectionMessages;
  state: LockState;
  /** A lock is being made or opened. */
  busy: boolean;
  /** Why the passphrase was not taken. */
  note: string;
  create(passphrase: string, again: string): void;
  open(passphrase: string): void;
  close(): void;
  remove(): void;
}

/** The form that opens the lock with the passphrase; `extra` goes beside its button. */
export function renderUnlockForm(
  view: LockPanelView,
  text: string,
  extra: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  const t = view.t;
  return html`<form
    class="stack"
    @submit=${(e: SubmitEvent) => {
      e.preventDefault();
      view.open(((e.target as HTMLFormElement).elements.namedItem('pass') as HTMLInputElement).value);
    }}
  >
    <p>${text}</p>
    <label class="field"
      >${t.passphrase}<input id="pass" name="pass" type="password" autocomplete="off"
    /></label>
    <p class="error" role="status">${view.busy ? t.working : view.note}</p>
    <div part="actions"><button class="primary" ?disabled=${view.busy}>${t.unlock}</button>${extra}</div>
  </form>`;
}

/** Under the saved reflections: open a closed lock, close or remove an open one, or make one (once there is something to lock). */
export function renderLockPanel(view: LockPanelView, anyEntries: boolean): TemplateResult | typeof nothing {
  const t = view.t;
  if (view.state === 'closed') return html`<div class="lock">${renderUnlockForm(view, t.lockedNote)}</div>`;
  if (view.state === 'open')
    return html`<div class="lock stack">
      <p>${t.openNote}</p>
      <div part="actions">
        <button data-close-lock @click=${() => view.close()}>${t.closeLock}</button>
        <button @click=${() => view.remove()}>${t.removeLock}</button>
      </div>
    </div>`;
  if (!anyEntries) return nothing;
  return html`<form
    class="lock stack"
    @submit=${(e: SubmitEvent) => {
      e.preventDefault();
      const fields = (e.target as HTMLFormElement).elements;
      const value = (name: string) => (fields.namedItem(name) as HTMLInputElement).value;
      view.create(value('pass'), value('again'));
    }}
  >
    <h3>${t.lockTitle}</h3>
    <p class="muted">${t.lockText}</p>
    <div class="fields">
      <label class="field"
        >${t.passphrase}<input name="pass" type="password" autocomplete="new-password"
      /></label>
      <label class="field"
        >${t.passphraseAgain}<input name="again" type="password" autocomplete="new-password"
      /></label>
    </div>
    <p class="error" role="status">${view.busy ? t.working : view.note}</p>
    <div part="actions"><button class="primary" ?disabled=${view.busy}>${t.lock}</button></div>
  </form>`;
}
