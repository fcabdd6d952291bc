import { css } from 'lit';

/** The reflection prompt's own layout on top of the shared design system (src/styles/). */
export const styles = css`
  .stack,
  [part~='step'],
  [part~='question'],
  [part~='entries'],
  [part~='composer'] {
    display: grid;
    gap: var(--_space-m);
    align-content: start;
  }
  [part~='progress'] {
    color: var(--_muted);
    font-size: var(--_text-s);
  }
  .list {
    gap: var(--_space-l);
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: center;
  }
  .end {
    margin-inline-start: auto;
  }
  .fields {
    display: grid;
    gap: var(--_space-m);
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
  }
  ul.entries {
    list-style: none;
    padding: 0;
    display: grid;
    gap: var(--_space-s);
  }
  details,
  .locked {
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_border-soft);
    border-radius: var(--_radius);
  }
  /* A details element's content inherits from its internal slot, which is content-box. */
  details * {
    box-sizing: border-box;
  }
  summary {
    cursor: pointer;
  }
  details[open] summary {
    margin-block-end: var(--_space-s);
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0 0 var(--_space-m);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .lock {
    padding-block-start: var(--_space-m);
    border-block-start: 1px solid var(--_border-soft);
  }
  dialog p {
    margin-block-end: var(--_space);
  }
`;
