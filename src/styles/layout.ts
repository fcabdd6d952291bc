import { css } from 'lit';

/**
 * Surfaces, type and messages (see docs/design.md): one widget surface that reads on a white
 * and on a tinted page, headings from the type scale, stacks on the spacing scale, one
 * inline-message pattern (info, success, error). Cards and dialogs are in `extras.ts`.
 */
export const layout = css`
  /* The widget's own surface: its root element carries this class and the part "base". */
  .surface {
    display: grid;
    gap: var(--_space);
    align-content: start;
    padding: var(--_space);
    border: 1px solid var(--_border-soft);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  h2,
  h3,
  h4,
  p,
  ul,
  ol,
  dl,
  dd,
  figure {
    margin: 0;
  }
  h2,
  h3,
  h4 {
    line-height: 1.3;
    font-weight: 700;
  }
  h2 {
    font-size: var(--_text-xl);
  }
  h3 {
    font-size: var(--_text-l);
  }
  h4 {
    font-size: 1em;
  }
  a {
    color: var(--_accent);
  }
  .stack {
    display: grid;
    gap: var(--_space-m);
    align-content: start;
  }
  .muted {
    color: var(--_muted);
  }
  .small {
    font-size: var(--_text-s);
  }
  /* Inline messages: info (neutral), success (accent), error (danger). */
  .message {
    padding: var(--_space-s) var(--_space-m);
    border-inline-start: 4px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-raised);
  }
  .message.success {
    border-color: var(--_accent);
    background: var(--_accent-soft);
  }
  .message.error {
    border-color: var(--_danger);
    background: var(--_danger-soft);
  }
  .message:empty {
    display: none;
  }
  /* The words under a field that say what to change. */
  .field-error {
    color: var(--_danger);
    font-size: var(--_text-s);
    font-weight: 600;
  }
  .field-error:empty {
    display: none;
  }
  .storage-notice {
    display: grid;
    gap: var(--_space-xs);
    color: var(--_muted);
    font-size: var(--_text-s);
  }
  .storage-notice .problem {
    color: var(--_danger);
    font-weight: 600;
  }
  .storage-notice .problem:empty {
    display: none;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
