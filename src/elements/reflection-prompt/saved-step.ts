/**
 * What `<tend-reflection-prompt>` shows once a reflection is saved: thanks, where it waits, the
 * ask/offer composer, and the way to start another.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { AskOfferComposer } from './ask-offer-composer.js';
import type { ReflectionMessages } from './reflection-prompt.messages.js';

export interface SavedStepView {
  t: ReflectionMessages;
  /** Saved sealed, because a lock exists. */
  locked: boolean;
  composer: AskOfferComposer;
  /** The anonymous count could not be added. */
  countFailed: boolean;
  again(): void;
  /** The button to the saved reflections. */
  yours: TemplateResult;
}

export function renderSavedStep(view: SavedStepView): TemplateResult {
  const { t, locked } = view;
  return html`<div part="step">
      <h3 tabindex="-1">${locked ? t.savedLockedTitle : t.savedTitle}</h3>
      <p>${locked ? t.savedLockedText : t.savedText}</p>
    </div>
    ${view.composer.render(t)}
    ${view.countFailed ? html`<p class="error" role="alert">${t.countFailed}</p>` : nothing}
    <div part="actions">
      <button class="primary" @click=${() => view.again()}>${t.again}</button>
      ${view.yours}
    </div>`;
}
