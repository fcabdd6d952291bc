import { css } from 'lit';

/**
 * Form controls (see docs/design.md): one control height for inputs, selects and buttons; one
 * button hierarchy (`primary` once per view, the default for the rest, `quiet` for actions that
 * should not draw the eye; `danger` for what cannot be undone is in `extras.ts`); one fieldset,
 * legend and label style; choices as bordered pills; an invalid field marked at its question.
 */
export const controls = css`
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  label,
  legend {
    font-weight: 600;
  }
  input,
  select,
  textarea {
    font-weight: 400;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-s);
    min-block-size: var(--_control-height);
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-weight: 600;
    line-height: 1.2;
    text-align: center;
    cursor: pointer;
    transition: background-color var(--_transition);
  }
  button:hover {
    background: var(--_surface-raised);
  }
  button.primary {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button.primary:hover {
    filter: brightness(1.1);
  }
  button.quiet {
    border-color: transparent;
    background: transparent;
    color: var(--_accent);
    padding-inline: var(--_space-s);
  }
  button.quiet:hover {
    text-decoration: underline;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    inline-size: 100%;
    min-block-size: var(--_control-height);
    padding: 0 var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
    box-shadow: inset 0 0 0 1px var(--_danger);
  }
  input[type='checkbox'],
  input[type='radio'] {
    inline-size: 1.125em;
    block-size: 1.125em;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }
  /* A label that holds its field stacks the words over the control. */
  label:has(> input:not([type='checkbox'], [type='radio']), > select, > textarea),
  .field {
    display: grid;
    gap: var(--_space-xs);
    align-content: start;
  }
  fieldset {
    display: grid;
    gap: var(--_space-s);
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
    margin-block-end: var(--_space-s);
  }
  .hint {
    color: var(--_muted);
    font-size: var(--_text-s);
    font-weight: 400;
  }
  /* Radios and checkboxes as pills: the whole pill is the target. */
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-s);
    min-block-size: var(--_control-height);
    padding: 0 var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-weight: 400;
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
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
`;
