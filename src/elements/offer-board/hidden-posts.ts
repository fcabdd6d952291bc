/**
 * The board's view of a hidden post (docs/moderation.md), fetched when the board first shows one
 * or a moderator's tools: on its card, the hide as its author reads it (the reason, and a thread
 * to answer the moderators) or as a moderator does (with "show it again"); and the dialog in
 * which a moderator hides a post, with a reason the author will read.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PostEntry } from '../../domain/load.js';
import { LIMITS, type Post } from '../../domain/offers.js';
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
