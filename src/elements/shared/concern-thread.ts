/**
 * A concern's thread as a list (the raiser's words, moderators' answers and state changes, in
 * order), drawn the same way in `<tend-concern>` and `<tend-moderation>`; each element gives its
 * own words for who said what, so the raiser reads "A moderator" where moderators read a name.
 * Every text is rendered as text. The field that adds words to a thread is drawn here too.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { ConcernEntry, ConcernState } from '../../domain/concerns.js';

export interface ThreadWords {
  /** The thread's accessible name. */
  label: string;
  /** Who an entry is from, as this reader may know it. */
  who(entry: ConcernEntry): string;
  /** A step that moved the concern to `state`. */
  moved(state: ConcernState): string;
  /** When, as this reader reads dates. */
  when(at: string): string;
}

export function renderThread(entries: readonly ConcernEntry[], words: ThreadWords): TemplateResult {
  return html`<ol class="thread" part="thread" aria-label=${words.label}>
    ${entries.map((entry, i) => {
      // The raising itself opens the concern: no "reopened" under the first words.
      const moved = entry.state && i > 0 ? words.moved(entry.state) : '';
      return html`<li class="entry ${entry.by}">
        <p class="said">
          <strong>${words.who(entry)}</strong>
          <span class="muted small"><time datetime=${entry.at}>${words.when(entry.at)}</time></span>
        </p>
        ${entry.text !== undefined ? html`<p class="words">${entry.text}</p>` : nothing}
        ${moved ? html`<p class="muted small">${moved}</p>` : nothing}
      </li>`;
    })}
  </ol>`;
}

/** One field of words added to a thread: an answer, the raiser's words, a reply on a hidden post. */
export interface WordsField {
  /** The text area's id; its error line's is `<id>-error`. */
  id: string;
  label: string;
  maxLength: number;
  value: string;
  /** Why the words can't go yet; empty when they can. */
  error: string;
  input(value: string): void;
}

/** A labelled text area with its error line, the same in `<tend-concern>` and `<tend-moderation>`. */
export function renderWordsField(field: WordsField): TemplateResult {
  return html`<div class="field">
    <label for=${field.id}>${field.label}</label>
    <textarea
      id=${field.id}
      maxlength=${field.maxLength}
      aria-invalid=${field.error ? 'true' : 'false'}
      aria-describedby="${field.id}-error"
      .value=${field.value}
      @input=${(e: Event) => field.input((e.target as HTMLTextAreaElement).value)}
    ></textarea>
    <p class="field-error" id="${field.id}-error">${field.error}</p>
  </div>`;
}

/** The thread's look, on top of the design system: one entry under another, answers set off. */
export const threadStyles = css`
  .thread {
    display: grid;
    gap: var(--_space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .entry {
    display: grid;
    gap: var(--_space-xs);
    padding-inline-start: var(--_space-m);
    border-inline-start: 3px solid var(--_border-soft);
  }
  .entry.moderator {
    border-color: var(--_accent);
  }
  .said {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: baseline;
  }
  .words {
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
`;
