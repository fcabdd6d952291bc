/**
 * The form to post (or edit) an offer or a need, and the won't-resent check an offer passes
 * through before it is posted: a short, skippable pause with a one-click way to offer fewer
 * slots. The draft lives here, so live changes to the board never touch what someone typed, and
 * a failed save keeps it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Post, PostEdit, PostInput } from '../../domain/offers.js';
import type { BoardMessages } from './offer-board.messages.js';

export interface PostDraft {
  kind: 'offer' | 'need';
  title: string;
  details: string;
  category: string;
  flexible: boolean;
  start: string;
  end: string;
  slots: number;
  place: string;
  expires: string;
  askFirst: boolean;
  oncePerWeek: boolean;
  quietHours: string;
  privateDetails: string;
}

/** What the form shows around the draft, and where it sends it. */
export interface PostFormView {
  t: BoardMessages;
  lang: string;
  categories: readonly string[];
  /** The viewer's commitments this week, for the check. */
  commitments: number;
  /** True after a recent "I wouldn't offer that again". */
  regret: boolean;
  /** Why the last save failed, said plainly; the draft stays. */
  error: string | undefined;
  saving: boolean;
  submit(form: PostForm): void;
  cancel(): void;
}

/**
 * The category question, shared by both forms: nothing is chosen for the person (the empty
 * choice comes first), and a missing answer is said at the field, which is marked.
 */
export function categoryField(
  t: BoardMessages,
  categories: readonly string[],
  value: string,
  missing: boolean,
): TemplateResult {
  return html`<div class="field">
    <label for="category">${t.categoryLabel}</label>
    <select
      id="category"
      name="category"
      aria-required="true"
      aria-invalid=${missing ? 'true' : 'false'}
      aria-describedby="category-error"
    >
      <option value="" ?selected=${!value}>${t.chooseCategory}</option>
      ${categories.map((c) => html`<option value=${c} ?selected=${c === value}>${t.category(c)}</option>`)}
    </select>
    <p class="field-error" id="category-error">${missing ? t.categoryMissing : ''}</p>
  </div>`;
}

/** `2026-03-02T18:30` (local) for a datetime-local input, from an ISO time. */
export function localInput(iso: string | undefined, length = 16): string {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, length);
}

const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);

export class PostForm {
  draft: PostDraft;
  /** The id of the post being edited; absent for a new post. */
  readonly editing: string | undefined;
  step: 'form' | 'check' = 'form';
  /** True after a try to post without a category. */
  missing = false;
  /** Draws the form again; `focus` names what should have focus after (when the focused control goes away). */
  readonly #update: (focus?: string) => void;

  constructor(
    update: (focus?: string) => void,
    kind: 'offer' | 'need',
    editing?: { id: string; post: Post },
  ) {
    this.#update = update;
    this.editing = editing?.id;
    const p = editing?.post;
    this.draft = {
      kind: p ? (p.kind as 'offer' | 'need') : kind,
      title: p?.title ?? '',
      details: p?.details ?? '',
      category: p?.category ?? '',
      flexible: p ? p.when.flexible : true,
      start: p && !p.when.flexible ? localInput(p.when.start) : '',
      end: p && !p.when.flexible ? localInput(p.when.end) : '',
      slots: p?.slots ?? 1,
      place: p?.place ?? '',
      expires: localInput(p?.expiresAt, 10),
      askFirst: Boolean(p?.terms?.askFirst),
      oncePerWeek: Boolean(p?.terms?.oncePerWeek),
      quietHours: p?.terms?.quietHours ?? '',
      privateDetails: p?.privateDetails ?? '',
    };
  }

  /** The draft as the rules take it. */
  input(): PostInput & PostEdit {
    const d = this.draft;
    return {
      kind: d.kind,
      title: d.title,
      details: d.details,
      category: d.category,
      when:
        d.flexible || !d.start
          ? { flexible: true }
          : { flexible: false, start: iso(d.start)!, ...(d.end ? { end: iso(d.end)! } : {}) },
      slots: d.slots,
      place: d.place,
      expiresAt: d.expires ? iso(`${d.expires}T23:59:59`) : undefined,
      terms:
        d.kind === 'offer'
          ? { askFirst: d.askFirst, oncePerWeek: d.oncePerWeek, quietHours: d.quietHours }
          : undefined,
      privateDetails: d.privateDetails,
    };
  }

