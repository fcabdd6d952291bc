/**
 * How this week's help is spread, in two parts. For everyone: an anonymous sentence ("most of
 * this week's help came from 2 of the 9 people who helped"), and a bar that draws it; nothing
 * about the spread until enough people have helped. For the viewer only: what they carry and
 * gave, and a note to rest when they gave a lot. The numbers are text; the bar only draws them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LoadSpread, OwnLoad } from '../../domain/load.js';
import type { BoardMessages } from './offer-board.messages.js';

export interface LoadFigures {
  /** The board's spread, the same for everyone. */
  spread: LoadSpread;
  /** The viewer's own load: shown to them only. */
  own: OwnLoad;
  /** How many needs have waited for days. */
  stale: number;
  /** The viewer's recent "I wouldn't offer that again" answers (private; lowers the nudge's limit). */
  regrets: number;
}

function spreadWords(t: BoardMessages, lang: string, spread: LoadSpread): string {
  if (!spread.any) return t.loadNone;
  if (spread.people === null) return t.loadQuiet;
  if (spread.most === null) return t.loadShared(spread.people, lang);
  return t.loadMost(spread.most, spread.people, lang);
}

export function renderLoad(t: BoardMessages, lang: string, figures: LoadFigures): TemplateResult {
  const { spread, own, stale } = figures;
  return html`<section class="load" part="load" aria-labelledby="load-heading">
    <h3 id="load-heading">${t.loadHeading}</h3>
    <p class="spread">${spreadWords(t, lang, spread)}</p>
    ${
      spread.most !== null && spread.people !== null
        ? html`<span class="bar" part="chart" aria-hidden="true"
            ><span style="inline-size:${Math.round((spread.most / spread.people) * 100)}%"></span
          ></span>`
        : nothing
    }
    <p class="own">
      <span class="muted">${t.onlyYou}</span> ${t.yourLoad(own.commitments, lang)}
      ${own.helped ? t.youHelped(own.helped, lang) : nothing} ${own.over ? t.overLimit(own.max) : nothing}
    </p>
    ${own.heavy ? html`<p class="message own">${t.restNote}</p>` : nothing}
    ${stale ? html`<p class="message">${t.staleCount(stale, lang)}</p>` : nothing}
  </section>`;
}
