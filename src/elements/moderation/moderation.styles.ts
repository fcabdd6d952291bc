import { css } from 'lit';

/** The moderators' view's own layout on top of the shared design system (src/styles/). */
export const styles = css`
  .head,
  .card form {
    display: grid;
    gap: var(--_space-s);
    align-content: start;
  }
  .cards,
  .log {
    display: grid;
    gap: var(--_space-m);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .log {
    gap: var(--_space-s);
  }
  .log li {
    display: grid;
    gap: 0 var(--_space-s);
  }
  .meta {
    color: var(--_muted);
    font-size: var(--_text-s);
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
  .badge.waiting {
    background: var(--_danger-soft);
  }
  [hidden] {
    display: none !important;
  }
  @container (min-width: 40rem) {
    .log li {
      grid-template-columns: 12em minmax(0, 1fr);
    }
    .log li > :nth-child(n + 3) {
      grid-column: 2;
    }
  }
  .surface {
    container-type: inline-size;
  }
`;
