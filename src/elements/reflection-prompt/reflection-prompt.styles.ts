import { css } from 'lit';

export const styles = css`
  .container {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  h2,
  h3,
  p,
  dl,
  ul {
    margin: 0;
  }
  h2 {
    font-size: 1.3em;
    line-height: 1.3;
  }
  h3 {
    font-size: 1.1em;
    line-height: 1.35;
  }
  a {
    color: var(--_accent);
  }
  .stack,
  [part~='step'],
  [part~='question'],
  [part~='entries'],
  [part~='composer'] {
    display: grid;
    gap: calc(var(--_space) * 0.6);
    align-content: start;
  }
  .hint,
  .muted,
  [part~='progress'],
  .storage-notice p {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .storage-notice .problem,
  .error {
    color: var(--_danger);
  }
  .list {
    gap: calc(var(--_space) * 1.5);
  }
  .problem:empty {
    display: none;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    min-inline-size: 0;
  }
  legend {
    padding: 0;
    margin-block-end: 0.4em;
  }
  label.choice {
    display: flex;
    gap: 0.6em;
    align-items: center;
    padding-block: 0.3em;
  }
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 1.2rem;
    block-size: 1.2rem;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }
  label.field {
    display: grid;
    gap: 0.25em;
  }
  [part~='actions'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .end {
    margin-inline-start: auto;
  }
  button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  .fields {
    display: grid;
    gap: 0.6rem;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
  }
  .draft {
    padding: 0.75em;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface);
    white-space: pre-wrap;
  }
  ul.entries {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  details,
  .locked {
    padding: 0.6em 0.8em;
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  /* A details element's content inherits from its internal slot, which is content-box. */
  details * {
    box-sizing: border-box;
  }
  summary {
    cursor: pointer;
  }
  details[open] summary {
    margin-block-end: 0.6em;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0 0 0.75em;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .lock {
    padding-block-start: calc(var(--_space) * 0.6);
    border-block-start: 1px solid var(--_border);
  }
  .storage-notice {
    display: grid;
    gap: 0.25em;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: var(--_focus-ring);
  }
  dialog {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding: var(--_space);
    max-inline-size: min(28rem, calc(100vw - 2rem));
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog p {
    margin-block-end: var(--_space);
  }
`;
