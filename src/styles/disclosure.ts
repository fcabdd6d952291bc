import { css } from 'lit';

/**
 * A piece of the design system (see docs/design.md) for the elements that draw a disclosure (a
 * button that shows and hides a part): its arrow, down when closed, up when open. Its own module
 * so that elements without one (the reflection prompt on a blog page) do not ship it.
 */
export const disclosure = css`
  [aria-expanded]::after {
    content: '';
    inline-size: 0.45em;
    block-size: 0.45em;
    border: solid currentColor;
    border-width: 0 2px 2px 0;
    transform: translateY(-25%) rotate(45deg);
  }
  [aria-expanded='true']::after {
    transform: translateY(25%) rotate(-135deg);
  }
`;
