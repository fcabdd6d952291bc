import { css } from 'lit';

export const styles = css`
  .layout {
    container-type: inline-size;
  }
  .columns,
  .column {
    display: grid;
    gap: var(--_space);
    align-content: start;
  }
  /* Narrow: one column, my pattern last. Wide: my check-in and pattern beside the circle. */
  .column {
    display: contents;
  }
  [part='pattern'] {
    order: 1;
  }
  @container (min-width: 44rem) {
    .columns {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
    .column {
      display: grid;
    }
  }
  section {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
  }
  h2 {
    font-size: 1.15em;
    margin-block: 0 0.5em;
  }
  p {
    margin-block: 0.4em;
  }
  .hint,
  .storage-notice {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .storage-notice p {
    margin-block: 0.25em;
  }
  form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  legend,
  label[for] {
    font-weight: 600;
    padding: 0;
    display: block;
    margin-block-end: 0.3em;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.45em;
    padding: 0.35em 0.8em;
    min-block-size: 2.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
    transition: background-color var(--_transition);
  }
  .choice:has(:checked) {
    border-color: var(--_accent);
    background: var(--_accent-soft);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .choice:has(:focus-visible) {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  .choice input:focus-visible {
    outline: none;
  }
  input[type='radio'],
  input[type='checkbox'] {
    accent-color: var(--_accent);
    margin: 0;
    inline-size: 1.1em;
    block-size: 1.1em;
  }
  .date {
    margin-block-start: 0.6em;
    max-inline-size: 14rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .current {
    padding: 0.5em 0.75em;
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .message:empty,
  .storage-notice .problem:empty {
    display: none;
  }
  ul,
  ol {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .kinds li {
    margin-block: 0.35em;
  }
  .people {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  .person {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
    padding: 0.5em 0.75em;
    background: var(--_surface-raised);
    border-radius: var(--_radius);
  }
  .person .who {
    flex: 1 1 12rem;
  }
  .person .note {
    display: block;
    overflow-wrap: anywhere;
  }
  .muted {
    color: var(--_muted);
  }
  select {
    max-inline-size: 16rem;
  }
  .chart {
    display: block;
    inline-size: 100%;
    max-inline-size: 28rem;
    block-size: auto;
  }
  .axis {
    display: flex;
    justify-content: space-between;
    max-inline-size: 28rem;
    color: var(--_muted);
    font-size: 0.85em;
  }
  .chart .bar {
    fill: var(--_accent);
  }
  .chart .gap {
    fill: none;
    stroke: var(--_border);
    stroke-width: 1.5;
  }
  .chart .base {
    stroke: var(--_border);
  }
  details {
    margin-block-start: 0.5em;
  }
  summary {
    cursor: pointer;
    color: var(--_accent);
    inline-size: fit-content;
  }
`;
