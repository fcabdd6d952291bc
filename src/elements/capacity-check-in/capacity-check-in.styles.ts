import { css } from 'lit';

/** The check-in's own layout on top of the shared design system (src/styles/). */
export const styles = css`
  .layout {
    container-type: inline-size;
  }
  .columns,
  .column,
  section,
  form > fieldset {
    display: grid;
    gap: var(--_space);
    align-content: start;
  }
  section {
    gap: var(--_space-s);
  }
  form > fieldset {
    gap: var(--_space-m);
  }
  /* Narrow: one column, my pattern last. Wide: my check-in beside the circle. */
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
  h2 {
    font-size: var(--_text-l);
  }
  /* A site's own words in the local-only slot sit in the widget's rhythm. */
  ::slotted(*) {
    margin: 0;
  }
  .settled {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-xs) var(--_space-m);
  }
  .settled p {
    display: grid;
  }
  /* A quiet button's words line up with the text around it. */
  .quiet {
    margin-inline: calc(var(--_space-s) * -1);
  }
  /* An unanswered question marks its pills, not the round radios inside them. */
  .choice:has([aria-invalid='true']) {
    border-color: var(--_danger);
  }
  .choice input {
    box-shadow: none;
  }
  .date {
    max-inline-size: 14rem;
  }
  ul,
  ol {
    padding-inline-start: 1.2em;
  }
  .people {
    list-style: none;
    padding: 0;
  }
  .person {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s) var(--_space-m);
    padding-block: var(--_space-s);
    border-block-start: 1px solid var(--_border-soft);
  }
  .person .who {
    flex: 1 1 12rem;
  }
  .person .note {
    display: block;
    overflow-wrap: anywhere;
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
    font-size: var(--_text-s);
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
  summary {
    cursor: pointer;
    color: var(--_accent);
    inline-size: fit-content;
  }
`;
