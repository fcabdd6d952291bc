/**
 * The form to start a rotation (a meal train): who it is for, their notes, details for people
 * signed up, and the dates, from a weekday pattern ("Mon/Wed/Fri for three weeks") or picked one
 * by one, with a preview of the dates it gives. The draft lives here, safe from live changes.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Post, PostInput } from '../../domain/offers.js';
import { addDays, generateDates, normaliseDates, type DateKey } from '../../domain/rotations.js';
import { DAY_FORMAT } from './board-view.js';
import type { BoardMessages } from './offer-board.messages.js';
import { categoryField } from './post-form.js';

export interface RotationDraft {
  title: string;
  recipient: string;
  notes: string;
  privateDetails: string;
  category: string;
  mode: 'pattern' | 'pick';
  start: DateKey;
  weekdays: number[];
  weeks: number;
  picked: DateKey[];
}

export interface RotationFormView {
  t: BoardMessages;
  lang: string;
  categories: readonly string[];
  error: string | undefined;
  saving: boolean;
  format(date: string, options: Intl.DateTimeFormatOptions): string;
  submit(form: RotationForm): void;
  cancel(): void;
}

/** Monday first; 0 = Sunday as in `Date.getUTCDay`. */
const WEEK = [1, 2, 3, 4, 5, 6, 0];
/** A Monday, to name weekdays through Intl. */
const MONDAY = '2024-01-01';

export class RotationForm {
  draft: RotationDraft;
  /** The id of the rotation being edited; absent for a new one. */
  readonly editing: string | undefined;
  /** True after a try to start it without a category. */
  missing = false;
  readonly #update: (focus?: string) => void;

  /** `today` is the organiser's local day, the pattern's default start. An edit starts from the dates as picked. */
  constructor(update: (focus?: string) => void, today: DateKey, editing?: { id: string; post: Post }) {
    this.#update = update;
    this.editing = editing?.id;
    const p = editing?.post;
    this.draft = {
      title: p?.title ?? '',
      recipient: p?.rotation?.recipientName ?? '',
      notes: p?.rotation?.notes ?? '',
      privateDetails: p?.privateDetails ?? '',
      category: p?.category ?? '',
      mode: p ? 'pick' : 'pattern',
      start: today,
      weekdays: [1, 3, 5],
      weeks: 3,
      picked: p?.rotation?.dates ?? [],
    };
  }

  dates(): DateKey[] {
    const d = this.draft;
    return d.mode === 'pattern'
      ? generateDates({ start: d.start, weekdays: d.weekdays, weeks: d.weeks })
      : normaliseDates(d.picked);
  }

  input(): PostInput {
    const d = this.draft;
    return {
      kind: 'rotation',
      title: d.title,
      category: d.category,
      privateDetails: d.privateDetails,
      rotation: { recipientName: d.recipient, notes: d.notes, dates: this.dates() },
    };
  }

  #read = (event: Event): void => {
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '');
    const d = this.draft;
    // The pattern's fields are only there while the pattern is shown: keep them while hidden.
    const shown = data.has('weeks');
    const category = text('category');
    if (category) this.missing = false;
    this.draft = {
      ...d,
      title: text('title'),
      recipient: text('recipient'),
      notes: text('notes'),
      privateDetails: text('privateDetails'),
      category,
      mode: text('mode') === 'pick' ? 'pick' : 'pattern',
      start: text('start') || d.start,
      weekdays: shown ? data.getAll('weekday').map(Number) : d.weekdays,
      weeks: shown ? Math.min(12, Math.max(1, Math.round(Number(text('weeks'))) || 1)) : d.weeks,
    };
    // The preview of dates follows every change.
    this.#update();
  };

  #add(event: Event): void {
    const input = (event.currentTarget as HTMLElement).parentElement!.querySelector('input')!;
    if (!input.value) return;
    this.draft = { ...this.draft, picked: normaliseDates([...this.draft.picked, input.value]) };
    input.value = '';
    this.#update();
  }

  render(view: RotationFormView): TemplateResult {
    const { t, lang } = view;
    const d = this.draft;
    const dates = this.dates();
    const day = (date: string) => view.format(date, DAY_FORMAT);
    return html`<form
      @input=${this.#read}
      @change=${this.#read}
      @submit=${(e: Event) => {
        e.preventDefault();
        if (!d.category) {
          this.missing = true;
          this.#update('#category');
        } else if (dates.length) view.submit(this);
      }}
    >
      <h3 id="dialog-heading">${this.editing ? t.formTitle('edit') : t.rotationHeading}</h3>
      <label>${t.rotationTitle}<input name="title" required maxlength="120" .value=${d.title} /></label>
      <div class="row">
        <label>${t.recipient}<input name="recipient" required maxlength="80" .value=${d.recipient} /></label>
        ${categoryField(t, view.categories, d.category, this.missing)}
      </div>
      <label>${t.rotationNotes}<textarea name="notes" maxlength="1000" .value=${d.notes}></textarea></label>
      <label
        >${t.rotationPrivate}<textarea
          name="privateDetails"
          maxlength="1000"
          .value=${d.privateDetails}
        ></textarea>
      </label>
      <fieldset>
        <legend>${t.datesLegend}</legend>
        <div class="choices">
          <label class="choice"
            ><input
              type="radio"
              name="mode"
              value="pattern"
              .checked=${d.mode === 'pattern'}
            />${t.byPattern}</label
          >
          <label class="choice"
            ><input type="radio" name="mode" value="pick" .checked=${d.mode === 'pick'} />${t.byPick}</label
          >
        </div>
        ${
          d.mode === 'pattern'
            ? html`<div class="row">
                  <label>${t.start}<input name="start" type="date" required .value=${d.start} /></label>
                  <label
                    >${t.weeks}<input name="weeks" type="number" min="1" max="12" .value=${String(d.weeks)}
                  /></label>
                </div>
                <fieldset>
                  <legend>${t.weekdaysLegend}</legend>
                  <div class="choices">
                    ${WEEK.map(
                      (n) =>
                        html`<label class="choice"
                          ><input
                            type="checkbox"
                            name="weekday"
                            value=${n}
                            .checked=${d.weekdays.includes(n)}
                          />${view.format(addDays(MONDAY, (n + 6) % 7), { weekday: 'short' })}</label
                        >`,
                    )}
                  </div>
                </fieldset>`
            : html`<div class="row pick">
                  <label>${t.pickDate}<input type="date" /></label>
                  <button type="button" @click=${(e: Event) => this.#add(e)}>${t.addDate}</button>
                </div>
                <ul class="picked">
                  ${d.picked.map(
                    (date) =>
                      html`<li>
                        ${day(date)}
                        <button
                          type="button"
                          @click=${() => {
                            this.draft = { ...this.draft, picked: d.picked.filter((p) => p !== date) };
                            this.#update();
                          }}
                        >
                          ${t.removeDate(day(date))}
                        </button>
                      </li>`,
                  )}
                </ul>`
        }
        <p class="preview" aria-live="polite">
          <strong>${t.datesCount(dates.length, lang)}</strong
          >${dates.length ? html`: ${dates.map(day).join(', ')}` : nothing}
        </p>
      </fieldset>
      ${view.error ? html`<p class="message error" role="alert">${view.error}</p>` : nothing}
      <div class="actions">
        <button type="button" @click=${view.cancel}>${t.cancel}</button>
        <button class="primary" ?disabled=${view.saving || !dates.length}>
          ${this.editing ? t.save : t.startRotation}
        </button>
      </div>
    </form>`;
  }
}
