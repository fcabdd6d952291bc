/**
 * A rotation's dates inside its card: who it is for, the recipient's notes, and each date
 * filled or open, as a list or as a compact calendar (one month a table, named), both with a
 * way to sign up for an open date.
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

/**
 * What the viewer can do on a date: sign up for an open one, release their own. The button shows
 * a short word (in the calendar, the day's number); its name carries the date once ("Sign up for
 * Wed, Mar 4").
 */
function dateAction(
  view: BoardView,
  entry: PostEntry,
  post: Post,
  date: DateKey,
  state: DateState,
  headingId: string,
  shown?: string,
): TemplateResult | typeof nothing {
  const { t } = view;
  const label = view.format(date, DAY_FORMAT);
  const holder = holderOf(post, date);
  const button = (text: string, name: string, act: () => void) =>
    html`<button
      type="button"
      aria-label=${name}
      aria-describedby=${headingId}
      ?disabled=${view.busy.has(entry.id)}
      @click=${act}
    >
      ${text}
    </button>`;
  if (state === 'open' && postState(post, view.now) === 'open' && post.authorId !== view.viewer.id)
    return button(shown ?? t.signUpShort, t.signUp(label), () =>
      view.act({ type: 'claim', entry, slot: date }),
    );
  if (state === 'mine' && holder?.status === 'active')
    return button(t.releaseShort, t.releaseDate(label), () =>
      view.act({ type: 'release', entry, claim: holder }),
    );
  return nothing;
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
        ? renderCalendar(view, entry, post, headingId)
        : html`<ul class="dates" part="dates">
            ${rotation.dates.map((date) => {
              const state = dateState(view, post, date);
              const holder = holderOf(post, date);
              return html`<li class=${state} data-date=${date}>
                <span class="day">${view.format(date, DAY_FORMAT)}</span>
                <span class="who"
                  >${holder && state !== 'mine' ? (holder.personName ?? t.someone) : t.dateState(state)}</span
                >
                ${dateAction(view, entry, post, date, state, headingId)}
              </li>`;
            })}
          </ul>`
    }`;
}

/** One table a month, its caption the month and year: a rotation across a month's end shows both months by name. */
function renderCalendar(view: BoardView, entry: PostEntry, post: Post, headingId: string): TemplateResult {
  const { t } = view;
  const dates = post.rotation!.dates;
  const inRotation = new Set(dates);
  const months = [...new Set(dates.map((d) => d.slice(0, 7)))];
  return html`<div class="calendars" part="calendar">
    ${months.map((month) => {
      const weeks = calendarWeeks(dates.filter((d) => d.startsWith(month)));
      return html`<table class="calendar" aria-describedby=${headingId}>
        <caption>
          ${view.format(`${month}-01`, { month: 'long', year: 'numeric' })}
        </caption>
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
                  if (!day.startsWith(month)) return html`<td></td>`;
                  const number = view.format(day, { day: 'numeric' });
                  if (!inRotation.has(day)) return html`<td class="off">${number}</td>`;
                  const state = dateState(view, post, day);
                  // An open date the viewer can take is a button (its number, named with the whole date).
                  const signUp =
                    state === 'open' ? dateAction(view, entry, post, day, state, headingId, number) : nothing;
                  return html`<td class=${state} data-date=${day}>
                    ${
                      signUp === nothing
                        ? html`<span aria-hidden="true">${number}</span>
                            <span class="visually-hidden">${view.format(day, DAY_FORMAT)}:</span>`
                        : signUp
                    }
                    <span class="mark">${t.dateState(state)}</span>
                  </td>`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>`;
    })}
  </div>`;
}
