import { css } from 'lit';

/** The check-in's own layout on top of the shared design system (src/styles/). */
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
    display: grid;
    gap: var(--_space-s);
    align-content: start;
  }
  h2 {
    font-size: var(--_text-l);
  }
  label[for] {
    display: block;
    margin-block-end: var(--_space-xs);
  }
  form {
    display: grid;
    gap: calc(var(--_space) * 0.75);
  }
  .date {
    margin-block-start: var(--_space-s);
    max-inline-size: 14rem;
  }
  .current {
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
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
    gap: var(--_space-s);
  }
  .person {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-m);
    padding: var(--_space-s) var(--_space-m);
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
  details {
    margin-block-start: var(--_space-s);
  }
  summary {
    cursor: pointer;
    color: var(--_accent);
    inline-size: fit-content;
  }
`;
