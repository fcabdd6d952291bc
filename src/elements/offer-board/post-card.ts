/**
 * One post as a card: a list item with a heading, what it is, when and where, its terms, the
 * private details when the viewer may see them, who is on it, and the viewer's actions. Every
 * user-typed string is rendered as text. The card renders the post through `visiblePost`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PostEntry } from '../../domain/load.js';
import {
  claimOf,
  holderOf,
  holds,
  isLive,
  openSlots,
  postState,
  visiblePost,
  type Post,
} from '../../domain/offers.js';
import { TIME_FORMAT, type BoardAction, type BoardView } from './board-view.js';
import { renderRotation } from './rotation-view.js';

function when(view: BoardView, post: Post): string {
  if (post.when.flexible) return view.t.flexible;
  const { start, end } = post.when;
  const sameDay = end && new Date(start).toDateString() === new Date(end).toDateString();
  const from = view.format(start, TIME_FORMAT);
  return end ? `${from} – ${view.format(end, sameDay ? { timeStyle: 'short' } : TIME_FORMAT)}` : from;
}

function stateLine(view: BoardView, post: Post, mine: boolean): string {
  const { t, lang, now } = view;
  const state = postState(post, now);
  const my = claimOf(post, view.viewer.id);
  if (state === 'withdrawn')
    return !mine && my && holds(my) ? t.withdrawnNote(post.authorName ?? t.someone) : t.state(state);
  if (state === 'paused' && my && holds(my)) return `${t.state(state)}. ${t.pausedNote}`;
  // An "ask me first" request holds its spot until the author says yes: waiting, not taken.
  const asked = post.claims.filter((c) => c.status === 'requested').length;
  const waiting = asked
    ? t.requestsWaiting(asked, lang, mine ? undefined : (post.authorName ?? t.someone))
    : '';
  if (state !== 'open') return (state === 'full' && waiting) || t.state(state);
  const open = openSlots(post, now).length;
  const line = post.rotation ? t.datesOpen(open, post.slots, lang) : t.spotsOpen(open, post.slots, lang);
  return waiting ? `${line} · ${waiting}` : line;
}

export function renderCard(view: BoardView, entry: PostEntry, index: number, total: number): TemplateResult {
  const { t, lang, viewer } = view;
  const post = visiblePost(entry.value, viewer);
  const headingId = `post-${entry.id}`;
  const state = postState(post, view.now);
  const mine = post.authorId === viewer.id;
  const my = mine ? undefined : claimOf(post, viewer.id);
  const busy = view.busy.has(entry.id);
  const waited = view.waited(entry.id);
  const notice = view.notice(entry.id);
  const button = (label: string, action: BoardAction) =>
    html`<button
      type="button"
      aria-describedby=${headingId}
      ?disabled=${busy}
      @click=${() => view.act(action)}
    >
      ${label}
    </button>`;
  const newlyOpen =
    state === 'open' && !post.rotation && post.claims.some((c) => !holds(c) && !holderOf(post, c.slot));
  const terms = post.terms;
  const holding = post.rotation ? [] : post.claims.filter(holds);
  const recipient = post.rotation?.recipientId === viewer.id;
  const live = state !== 'withdrawn' && state !== 'expired';
  // People who claim an offer receive it; people who claim a need help with it.
  const offer = post.kind === 'offer';

  return html`<li
    class="card ${post.kind} ${state}${post.hidden ? ' hidden' : ''}"
    part="card"
    data-id=${entry.id}
    aria-setsize=${total}
    aria-posinset=${index + 1}
  >
    <p class="meta">
      <span class="badge" part="kind">${t.kind(post.kind)}</span>
      <span>${t.category(post.category)}</span>
      <span>${t.by(post.authorName ?? t.someone)}</span>
    </p>
    <h3 id=${headingId} part="card-title" tabindex="-1">${post.title}</h3>
    <p class="state">
      ${stateLine(view, post, mine)} ${newlyOpen ? html`<span class="badge">${t.newlyOpen}</span>` : nothing}
      ${waited ? html`<span class="badge waiting">${t.waiting(waited, lang)}</span>` : nothing}
    </p>
    ${post.hidden && view.hidden ? view.hidden(view, entry, post, headingId) : nothing}
    ${post.details ? html`<p class="details">${post.details}</p>` : nothing}
    <dl>
      ${
        post.rotation
          ? nothing
          : html`<div>
              <dt>${t.when}</dt>
              <dd>${when(view, post)}</dd>
            </div>`
      }
      ${
        post.place
          ? html`<div>
              <dt>${t.place}</dt>
              <dd>${post.place}</dd>
            </div>`
          : nothing
      }
      ${
        post.expiresAt
          ? html`<div>
              <dt>${t.until}</dt>
              <dd>${view.format(post.expiresAt, { dateStyle: 'medium' })}</dd>
            </div>`
          : nothing
      }
      ${
        terms
          ? html`<div>
              <dt>${t.terms}</dt>
              <dd>
                ${[
                  terms.askFirst ? t.askFirstTerm : '',
                  terms.oncePerWeek ? t.oncePerWeekTerm : '',
                  terms.quietHours ? `${t.quietHours}: ${terms.quietHours}` : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </dd>
            </div>`
          : nothing
      }
    </dl>
    ${post.rotation ? renderRotation(view, entry, post, headingId) : nothing}
    ${
      post.privateDetails !== undefined
        ? html`<div class="message" part="private">
            <h4>${t.privateHeading}</h4>
            <p>${post.privateDetails}</p>
          </div>`
        : nothing
    }
    ${
      holding.length
        ? html`<h4>${t.claimsHeading(post.kind)}</h4>
            <ul class="claims">
              ${holding.map(
                (claim) =>
                  html`<li>
                    ${claim.personName ?? t.someone}:
                    ${(offer ? t.recipientState : t.claimState)(claim.status)}
                    ${claim.thanks ? html`<q>${claim.thanks}</q>` : nothing}
                    ${
                      mine && claim.status === 'requested'
                        ? html`${button(t.accept, { type: 'accept', entry, claim })}
                          ${button(t.decline, { type: 'decline', entry, claim })}`
                        : nothing
                    }
                    ${mine && claim.status === 'active' ? button(t.markDone, { type: 'done', entry, claim }) : nothing}
                  </li>`,
              )}
            </ul>`
        : nothing
    }
    ${my && !post.rotation && state !== 'withdrawn' ? html`<p class="mine">${t.mineState(my.status)}</p>` : nothing}
    <div class="actions">
      ${!mine && !post.rotation && my && isLive(my) ? button(t.release, { type: 'release', entry, claim: my }) : nothing}
      ${
        !mine && !post.rotation && !(my && isLive(my)) && state === 'open' && !post.hidden
          ? button(post.kind === 'need' ? t.claimNeed : terms?.askFirst ? t.askOffer : t.claimOffer, {
              type: 'claim',
              entry,
            })
          : nothing
      }
      ${
        my && offer && (my.status === 'active' || my.status === 'done') && !my.thanks
          ? button(t.thank, { type: 'thank', entry, claim: my })
          : nothing
      }
      ${
        (mine || recipient) && post.rotation && live
          ? post.rotation.pausedAt
            ? button(t.resume, { type: 'resume', entry })
            : button(t.pause, { type: 'pause', entry })
          : nothing
      }
      ${mine && live ? button(t.edit, { type: 'edit', entry }) : nothing}
      ${mine && post.status !== 'withdrawn' ? button(t.withdraw, { type: 'withdraw', entry }) : nothing}
      ${view.moderator && view.hidden && !mine && !post.hidden ? button(t.hide, { type: 'hide', entry }) : nothing}
    </div>
    ${
      notice
        ? html`<p class="message ${notice.error ? 'error' : 'success'}" part="notice">${notice.text}</p>`
        : nothing
    }
  </li>`;
}