  #read = (event: Event): void => {
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '');
    const flexible = data.has('flexible');
    const category = text('category');
    const redraw = flexible !== this.draft.flexible || (this.missing && Boolean(category));
    if (category) this.missing = false;
    this.draft = {
      ...this.draft,
      title: text('title'),
      details: text('details'),
      category,
      flexible,
      start: text('start'),
      end: text('end'),
      slots: Math.min(50, Math.max(1, Math.round(Number(text('slots'))) || 1)),
      place: text('place'),
      expires: text('expires'),
      askFirst: data.has('askFirst'),
      oncePerWeek: data.has('oncePerWeek'),
      quietHours: text('quietHours'),
      privateDetails: text('privateDetails'),
    };
    if (redraw) this.#update();
  };

  #submit(event: Event, view: PostFormView): void {
    event.preventDefault();
    if (!this.draft.category) {
      this.missing = true;
      this.#update('#category');
      return;
    }
    // A new offer pauses once on the won't-resent check; everything else goes straight on.
    if (this.step === 'form' && this.draft.kind === 'offer' && !this.editing) {
      this.step = 'check';
      this.#update('#dialog-heading');
      return;
    }
    view.submit(this);
  }

  render(view: PostFormView): TemplateResult {
    const { t, lang } = view;
    const d = this.draft;
    const heading = t.formTitle(this.editing ? 'edit' : d.kind);
    const error = view.error ? html`<p class="message error" role="alert">${view.error}</p>` : nothing;
    if (this.step === 'check')
      return html`<form class="check" @submit=${(e: Event) => this.#submit(e, view)}>
        <h3 id="dialog-heading" tabindex="-1">${t.checkHeading}</h3>
        <p>${t.checkTired}</p>
        <p>${t.checkSmaller}</p>
        <p class="muted">${t.yourWeek(view.commitments, lang)} ${view.regret ? t.regretNote : nothing}</p>
        ${
          d.slots > 1
            ? html`<button
                type="button"
                @click=${() => {
                  d.slots--;
                  // At one the button goes: its step's heading takes focus.
                  this.#update(d.slots > 1 ? undefined : '#dialog-heading');
                }}
              >
                ${t.shrink(d.slots, d.slots - 1)}
              </button>`
            : nothing
        }
        ${error}
        <div class="actions">
          <button
            type="button"
            @click=${() => {
              this.step = 'form';
              this.#update('[name="title"]');
            }}
          >
            ${t.back}
          </button>
          <button class="primary" ?disabled=${view.saving}>${t.postIt}</button>
        </div>
      </form>`;
    return html`<form
      @input=${this.#read}
      @change=${this.#read}
      @submit=${(e: Event) => this.#submit(e, view)}
    >
      <h3 id="dialog-heading">${heading}</h3>
      <label>${t.title}<input name="title" required maxlength="120" .value=${d.title} /></label>
      <label>${t.details}<textarea name="details" maxlength="2000" .value=${d.details}></textarea></label>
      <div class="row">
        ${categoryField(t, view.categories, d.category, this.missing)}
        <label
          >${t.slots}<input name="slots" type="number" min="1" max="50" required .value=${String(d.slots)}
        /></label>
      </div>
      <label class="check"
        ><input type="checkbox" name="flexible" .checked=${d.flexible} />${t.flexibleLabel}</label
      >
      ${
        d.flexible
          ? nothing
          : html`<div class="row">
              <label>${t.from}<input name="start" type="datetime-local" required .value=${d.start} /></label>
              <label>${t.to}<input name="end" type="datetime-local" .value=${d.end} /></label>
            </div>`
      }
      <div class="row">
        <label>${t.placeLabel}<input name="place" maxlength="200" .value=${d.place} /></label>
        <label>${t.expires}<input name="expires" type="date" .value=${d.expires} /></label>
      </div>
      ${
        d.kind === 'offer'
          ? html`<fieldset>
              <legend>${t.termsLegend}</legend>
              <label class="check"
                ><input type="checkbox" name="askFirst" .checked=${d.askFirst} />${t.askFirst}</label
              >
              <label class="check"
                ><input
                  type="checkbox"
                  name="oncePerWeek"
                  .checked=${d.oncePerWeek}
                />${t.oncePerWeekTerm}</label
              >
              <label
                >${t.quietHoursLabel}<input name="quietHours" maxlength="120" .value=${d.quietHours}
              /></label>
            </fieldset>`
          : nothing
      }
      <label
        >${t.privateLabel}
        <textarea
          name="privateDetails"
          maxlength="1000"
          aria-describedby="private-hint"
          .value=${d.privateDetails}
        ></textarea>
      </label>
      <p id="private-hint" class="muted">${t.privateHint}</p>
      ${error}
      <div class="actions">
        <button type="button" @click=${view.cancel}>${t.cancel}</button>
        <button class="primary" ?disabled=${view.saving}>${this.editing ? t.save : t.post}</button>
      </div>
    </form>`;
  }
}
