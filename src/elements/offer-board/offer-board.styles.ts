import { css } from 'lit';

/** The board's own layout on top of the shared design system (src/styles/). */
export const styles = css`
  .board {
    container-type: inline-size;
  }
  form,
  .load {
    display: grid;
    gap: var(--_space-m);
    align-content: start;
  }
  .meta,
  dt,
  .count {
    color: var(--_muted);
  }
  .head,
  .row,
  .filters,
  .toggle,
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: end;
  }
  .head {
    gap: var(--_space-m);
    justify-content: space-between;
  }
  .head > .stack {
    flex: 1 1 20em;
  }
  .meta {
    align-items: center;
  }
  .row > * {
    flex: 1 1 10rem;
  }
  .filters {
    gap: var(--_space-m);
  }
  /* Category, search and order share a row of their own. */
  .filters > .row {
    flex-basis: 100%;
  }
  .filters .grow {
    flex: 3 1 14rem;
  }
  .count:empty {
    display: none;
  }
  /* On a narrow board the filters wait behind one "Filter" button. */
  .filter-toggle {
    display: none;
  }
  @container (inline-size < 40em) {
    .filter-toggle {
      display: inline-flex;
    }
    .filters:not(.open) {
      display: none;
    }
  }
  .load {
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_border-soft);
  }
  .bar {
    display: block;
    block-size: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
  }
  .bar span {
    display: block;
    block-size: 100%;
    background: var(--_accent);
  }
  .posts {
    list-style: none;
    padding-inline: 0;
    display: flex;
    flex-direction: column;
    gap: var(--_space-m);
  }
  .card.withdrawn,
  .card.expired {
    border-style: dashed;
  }
  .details {
    white-space: pre-line;
  }
  dl {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs) var(--_space-l);
  }
  dt {
    font-size: var(--_text-s);
  }
  .message p {
    white-space: pre-line;
  }
  .claims,
  .dates,
  .picked {
    padding-inline-start: 0;
    list-style: none;
    display: flex;
    flex-direction: column;
    gap: var(--_space-s);
  }
  .claims li,
  .dates li,
  .picked li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: center;
  }
  .dates {
    max-inline-size: 40rem;
  }
  .dates .day {
    min-inline-size: 6.5em;
    font-weight: 600;
  }
  .dates .who {
    flex: 1 1 3em;
  }
  .dates .past,
  .calendar .past,
  .calendar .off {
    color: var(--_muted);
  }
  q {
    font-style: italic;
  }
  dl:not(:has(div)) {
    display: none;
  }
  .calendars {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .calendar {
    border-collapse: collapse;
    inline-size: 100%;
    max-inline-size: 24rem;
    table-layout: fixed;
    font-size: var(--_text-s);
    text-align: center;
  }
  .calendar caption {
    padding-block-end: var(--_space-xs);
    font-weight: 600;
    text-align: start;
  }
  .calendar th,
  .calendar td {
    border: 1px solid var(--_border-soft);
    padding: var(--_space-xs) 2px;
  }
  .calendar .mark {
    display: block;
    font-size: var(--_text-s);
  }
  .calendar button {
    inline-size: 100%;
    min-block-size: 2em;
    padding: 0;
  }
  .calendar .filled,
  .calendar .mine {
    background: var(--_accent-soft);
    font-weight: 600;
  }
`;
