import { css } from 'lit';

/**
 * The design tokens every element adopts (see docs/design.md). Public tokens are `--tend-*`
 * custom properties a page may set; each element reads them through private `--_*` properties
 * that hold the defaults. Sizes are relative to the host's font size, so a widget on an 18 px
 * serif blog is set in 18 px serif. Colours use `light-dark()`, so one declaration serves both
 * schemes: the scheme follows `prefers-color-scheme` unless the element has `theme="light"` or
 * `theme="dark"`. Default pairs meet WCAG AA (text ≥ 4.5:1, controls and focus ≥ 3:1) in both.
 */
export const tokens = css`
  :host {
    color-scheme: light dark;
    --_font: var(--tend-font-family, inherit);
    --_font-size: var(--tend-font-size, 1em);
    /* Type scale: small print, body, section heading, widget heading. */
    --_text-s: var(--tend-font-size-small, 0.875em);
    --_text-l: var(--tend-font-size-large, 1.125em);
    --_text-xl: var(--tend-font-size-heading, 1.3em);
    --_text: var(--tend-color-text, light-dark(#1f2a24, #e6ece8));
    --_muted: var(--tend-color-muted, light-dark(#55615a, #a6b3ab));
    --_surface: var(--tend-color-surface, light-dark(#ffffff, #161b18));
    --_surface-raised: var(--tend-color-surface-raised, light-dark(#f3f6f4, #1f2622));
    --_border: var(--tend-color-border, light-dark(#8a968f, #6b7871));
    --_border-soft: var(--tend-color-border-soft, light-dark(#d3dbd6, #333d37));
    --_accent: var(--tend-color-accent, light-dark(#2d6a4f, #8fd1ad));
    --_on-accent: var(--tend-color-on-accent, light-dark(#ffffff, #0f2419));
    --_accent-soft: var(--tend-color-accent-soft, light-dark(#e8f1ec, #23342b));
    --_danger: var(--tend-color-danger, light-dark(#b3261e, #ffb4ab));
    --_danger-soft: var(--tend-color-danger-soft, light-dark(#fcefee, #3b2220));
    --_focus: var(--tend-color-focus, light-dark(#1a5fb4, #99c1f1));
    --_radius: var(--tend-radius, 0.5em);
    /* Spacing scale: multiples of one step. */
    --_space: var(--tend-space, 1em);
    --_space-xs: calc(var(--_space) * 0.25);
    --_space-s: calc(var(--_space) * 0.5);
    --_space-m: calc(var(--_space) * 0.75);
    --_space-l: calc(var(--_space) * 1.5);
    --_control-height: var(--tend-control-height, 2.5em);
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
    display: none !important;
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
  /* Headings and messages take focus when the control that had it goes away; a ring is only
     drawn when the keyboard brought it there. */
  [tabindex='-1']:focus:not(:focus-visible) {
    outline: none;
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
