import { css } from 'lit';

/**
 * The pieces of the design system (see docs/design.md) that only some elements draw: danger and
 * pressed buttons, text areas, a checkbox line, cards and badges inside the surface, dialogs
 * (a disclosure's arrow is in disclosure.ts: only the board and the moderation view draw one).
 * Kept out of the base every element adopts, so a widget ships only what it shows; an element
 * that draws them adds `extras` to its styles.
 */
export const extras = css`
  button.danger {
    border-color: var(--_danger);
    color: var(--_danger);
  }
  button[aria-pressed='true'] {
    border-color: var(--_accent);
    background: var(--_accent-soft);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  textarea {
    min-block-size: 5em;
    padding-block: var(--_space-s);
    resize: vertical;
  }
  /* A checkbox with its words beside it, outside a pill. */
  label.check {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    font-weight: 400;
  }
  /* A card inside the surface: one record. */
  .card {
    display: grid;
    gap: var(--_space-s);
    align-content: start;
    padding: var(--_space);
    border: 1px solid var(--_border-soft);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow-wrap: anywhere;
  }
  .badge {
    display: inline-block;
    padding: 0 var(--_space-s);
    border-radius: 999px;
    background: var(--_accent-soft);
    color: var(--_text);
    font-size: var(--_text-s);
    font-weight: 600;
  }
  dialog {
    inline-size: min(32rem, 100% - 2rem);
    max-block-size: calc(100% - 2rem);
    padding: var(--_space);
    border: 1px solid var(--_border-soft);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog .actions {
    justify-content: flex-end;
  }
`;
