import { css } from 'lit';

/** The board's own layout on top of the shared design system (src/styles/). */
export const styles = css`
  form,
  .load {
    display: grid;
    gap: var(--_space-m);
    align-content: start;
  }
  .meta,
  dt {
    color: var(--_muted);
  }
  .buttons,
  .checks,
  .row,
  .filters,
  .kinds,
  .toggle,
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: end;
  }
  .meta {
    align-items: center;
  }
  .row > label,
  .filters > label {
    flex: 1 1 10rem;
  }
  .filters .grow {
    flex: 3 1 14rem;
  }
  .filters > fieldset,
  fieldset.weekdays {
    display: flex;
    flex-wrap: wrap;
  }
  .filters > fieldset > legend {
    inline-size: 100%;
  }
  .load {
    padding: var(--_space);
    border: 1px solid var(--_border-soft);
    border-radius: var(--_radius);
  }
  .bar {
    display: block;
    block-size: 0.75rem;
    background: var(--_surface);
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
    gap: var(--_space);
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
    min-inline-size: 7em;
    font-weight: 600;
  }
  .dates .who {
    flex: 1 1 6em;
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
  .calendar {
    border-collapse: collapse;
    inline-size: 100%;
    max-inline-size: 28rem;
    table-layout: fixed;
    font-size: var(--_text-s);
    text-align: center;
  }
  .calendar th,
  .calendar td {
    border: 1px solid var(--_border);
    padding: 0.2em;
  }
  .calendar .mark {
    display: block;
    font-size: var(--_text-s);
  }
  .calendar .open {
    background: var(--_surface);
  }
  .calendar .filled,
  .calendar .mine {
    background: var(--_accent-soft);
    font-weight: 600;
  }
`;
