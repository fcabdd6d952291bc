import { css } from 'lit';

/** The concern element's own layout on top of the shared design system (src/styles/). */
export const styles = css`
  form,
  section,
  .concerns {
    display: grid;
    gap: var(--_space-m);
    align-content: start;
  }
  form > fieldset {
    gap: var(--_space-s);
  }
  .concerns {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .concern form {
    gap: var(--_space-s);
  }
  .head {
    display: grid;
    gap: var(--_space-xs);
  }
  .meta {
    color: var(--_muted);
    font-size: var(--_text-s);
  }
  /* The kinds read as one column of pills: each is a sentence. */
  [part='kind'] .choices {
    flex-direction: column;
    align-items: stretch;
  }
  [part='kind'] .choice {
    padding-block: var(--_space-xs);
  }
`;
