/**
 * The reader's saved reflections in `<tend-reflection-prompt>`: this post's (or every post's),
 * each opened to read, change or delete; downloads, delete-all, the lock panel, and the way back.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { answerText, type ReflectionContent } from '../../domain/reflection.js';
import type { Entry } from './reflection-entries.js';
import type { ReflectionMessages } from './reflection-prompt.messages.js';

export interface SavedListView {
  t: ReflectionMessages;
  post: string;
  /** The reader's entries on every post, newest first. */
  mine: Entry[];
  showAll: boolean;
  /** "Deleted", "the lock is off"… */
  note: string;
  /** What an entry says; undefined while it is sealed. */
  content(record: Entry): ReflectionContent | undefined;
  date(iso: string, options: Intl.DateTimeFormatOptions): string;
  /** The lock panel, under the list. */
  lock: TemplateResult | typeof nothing;
  setShowAll(all: boolean): void;
  edit(record: Entry, content: ReflectionContent): void;
  /** Asks, then deletes one entry; `opener` gets focus back if the reader keeps it. */
  deleteOne(record: Entry, opener: EventTarget | null): void;
  /** Asks, then deletes every entry of the reader. */
  deleteAll(opener: EventTarget | null): void;
  download(kind: 'md' | 'json'): void;
  back(): void;
}

function renderEntry(view: SavedListView, record: Entry): TemplateResult {
  const t = view.t;
  const content = view.content(record);
  const when = view.date(record.value.createdAt, { dateStyle: 'medium', timeStyle: 'short' });
  const title = view.showAll ? `${when}, ${t.onPost(record.value.postId)}` : when;
  if (!content) return html`<li class="locked">${title}: ${t.lockedEntry}</li>`;
  return html`<li>
    <details>
      <summary>${title}</summary>
      <dl>
        ${content.questions.map((q) => {
          const answer = answerText(q, content.answers[q.id]);
          return html`<dt>${q.label}</dt>
            <dd class=${answer ? '' : 'muted'}>${answer || t.skipped}</dd>`;
        })}
      </dl>
      <div part="actions">
        <button @click=${() => view.edit(record, content)}>${t.edit}</button>
        <button class="danger" @click=${(e: Event) => view.deleteOne(record, e.currentTarget)}>
          ${t.delete}
        </button>
      </div>
    </details>
  </li>`;
}

export function renderSavedList(view: SavedListView): TemplateResult {
  const { t, mine } = view;
  const shown = view.showAll ? mine : mine.filter((r) => r.value.postId === view.post);
  const closed = mine.some((r) => r.value.locked && !view.content(r));
  return html`<section part="entries" aria-labelledby="entries-title">
    <h3 id="entries-title" tabindex="-1">${t.entriesTitle}</h3>
    <label class="choice"
      ><input
        type="checkbox"
        .checked=${view.showAll}
        @change=${(e: Event) => view.setShowAll((e.target as HTMLInputElement).checked)}
      />${t.showAll}</label
    >
    <p class="muted" role="status">${view.note}</p>
    ${
      shown.length
        ? html`<ul class="entries">
            ${shown.map((record) => keyed(record.id, renderEntry(view, record)))}
          </ul>`
        : html`<p class="muted">${t.noEntries}</p>`
    }
    ${
      mine.length
        ? html`<div part="actions">
            ${
              closed
                ? html`<p class="muted">${t.exportLocked}</p>`
                : html`<button @click=${() => view.download('md')}>${t.exportMd}</button>
                    <button @click=${() => view.download('json')}>${t.exportJson}</button>`
            }
            <button class="danger" @click=${(e: Event) => view.deleteAll(e.currentTarget)}>
              ${t.deleteAll}
            </button>
          </div>`
        : nothing
    }
    ${view.lock}
    <div part="actions"><button @click=${() => view.back()}>${t.backToFlow}</button></div>
  </section>`;
}
