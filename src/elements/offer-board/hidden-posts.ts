/**
 * The board's part of moderation (docs/moderation.md): on a hidden post's card, the hide as its
 * author reads it (the reason, and a thread to answer the moderators) or as a moderator does
 * (with "show it again"); the dialog in which a moderator hides a post, with a reason the author
 * will read; and, for everyone else, only how many posts of the board a moderator has hidden,
 * from the server's `moderation` figure (never which, whose or why).
 */
import {
  css,
  html,
  nothing,
  type ReactiveController,
  type ReactiveControllerHost,
  type TemplateResult,
} from 'lit';
import type { PostEntry } from '../../domain/load.js';
import { MODERATION_AGGREGATE, type ModerationFigures } from '../../domain/concerns.js';
import { LIMITS, type Post } from '../../domain/offers.js';
import type { StorageAdapter } from '../../storage/adapter.js';
import type { BoardView } from './board-view.js';
import type { BoardMessages } from './offer-board.messages.js';

/** A hidden post, as its card shows it to its author or to a moderator. */
export function renderHidden(
  view: BoardView,
  entry: PostEntry,
  post: Post,
  headingId: string,
): TemplateResult {
  const { t, viewer } = view;
  // As the store gave it: moderator ids only in a moderator's view.
  const hidden = entry.value.hidden ?? post.hidden!;
  const author = post.authorId === viewer.id;
  const as = author ? 'author' : 'moderator';
  const busy = view.busy.has(entry.id);
  const replyId = `hide-reply-${entry.id}`;
  const time: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  return html`<div class="message hidden-note" part="hidden">
    <h4>${author ? t.hiddenHeading : t.hiddenModerator}</h4>
    <p>${t.hiddenReason(hidden.reason)}</p>
    <p class="muted">${author ? t.hiddenForAuthor : t.hiddenForModerator}</p>
    ${
      hidden.replies.length
        ? html`<ol class="replies">
            ${hidden.replies.map(
              (reply) =>
                html`<li>
                  <strong
                    >${t.hideReplyBy(
                      (author ? reply.by === 'author' : reply.moderatorId === viewer.id) ? 'you' : reply.by,
                    )}</strong
                  >
                  <span class="muted"><time datetime=${reply.at}>${view.format(reply.at, time)}</time></span>
                  <p>${reply.text}</p>
                </li>`,
            )}
          </ol>`
        : nothing
    }
    <form
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        const form = event.currentTarget as HTMLFormElement;
        const text = (new FormData(form).get('reply') as string).trim();
        view.act({ type: 'hide-reply', entry, text, done: () => form.reset() });
      }}
    >
      <label for=${replyId}>${t.hideReplyLabel(as)}</label>
      <textarea id=${replyId} name="reply" maxlength=${LIMITS.hideReply}></textarea>
      <div class="actions">
        <button type="submit" aria-describedby=${headingId} ?disabled=${busy}>${t.send}</button>
        ${
          author
            ? nothing
            : html`<button
                type="button"
                aria-describedby=${headingId}
                ?disabled=${busy}
                @click=${() => view.act({ type: 'unhide', entry })}
              >
                ${t.unhide}
              </button>`
        }
      </div>
    </form>
  </div>`;
}

/** The dialog in which a moderator hides a post: a reason is required, and the author reads it. */
export function renderHideAsk(
  t: BoardMessages,
  send: (reason: string) => void,
  close: () => void,
  error?: string,
): TemplateResult {
  return html`<form
    novalidate
    @submit=${(e: Event) => {
      e.preventDefault();
      send((new FormData(e.currentTarget as HTMLFormElement).get('reason') as string).trim());
    }}
  >
    <h3 id="ask-heading">${t.hideHeading}</h3>
    <p>${t.hideBody}</p>
    <label for="hide-reason">${t.hideReason}</label>
    <textarea
      id="hide-reason"
      name="reason"
      maxlength=${LIMITS.hideReason}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby="hide-error"
    ></textarea>
    <p class="field-error" id="hide-error">${error ?? ''}</p>
    <div class="actions">
      <button type="button" @click=${close}>${t.cancel}</button>
      <button class="danger">${t.hideIt}</button>
    </div>
  </form>`;
}

/** "2 posts hidden by a moderator": all the board says of hidden posts to everyone else. */
export function renderHiddenCount(t: BoardMessages, lang: string, count: number | undefined): TemplateResult {
  return count ? html`<p class="muted" part="hidden-count">${t.hiddenCount(count, lang)}</p>` : html``;
}

const isFigures = (value: unknown): value is ModerationFigures =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ModerationFigures).board === 'string' &&
  typeof (value as ModerationFigures).hiddenPosts === 'number';

/** Watches the server's count of a board's hidden posts, on a store that computes it. */
export class HiddenCountController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #adapter: () => StorageAdapter;
  readonly #board: () => string;
  #bound: { adapter: StorageAdapter; board: string; stop: () => void } | undefined;
  /** How many posts of the board are hidden; `undefined` until known (or on browser-only storage). */
  value: number | undefined;

  constructor(host: ReactiveControllerHost, adapter: () => StorageAdapter, board: () => string) {
    this.#host = host;
    this.#adapter = adapter;
    this.#board = board;
    host.addController(this);
  }

  hostConnected(): void {
    this.#bind();
  }

  hostUpdate(): void {
    this.#bind();
  }

  hostDisconnected(): void {
    this.#bound?.stop();
    this.#bound = undefined;
    this.value = undefined;
  }

  #bind(): void {
    const adapter = this.#adapter();
    const board = this.#board();
    if (this.#bound?.adapter === adapter && this.#bound.board === board) return;
    this.hostDisconnected();
    if (!adapter.watchAggregate || !adapter.status.shared) return;
    let live = true;
    const stop = adapter.watchAggregate(MODERATION_AGGREGATE, { board }, (value) => {
      if (!live || !isFigures(value) || value.board !== board) return;
      this.value = value.hiddenPosts;
      this.#host.requestUpdate();
    });
    this.#bound = {
      adapter,
      board,
      stop: () => {
        live = false;
        stop();
      },
    };
  }
}

/** The hide on a card: one message block, its thread as a plain list. */
export const hiddenStyles = css`
  .hidden-note,
  .hidden-note form {
    display: grid;
    gap: var(--_space-s);
  }
  .replies {
    display: grid;
    gap: var(--_space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .replies li {
    padding-inline-start: var(--_space-s);
    border-inline-start: 3px solid var(--_border-soft);
  }
  .replies p {
    margin: 0;
  }
  .card.hidden {
    border-style: dashed;
  }
`;
