/**
 * How this week's help is spread: "3 of 12 people carry 80 % of this week's help", a small bar
 * chart of who helped, the viewer's own load, and how many needs have waited for days. The
 * numbers are text; the bars only draw them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LoadSpread } from '../../domain/load.js';
import type { BoardMessages } from './offer-board.messages.js';

/** The most people the chart draws; the sentence above it counts everyone. */
const BARS = 6;

export interface LoadFigures {
  spread: LoadSpread;
  /** The viewer's commitments this week. */
  mine: number;
  max: number;
  stale: number;
  /** The viewer's recent "I wouldn't offer that again" answers (private; lowers the nudge's limit). */
  regrets: number;
}

export function renderLoad(t: BoardMessages, lang: string, figures: LoadFigures): TemplateResult {
  const { spread, mine, max, stale } = figures;
  const top = spread.helpers[0]?.units ?? 1;
  return html`<section class="load" part="load" aria-labelledby="load-heading">
    <h3 id="load-heading">${t.loadHeading}</h3>
    <p>${spread.total ? t.loadCarriers(spread.carriers, spread.helpers.length, lang) : t.loadNone}</p>
    ${spread.concentrated ? html`<p class="gentle">${t.loadConcentrated}</p>` : nothing}
    ${
      spread.total
        ? html`<ul class="bars" part="chart" aria-label=${t.chartLabel}>
            ${spread.helpers.slice(0, BARS).map(
              (helper) =>
                html`<li>
                  <span class="name">${helper.name ?? t.someone}</span>
                  <span class="bar" aria-hidden="true"
                    ><span style="inline-size:${Math.round((helper.units / top) * 100)}%"></span
                  ></span>
                  <span class="units">${helper.units}</span>
                </li>`,
            )}
          </ul>`
        : nothing
    }
    <p>${t.yourLoad(mine, lang)} ${mine > max ? t.overLimit(max) : nothing}</p>
    ${stale ? html`<p class="gentle">${t.staleCount(stale, lang)}</p>` : nothing}
  </section>`;
}
