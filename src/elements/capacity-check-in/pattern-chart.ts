/**
 * The 14-day picture of a person's own check-ins: one bar a day, taller for more room, a small
 * ring for a day without one. Plain SVG; the element gives the text alternative beside it.
 */
import { html, svg, type TemplateResult } from 'lit';
import { levelRank, type PatternDay } from '../../domain/capacity.js';

const STEP = 20;
const HEIGHT = 64;

export function patternChart(days: readonly PatternDay[], label: string): TemplateResult {
  const width = days.length * STEP;
  return html`<svg
    part="chart"
    class="chart"
    role="img"
    aria-label=${label}
    viewBox="0 0 ${width} ${HEIGHT + 4}"
  >
    <line class="base" x1="0" x2=${width} y1=${HEIGHT + 0.5} y2=${HEIGHT + 0.5}></line>
    ${days.map((day, i) => {
      const x = i * STEP + 4;
      if (day.level === null) return svg`<circle class="gap" cx=${x + 6} cy=${HEIGHT - 4} r="3"></circle>`;
      const height = ((levelRank(day.level) + 1) / 4) * (HEIGHT - 8);
      return svg`<rect class="bar" x=${x} y=${HEIGHT - height} width="12" height=${height} rx="2"></rect>`;
    })}
  </svg>`;
}
