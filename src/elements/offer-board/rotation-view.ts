/**
 * A rotation's dates inside its card: who it is for, the recipient's notes, and each date
 * filled or open, as a list (with sign-up buttons) or a compact calendar.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PostEntry } from '../../domain/load.js';
import { holderOf, postState, type Post } from '../../domain/offers.js';
import { calendarWeeks, datePassed, type DateKey } from '../../domain/rotations.js';
import { DAY_FORMAT, type BoardView } from './board-view.js';

type DateState = 'open' | 'mine' | 'filled' | 'past' | 'paused';

function dateState(view: BoardView, post: Post, date: DateKey): DateState {
  const holder = holderOf(post, date);
  if (holder) return holder.personId === view.viewer.id ? 'mine' : 'filled';
  if (datePassed(date, view.now)) return 'past';
  return post.rotation!.pausedAt ? 'paused' : 'open';
}

export function renderRotation(
  view: BoardView,
  entry: PostEntry,
  post: Post,
  headingId: string,
): TemplateResult {
  const { t } = view;
  const rotation = post.rotation!;
  const calendar = view.calendar(entry.id);
  const canSignUp = postState(post, view.now) === 'open';
  const toggle = (on: boolean, label: string) =>
    html`<button
      type="button"
      aria-pressed=${calendar === on ? 'true' : 'false'}
      @click=${() => view.act({ type: 'calendar', entry, on })}
    >
      ${label}
    </button>`;
  return html`<p class="recipient">${t.forRecipient(rotation.recipientName)}</p>
    ${rotation.notes ? html`<p class="notes"><strong>${t.notes}:</strong> ${rotation.notes}</p>` : nothing}
    <div class="toggle" role="group" aria-label=${t.viewLabel}>
      ${toggle(false, t.listView)}${toggle(true, t.calendarView)}
    </div>
    ${
      calendar
        ? renderCalendar(view, post, headingId)
        : html`<ul class="dates" part="dates">
            ${rotation.dates.map((date) => {
              const state = dateState(view, post, date);
              const label = view.format(date, DAY_FORMAT);
              const holder = holderOf(post, date);
              return html`<li class=${state}>
                <span class="day">${label}</span>
                <span class="who"
                  >${holder && state !== 'mine' ? (holder.personName ?? t.someone) : t.dateState(state)}</span
                >
                ${
                  state === 'open' && canSignUp && post.authorId !== view.viewer.id
                    ? html`<button
                        type="button"
                        aria-describedby=${headingId}
                        ?disabled=${view.busy.has(entry.id)}
                        @click=${() => view.act({ type: 'claim', entry, slot: date })}
                      >
                        ${t.signUp(label)}
                      </button>`
                    : state === 'mine' && holder?.status === 'active'
                      ? html`<button
                          type="button"
                          aria-describedby=${headingId}
                          ?disabled=${view.busy.has(entry.id)}
                          @click=${() => view.act({ type: 'release', entry, claim: holder })}
                        >
                          ${t.releaseDate(label)}
                        </button>`
                      : nothing
                }
              </li>`;
            })}
          </ul>`
    }`;
}

function renderCalendar(view: BoardView, post: Post, headingId: string): TemplateResult {
  const { t } = view;
  const weeks = calendarWeeks(post.rotation!.dates);
  const inRotation = new Set(post.rotation!.dates);
  return html`<table class="calendar" part="calendar" aria-describedby=${headingId}>
    <thead>
      <tr>
        ${weeks[0]!.map((day) => html`<th scope="col">${view.format(day, { weekday: 'short' })}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${weeks.map(
        (week) =>
          html`<tr>
            ${week.map((day) => {
              if (!inRotation.has(day))
                return html`<td class="off">${view.format(day, { day: 'numeric' })}</td>`;
              const state = dateState(view, post, day);
              return html`<td class=${state}>
                <span aria-hidden="true">${view.format(day, { day: 'numeric' })}</span>
                <span class="visually-hidden">${view.format(day, DAY_FORMAT)}:</span>
                <span class="mark">${t.dateState(state)}</span>
              </td>`;
            })}
          </tr>`,
      )}
    </tbody>
  </table>`;
}
