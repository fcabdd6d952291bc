import { css } from 'lit';

export const styles = css`
  .board,
  form,
  .card,
  .load {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }
  /* The board paints its own surface, so a dark board reads well on a light page and back. */
  .board {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  h2,
  h3,
  h4,
  p,
  ul,
  dl,
  dd,
  fieldset {
    margin: 0;
  }
  h2 {
    font-size: 1.4em;
  }
  h3 {
    font-size: 1.15em;
  }
  h4 {
    font-size: 1em;
  }
  .muted,
  .meta,
  dt {
    color: var(--_muted);
  }
  .buttons,
  .actions,
  .checks,
  .row,
  .filters,
  .kinds,
  .toggle,
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
    align-items: end;
  }
  form.filters {
    flex-direction: row;
  }
  .row > label,
  .filters > label {
    flex: 1 1 10rem;
  }
  .filters .grow {
    flex: 3 1 14rem;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }
  label.check,
  label.chip {
    flex-direction: row;
    align-items: center;
    flex: 0 0 auto;
  }
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 1.2em;
    block-size: 1.2em;
    accent-color: var(--_accent);
  }
  label.chip {
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0.2em 0.7em 0.2em 0.4em;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  .filters > fieldset,
  fieldset.weekdays {
    flex-direction: row;
    flex-wrap: wrap;
    border: 0;
    padding: 0;
  }
  legend {
    padding: 0;
    margin-block-end: 0.25em;
  }
  .filters > fieldset > legend {
    inline-size: 100%;
  }
  .load,
  .filters {
    background: var(--_surface-raised);
    border-radius: var(--_radius);
    padding: var(--_space);
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
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    overflow-wrap: anywhere;
  }
  .card.withdrawn,
  .card.expired {
    border-style: dashed;
  }
  .kind,
  .badge {
    border-radius: 999px;
    padding: 0 0.6em;
    background: var(--_accent-soft);
    color: var(--_text);
  }
  .badge {
    display: inline-block;
    margin-inline-start: 0.5em;
    font-size: 0.9em;
  }
  .details {
    white-space: pre-line;
  }
  dl {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.5em;
  }
  dt {
    font-size: 0.9em;
  }
  .private,
  .notice,
  .gentle {
    border-inline-start: 4px solid var(--_accent);
    background: var(--_accent-soft);
    border-radius: var(--_radius);
    padding: 0.5em 0.75em;
  }
  .private p {
    white-space: pre-line;
  }
  .claims,
  .dates,
  .picked {
    padding-inline-start: 0;
    list-style: none;
    display: flex;
    flex-direction: column;
    gap: 0.4em;
  }
  .claims li,
  .dates li,
  .picked li {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
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
  button[aria-pressed='true'],
  button[aria-pressed='true']:hover {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .calendar {
    border-collapse: collapse;
    inline-size: 100%;
    max-inline-size: 28rem;
    table-layout: fixed;
    font-size: 0.85em;
    text-align: center;
  }
  .calendar th,
  .calendar td {
    border: 1px solid var(--_border);
    padding: 0.2em;
  }
  .calendar .mark {
    display: block;
    font-size: 0.85em;
  }
  .calendar .open {
    background: var(--_surface);
  }
  .calendar .filled,
  .calendar .mine {
    background: var(--_accent-soft);
    font-weight: 600;
  }
  .error {
    color: var(--_danger);
    font-weight: 600;
  }
  .storage-notice {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .storage-notice p:empty {
    display: none;
  }
  dialog {
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    inline-size: min(40rem, 100% - 2rem);
    max-block-size: calc(100% - 2rem);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog .buttons {
    justify-content: flex-end;
  }
`;
