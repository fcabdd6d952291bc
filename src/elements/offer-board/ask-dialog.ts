/**
 * The short questions the board asks in a dialog: the gentle nudge before someone takes on more
 * than the board suggests, the author's private "would you offer this again?", and the
 * claimant's thank-you. Each is a question, never a block.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CommitmentNudge } from '../../domain/load.js';
import type { BoardMessages } from './offer-board.messages.js';

export type Ask =
  | { type: 'nudge'; nudge: CommitmentNudge; go: () => void }
  | { type: 'again'; answer: (again: boolean) => void }
  | { type: 'thanks'; send: (words: string) => void }
  | {
      type: 'hide';
      send: (reason: string) => void;
      /** The dialog's content (hidden-posts.ts, fetched with a moderator's tools). */
      render: (
        t: BoardMessages,
        send: (reason: string) => void,
        close: () => void,
        error?: string,
      ) => TemplateResult;
    };

export function renderAsk(
  t: BoardMessages,
  lang: string,
  ask: Ask,
  close: () => void,
  error?: string,
): TemplateResult {
  if (ask.type === 'hide') return ask.render(t, ask.send, close, error);
  const buttons = (...list: TemplateResult[]) => html`<div class="actions">${list}</div>`;
  const failed = error ? html`<p class="message error" role="alert">${error}</p>` : nothing;
  if (ask.type === 'nudge')
    return html`<h3 id="ask-heading">${t.nudgeHeading}</h3>
      <p>${t.nudgeBody(ask.nudge.count, ask.nudge.limit, lang)}</p>
      ${ask.nudge.regret ? html`<p>${t.regretNote}</p>` : nothing}
      ${buttons(
        html`<button type="button" @click=${close}>${t.nudgeNo}</button>`,
        html`<button type="button" class="primary" @click=${ask.go}>${t.nudgeYes}</button>`,
      )}`;
  if (ask.type === 'again')
    return html`<h3 id="ask-heading">${t.againHeading}</h3>
      <p>${t.againBody}</p>
      ${failed}
      ${buttons(
        html`<button type="button" @click=${close}>${t.later}</button>`,
        html`<button type="button" @click=${() => ask.answer(false)}>${t.againNo}</button>`,
        html`<button type="button" class="primary" @click=${() => ask.answer(true)}>${t.againYes}</button>`,
      )}`;
  return html`<form
    @submit=${(e: Event) => {
      e.preventDefault();
      ask.send(new FormData(e.currentTarget as HTMLFormElement).get('thanks') as string);
    }}
  >
    <h3 id="ask-heading">${t.thanksHeading}</h3>
    <label>${t.thanksLabel}<textarea name="thanks" required maxlength="280"></textarea></label>
    ${failed}
    ${buttons(
      html`<button type="button" @click=${close}>${t.cancel}</button>`,
      html`<button class="primary">${t.send}</button>`,
    )}
  </form>`;
}
