import { css } from 'lit';

/**
 * The theming base every element adopts. Public tokens are `--tend-*` custom properties a page
 * may set; each element reads them through private `--_*` properties that hold the defaults.
 * Colours use `light-dark()`, so one declaration serves both schemes: the scheme follows
 * `prefers-color-scheme` unless the element has `theme="light"` or `theme="dark"`.
 * Default pairs meet WCAG AA (text ≥ 4.5:1, borders and focus ≥ 3:1) in both schemes.
 */
export const tokens = css`
  :host {
    color-scheme: light dark;
    --_font: var(--tend-font-family, inherit);
    --_font-size: var(--tend-font-size, 1rem);
    --_text: var(--tend-color-text, light-dark(#1f2a24, #e6ece8));
    --_muted: var(--tend-color-muted, light-dark(#55615a, #a6b3ab));
    --_surface: var(--tend-color-surface, light-dark(#ffffff, #161b18));
    --_surface-raised: var(--tend-color-surface-raised, light-dark(#f4f7f5, #1f2622));
    --_border: var(--tend-color-border, light-dark(#8a968f, #5e6b63));
    --_accent: var(--tend-color-accent, light-dark(#2d6a4f, #8fd1ad));
    --_on-accent: var(--tend-color-on-accent, light-dark(#ffffff, #0f2419));
    --_accent-soft: var(--tend-color-accent-soft, light-dark(#e8f1ec, #23342b));
    --_danger: var(--tend-color-danger, light-dark(#b3261e, #ffb4ab));
    --_focus: var(--tend-color-focus, light-dark(#1a5fb4, #99c1f1));
    --_radius: var(--tend-radius, 0.5rem);
    --_space: var(--tend-space, 1rem);
    --_focus-ring: var(--tend-focus-ring, 3px solid var(--_focus));
    --_transition: var(--tend-transition, 150ms ease-out);

    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.5;
    color: var(--_text);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition-duration: 0s !important;
      animation-duration: 0s !important;
      animation-iteration-count: 1 !important;
      scroll-behavior: auto !important;
    }
  }
`;

/** Shared looks of the plain controls inside every element. */
export const controls = css`
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    padding: 0.4em 0.9em;
    min-block-size: 2.5rem;
    transition: background-color var(--_transition);
  }
  button:hover {
    background: var(--_accent-soft);
  }
  button.primary {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  button.primary:hover {
    filter: brightness(1.08);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  input:not([type='checkbox'], [type='radio']),
  select,
  textarea {
    inline-size: 100%;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0.5em 0.65em;
  }
  textarea {
    min-block-size: 5rem;
    resize: vertical;
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
