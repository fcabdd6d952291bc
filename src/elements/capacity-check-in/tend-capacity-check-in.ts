import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RecordsController } from '../../controllers/records-controller.js';
import {
  EXPIRY_PRESETS,
  LEVELS,
  MAX_HOLD_DAYS,
  NAME_MAX,
  NOTE_MAX,
  VISIBILITIES,
  addAskCounts,
  aggregateCircle,
  askOrder,
  canSeeCheckIn,
  canWriteAsk,
  checkInId,
  circleEntries,
  dayKey,
  defaultVisibility,
  expiryFor,
  historyId,
  isActive,
  isAsk,
  isCheckIn,
  isGenuineCheckIn,
  isHistoryEntry,
  lastDay,
  lowDays,
  minGroupOf,
  ownAskCounts,
  ownLastAsks,
  parseKinds,
  patternDays,
  presetOf,
  startOfDay,
  namedWithRoom,
  validateCheckIn,
  type Ask,
  type CapacityLevel,
  type CheckIn,
  type ExpiryPreset,
  type HistoryEntry,
  type NamedEntry,
  type Visibility,
  type CircleEntry,
  type CircleFigures,
} from '../../domain/capacity.js';
import { randomId } from '../../domain/record-ids.js';
import { LocalizeController, relativeTime } from '../../i18n/localize.js';
import type { StoredRecord } from '../../storage/adapter.js';
import { type StorageError, toStorageError } from '../../storage/errors.js';
import { StorageNotice } from '../shared/storage-notice.js';
import { TendElement } from '../tend-element.js';
import { CircleFiguresController } from './circle-figures.js';
import { en, type CapacityMessages } from './capacity-check-in.messages.js';
import { styles } from './capacity-check-in.styles.js';
import { patternChart } from './pattern-chart.js';

/** The detail of `tend-capacity-change`, and the element's form value: what the person said, or `level: null` once cleared. */
export interface CapacityChangeDetail {
  level: CapacityLevel | null;
  kinds: string[];
  note: string;
  /** When it stops counting (ISO 8601); `null` once cleared, or for a day not yet chosen. */
  expiresAt: string | null;
  visibility: Visibility;
}

interface Draft {
  level: CapacityLevel | undefined;
  kinds: string[];
  note: string;
  preset: ExpiryPreset;
  date: string;
  /** `undefined`: the default for this circle and storage. */
  visibility: Visibility | undefined;
}

/** `YYYY-MM-DD` as a local date. */
const localDate = (day: string): Date => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d);
};

/**
 * Say how much room you have, for what and until when; see who in the circle has room; ask
 * so that asks spread out; and notice your own pattern over the last 14 days.
 *
 * Once a check-in holds, it shows as one line ("Some room for listening, until tonight.") with
 * a Change button; the form shows only when there is none yet, or while changing it. The circle,
 * "Who could I ask?" and the choice of who sees a check-in need storage others read (a
 * tend-server, `storage="http"`): on storage only this browser sees, they are not shown, and one
 * sentence (the `local-only` slot) says what a shared site adds.
 *
 * Check-ins live in collection `check-ins` (one per person per circle), the person's own daily
 * pattern in `check-in-history`, and "I asked" records in `asks` (the asker's alone: "Who could
 * I ask?" reads only the person's own, plus how often the circle asked each named person when
 * the server's figures say so). A new check-in is "just me"
 * unless the person (or the site, with `default-visibility`) chooses otherwise, and the form
 * says under the choice exactly what others get. A check-in marked "just me" is never shown to
 * anyone else; a counted-only one is never named and enters a figure only with at least
 * `min-group` others counted the same way; and no figure is shown for fewer than `min-group`
 * people. On a store that computes the circle's figures (a tend-server's `circle` aggregate)
 * the figures are the server's, with its own minimum group; the names are those of people
 * who chose "my circle". On shared storage that does not compute them (a custom adapter), the
 * same figures are computed here from the check-ins it returns.
 *
 * Form-associated: inside a `<form>`, it submits under `name` the JSON of its
 * {@link CapacityChangeDetail} once a level is chosen.
 *
 * @tagname tend-capacity-check-in
 * @summary Say how much room you have, and see who in the circle has room.
 *
 * @event {CustomEvent<CapacityChangeDetail>} tend-capacity-change - After the person saves or clears their check-in.
 *
 * @slot local-only - With a `circle` on storage only this browser sees: what a shared site would add (default: one sentence saying so).
 *
 * @csspart base - The widget's surface.
 * @csspart check-in - The section with the person's own check-in.
 * @csspart status - The line saying what the person's check-in is now.
 * @csspart change-button - The button that opens the form over a current check-in.
 * @csspart level-picker - The radio group of levels.
 * @csspart kinds - The checkboxes of kinds of support.
 * @csspart note - The note field and its hint.
 * @csspart hold - The choice of how long it holds.
 * @csspart visibility - The choice of who sees it (shared storage only).
 * @csspart save-button - The save button.
 * @csspart cancel-button - The button that closes the form unsaved.
 * @csspart clear-button - The clear button.
 * @csspart circle - The circle at a glance (shared storage only).
 * @csspart summary - The one-line summary of the circle.
 * @csspart ask - The "Who could I ask?" section (shared storage only).
 * @csspart ask-button - Each "Note that I asked …" button (it notes an ask made elsewhere; nothing is sent).
 * @csspart pattern - The section with the person's last 14 days.
 * @csspart chart - The 14-day SVG chart.
 * @csspart local-only - The default sentence of the `local-only` slot.
 * @csspart storage-notice - Where check-ins are saved, and any problem saving.
 *
 * @cssprop [--tend-font-family=inherit] - Font (the page's own by default).
 * @cssprop [--tend-font-size=1em] - Body size (the page's own by default); every other size follows it.
 * @cssprop [--tend-font-size-small=0.875em] - Hints, dates, badges and the storage line.
 * @cssprop [--tend-font-size-large=1.125em] - Section headings.
 * @cssprop [--tend-font-size-heading=1.3em] - The widget's heading.
 * @cssprop [--tend-color-text=light-dark(#1f2a24, #e6ece8)] - Text.
 * @cssprop [--tend-color-muted=light-dark(#55615a, #a6b3ab)] - Hints and notes.
 * @cssprop [--tend-color-surface=light-dark(#ffffff, #161b18)] - The widget, its cards, fields and dialogs.
 * @cssprop [--tend-color-surface-raised=light-dark(#f3f6f4, #1f2622)] - Information messages and hovered buttons.
 * @cssprop [--tend-color-border=light-dark(#8a968f, #6b7871)] - Borders of controls (3:1).
 * @cssprop [--tend-color-border-soft=light-dark(#d3dbd6, #333d37)] - Borders of the widget and its cards.
 * @cssprop [--tend-color-accent=light-dark(#2d6a4f, #8fd1ad)] - The primary button, links, chosen pills.
 * @cssprop [--tend-color-on-accent=light-dark(#ffffff, #0f2419)] - Text on the primary button.
 * @cssprop [--tend-color-accent-soft=light-dark(#e8f1ec, #23342b)] - Chosen pills and success messages.
 * @cssprop [--tend-color-danger=light-dark(#b3261e, #ffb4ab)] - Errors and delete buttons.
 * @cssprop [--tend-color-danger-soft=light-dark(#fcefee, #3b2220)] - Error messages.
 * @cssprop [--tend-color-focus=light-dark(#1a5fb4, #99c1f1)] - Focus ring colour.
 * @cssprop [--tend-focus-ring=3px solid] - Focus ring (in the focus colour).
 * @cssprop [--tend-radius=0.5em] - The one corner radius.
 * @cssprop [--tend-space=1em] - The spacing step; gaps are its multiples.
 * @cssprop [--tend-control-height=2.5em] - Height of inputs, selects and buttons.
 * @cssprop [--tend-transition=150ms ease-out] - Hover transitions.
 */
export class TendCapacityCheckIn extends TendElement<CapacityMessages> {
  static override styles = [...TendElement.styles, styles];
  static formAssociated = true;

  /** The circle whose check-ins are shared and shown (a household, a team, a street). Without it, the check-in is just for the person. */
  @property() circle = '';

  /** The kinds of support, comma-separated (lowercase letters, digits, hyphens). */
  @property() kinds = 'listening,practical,hosting';

  /**
   * Who sees a new check-in until the person chooses: `just-me` (the default: nothing is shared
   * unless the person chooses), `counted` or `circle`. Used only with a `circle` on storage others
   * can read; any other value counts as `just-me`.
   */
  @property({ attribute: 'default-visibility' }) defaultVisibility: Visibility = 'just-me';

  /**
   * On shared storage that does not compute the circle's figures, the smallest group a figure
   * is shown for, so nobody can be singled out from a number; never below 3. On a tend-server
   * the server's own minimum is used and this is ignored, since anyone can change it in the page.
   * (On storage only this browser sees, no figures are shown.)
   */
  @property({ attribute: 'min-group', type: Number }) minGroup = 3;

  /** The name the check-in is submitted under in a form. */
  @property() name = '';

  /** The clock, for tests and stories: a function returning the current time. */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private draft: Draft = this.#draftFrom(undefined, new Date());
  @state() private dirty = false;
  @state() private message = '';
  @state() private failed: StorageError | undefined;
  @state() private askKind = '';
  @state() private formDisabled = false;
  /** The form is open over a current check-in. */
  @state() private changing = false;
  /** The question the person must answer before saving. */
  @state() private invalid: 'level' | 'date' | undefined;

  protected readonly localize = new LocalizeController(
    this,
    'tend-capacity-check-in',
    en,
    () => this.messages,
  );
  readonly #notice = new StorageNotice(this);
  readonly #internals = this.attachInternals();
  readonly #checkIns = new RecordsController<CheckIn>(this, {
    adapter: () => this.storage,
    collection: () => 'check-ins',
    accept: isCheckIn,
  });
  readonly #history = new RecordsController<HistoryEntry>(this, {
    adapter: () => this.storage,
    collection: () => 'check-in-history',
    accept: isHistoryEntry,
  });
  readonly #asks = new RecordsController<Ask>(this, {
    adapter: () => this.storage,
    collection: () => 'asks',
    accept: isAsk,
  });
  /** The circle's figures from a store that computes them. */
  readonly #figures = new CircleFiguresController(this, {
    adapter: () => this.storage,
    params: () => (this.#circle ? { circle: this.#circle, kinds: this.#offeredKinds } : undefined),
    now: () => this.now(),
  });
  /** Which stored check-in the draft was last taken from. */
  #synced: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** The check-in as chosen in the form now (also the form value), or `null` before a level is chosen. */
  get value(): CapacityChangeDetail | null {
    const { level, preset, date, note } = this.draft;
    if (!level) return null;
    return {
      level,
      kinds: this.#offeredKinds.filter((kind) => this.draft.kinds.includes(kind)),
      note: note.trim(),
      expiresAt: expiryFor(preset, this.now(), date)?.toISOString() ?? null,
      visibility: this.#visibility,
    };
  }

  /** The circle, `''` when none is given (or the attribute was removed). */
  get #circle(): string {
    return this.circle ?? '';
  }

  get #offeredKinds(): string[] {
    return parseKinds(this.kinds);
  }

  /** A circle on storage others read: only then are the circle, asks and visibility choices shown. */
  get #social(): boolean {
    return !!this.#circle && this.storage.status.shared;
  }

  /** Who sees the check-in; on storage only this browser sees, always just the person. */
  get #visibility(): Visibility {
    return this.#social
      ? (this.draft.visibility ?? defaultVisibility(this.#circle, true, this.defaultVisibility))
      : 'just-me';
  }

  get #me(): string {
    return this.identity.id;
  }

  /** The person's own stored check-in in this circle, held or ended. */
  get #mine(): StoredRecord<CheckIn> | undefined {
    const record = this.#checkIns.get(checkInId(this.#circle, this.#me));
    return record?.value.personId === this.#me ? record : undefined;
  }

  #draftFrom(value: CheckIn | undefined, now: Date): Draft {
    return value
      ? {
          level: value.level,
          kinds: [...value.kinds],
          note: value.note,
          preset: presetOf(value.expiresAt, now),
          date: lastDay(value.expiresAt),
          visibility: value.visibility,
        }
      : {
          level: undefined,
          kinds: [],
          note: '',
          preset: 'tonight',
          date: dayKey(now),
          visibility: undefined,
        };
  }

  protected override willUpdate(): void {
    const now = this.now();
    const mine = this.#mine;
    const held = mine && isActive(mine.value, now) ? mine : undefined;
    // Follow the stored check-in (another tab, a save, an expiry) unless the person is editing.
    const key = `${this.#circle}|${this.#me}|${held ? held.rev : ''}`;
    if (!this.dirty && key !== this.#synced) {
      this.#synced = key;
      this.draft = this.#draftFrom(held?.value, now);
    }
    const value = this.value;
    this.#internals.setFormValue(value ? JSON.stringify(value) : null);
  }

  protected override updated(): void {
    // Re-render when the next check-in ends (or at midnight, for the chart), so expiry needs no reload.
    clearTimeout(this.#timer);
    const now = this.now().getTime();
    const ends = this.#checkIns.records.map((r) => Date.parse(r.value.expiresAt)).filter((t) => t > now);
    const next = Math.min(startOfDay(this.now(), 1).getTime(), ...ends);
    this.#timer = setTimeout(() => this.requestUpdate(), Math.min(next - now + 50, 3_600_000));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
  }

  /** Form reset: back to the stored check-in (or an empty form). */
  formResetCallback(): void {
    this.#reset();
  }

  /** Drops the draft and any open form: back to the stored check-in. */
  #reset(): void {
    this.dirty = this.changing = false;
    this.invalid = undefined;
    this.#synced = undefined;
    this.message = '';
  }

  /** Opens the form over the current check-in, focus on its first question. */
  #change(): void {
    this.#reset();
    this.changing = true;
    void this.focusAfterRender('#level-legend');
  }

  #cancel(): void {
    this.#reset();
    this.#done(this.localize.t.unchanged);
  }

  /** Says a completed action once, and puts focus on the line that says where things stand. */
  #done(said: string, shown = ''): void {
    this.message = shown;
    this.announcer.announce(said);
    void this.focusAfterRender('[part="status"]');
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  #edit(change: Partial<Draft>): void {
    this.draft = { ...this.draft, ...change };
    this.dirty = true;
    this.message = '';
    this.invalid = undefined;
  }

  #toggleKind(kind: string, on: boolean): void {
    const kinds = this.draft.kinds.filter((k) => k !== kind);
    this.#edit({ kinds: on ? [...kinds, kind] : kinds });
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    const t = this.localize.t;
    const now = this.now();
    const value = this.value;
    if (!value || !value.expiresAt) return this.#invalid(value ? 'date' : 'level');
    const me = this.identity;
    const checkIn = {
      circle: this.#circle,
      personId: me.id,
      ...(me.name ? { personName: me.name.slice(0, NAME_MAX) } : {}),
      ...value,
      updatedAt: now.toISOString(),
    };
    const valid = validateCheckIn(checkIn, now);
    if (!valid.ok) return this.#invalid(valid.code === 'expiry' ? 'date' : 'level');
    try {
      await this.#checkIns.update(checkInId(this.#circle, me.id), () => valid.value);
    } catch (error) {
      this.failed = toStorageError(error, 'Saving the check-in failed');
      return;
    }
    this.failed = undefined;
    this.#reset();
    this.#done(t.saved, t.saved);
    this.emit<CapacityChangeDetail>('tend-capacity-change', value);
    const date = dayKey(now);
    try {
      await this.#history.update(historyId(me.id, date), () => ({
        personId: me.id,
        circle: this.#circle,
        date,
        level: valid.value.level,
      }));
    } catch (error) {
      this.failed = toStorageError(error, 'Saving the day failed');
    }
  }

  async #clear(): Promise<void> {
    const mine = this.#mine;
    if (!mine) return;
    try {
      await this.#checkIns.remove(mine.id, mine.rev);
    } catch (error) {
      this.failed = toStorageError(error, 'Clearing the check-in failed');
      return;
    }
    const visibility = this.#visibility;
    this.failed = undefined;
    this.#reset();
    this.#done(this.localize.t.cleared, this.localize.t.cleared);
    this.emit<CapacityChangeDetail>('tend-capacity-change', {
      level: null,
      kinds: [],
      note: '',
      expiresAt: null,
      visibility,
    });
  }

  /** Marks the question that needs an answer and puts focus on it. */
  #invalid(question: 'level' | 'date'): void {
    this.invalid = question;
    void this.focusAfterRender(question === 'date' ? '#date' : '[name="level"]');
  }

  async #ask(person: NamedEntry, kind: string): Promise<void> {
    const ask: Ask = {
      circle: this.#circle,
      askerId: this.#me,
      askedId: person.personId,
      kind,
      at: this.now().toISOString(),
    };
    if (!canWriteAsk(this.#me, ask)) return;
    try {
      await this.#asks.put(`ask-${randomId()}`, ask, null);
      this.failed = undefined;
      this.announcer.announce(this.localize.t.askNoted(this.#nameOf(person)));
    } catch (error) {
      this.failed = toStorageError(error, 'Noting the ask failed');
    }
    // The list reorders as asks spread out: keep focus on the same person's button.
    void this.focusAfterRender(`[data-person="${CSS.escape(person.personId)}"]`);
  }

  #until(expiresAt: string, now: Date): string {
    const t = this.localize.t;
    const day = lastDay(expiresAt);
    if (day === dayKey(now)) return t.tonight;
    if (day === dayKey(startOfDay(now, 1))) return t.tomorrow;
    return t.through(
      this.localize.date(localDate(day), { weekday: 'short', day: 'numeric', month: 'short' }),
    );
  }

  #nameOf(person: NamedEntry): string {
    const t = this.localize.t;
    return person.personId === this.#me ? t.you : (person.name ?? t.someone);
  }

  protected override render(): TemplateResult {
    const now = this.now();
    const t = this.localize.t;
    const mine = this.#renderMine(now);
    const pattern = this.#renderPattern(now);
    // Wide: my check-in (and my pattern, beside a circle) in one column, the circle or my pattern in the other.
    let side: unknown = pattern;
    let under: unknown = this.#circle
      ? html`<slot name="local-only"><p class="hint" part="local-only">${t.sharedAdds}</p></slot>`
      : nothing;
    if (this.#social) {
      const visible = this.#checkIns.records
        .filter((record) => isGenuineCheckIn(record) && canSeeCheckIn(this.#me, record.value))
        .map((record) => record.value);
      // Names come only from people who chose "my circle"; figures only from the aggregate.
      const entries = circleEntries(visible, this.#circle, now);
      const figures = this.#figures.fromStore
        ? this.#figures.value
        : aggregateCircle(visible, {
            circle: this.#circle,
            kinds: this.#offeredKinds,
            minGroup: minGroupOf(this.minGroup),
            now,
          });
      side = html`${this.#renderCircle(figures, entries)} ${this.#renderAsk(entries, now)}`;
      under = pattern;
    }
    return html`<div class="layout surface" part="base">
      <div class="columns">
        <div class="column">${mine} ${under}</div>
        <div class="column">${side}</div>
      </div>
      ${this.#notice.render(this.#checkIns.status, { writeError: this.failed, saving: this.#checkIns.pending > 0 })}
      ${this.announcer.render()}
    </div>`;
  }

  /** The person's own check-in: one line once it holds, the form when there is none or when changing it. */
  #renderMine(now: Date): TemplateResult {
    const t = this.localize.t;
    const disabled = this.formDisabled;
    const mine = this.#mine;
    const held = mine && isActive(mine.value, now) ? mine.value : undefined;
    const settled = held && !this.changing;
    const lang = this.localize.lang;
    return html`<section part="check-in" aria-labelledby="mine-heading">
      <h2 id="mine-heading">${t.mineHeading}</h2>
      ${
        settled
          ? html`<div class="settled">
              <p part="status" tabindex="-1">
                <strong
                  >${t.settled(
                    held.level,
                    new Intl.ListFormat(lang).format(
                      held.kinds.map((kind) => t.kind(kind).toLocaleLowerCase(lang)),
                    ),
                    this.#until(held.expiresAt, now),
                  )}</strong
                >
                ${this.#social ? html`<span class="hint">${t.seenBy(held.visibility)}</span>` : nothing}
              </p>
              <button
                type="button"
                class="quiet"
                part="change-button"
                ?disabled=${disabled}
                @click=${this.#change}
              >
                ${t.change}
              </button>
            </div>`
          : held
            ? nothing
            : html`<p part="status" tabindex="-1">${mine ? t.expired : t.none}</p>`
      }
      <p class="message success">${this.message}</p>
      ${settled ? nothing : this.#renderForm(now, !!held)}
    </section>`;
  }

  #renderForm(now: Date, held: boolean): TemplateResult {
    const t = this.localize.t;
    const { draft, invalid } = this;
    /** Pills for one question: radios, or checkboxes when `many`. */
    const choices = <T extends string>(
      group: string,
      options: readonly T[],
      chosen: (o: T) => boolean,
      word: (o: T) => string,
      pick: (o: T, on: boolean) => void,
      many = false,
    ) =>
      html`<div class="choices">
        ${options.map(
          (option) =>
            html`<label class="choice"
              ><input
                type=${many ? 'checkbox' : 'radio'}
                name=${group}
                .value=${String(option)}
                .checked=${chosen(option)}
                aria-invalid=${group === invalid ? 'true' : 'false'}
                @change=${(e: Event) => pick(option, (e.target as HTMLInputElement).checked)}
              /><span>${word(option)}</span></label
            >`,
        )}
      </div>`;
    const visibility = this.#visibility;
    // One fieldset disables every control when the element's form is disabled.
    return html`<form @submit=${this.#save} novalidate>
      <fieldset ?disabled=${this.formDisabled}>
        <fieldset part="level-picker" aria-describedby="level-hint level-error">
          <legend id="level-legend" tabindex="-1">${t.levelLegend}</legend>
          <p class="hint" id="level-hint">${t.levelHint}</p>
          ${choices(
            'level',
            LEVELS,
            (level) => level === draft.level,
            t.level,
            (level) => this.#edit({ level }),
          )}
          <p class="field-error" id="level-error">${invalid === 'level' ? t.needLevel : ''}</p>
        </fieldset>
        <fieldset part="kinds">
          <legend>${t.kindsLegend}</legend>
          ${choices(
            'kinds',
            this.#offeredKinds,
            (kind) => draft.kinds.includes(kind),
            t.kind,
            (kind, on) => this.#toggleKind(kind, on),
            true,
          )}
        </fieldset>
        <div class="field" part="note">
          <label for="note">${t.noteLabel}</label>
          <input
            id="note"
            maxlength=${NOTE_MAX}
            autocomplete="off"
            aria-describedby="note-hint"
            .value=${draft.note}
            @input=${(e: Event) => this.#edit({ note: (e.target as HTMLInputElement).value })}
          />
          <p class="hint" id="note-hint">${t.noteHint}</p>
        </div>
        <fieldset part="hold">
          <legend>${t.holdLegend}</legend>
          ${choices(
            'hold',
            EXPIRY_PRESETS,
            (preset) => preset === draft.preset,
            t.hold,
            (preset) => this.#edit({ preset }),
          )}
          ${
            draft.preset === 'date'
              ? html`<div class="field date">
                  <label for="date">${t.dateLabel}</label>
                  <input
                    id="date"
                    type="date"
                    min=${dayKey(now)}
                    max=${dayKey(startOfDay(now, MAX_HOLD_DAYS))}
                    aria-invalid=${invalid === 'date' ? 'true' : 'false'}
                    aria-describedby="date-error"
                    .value=${draft.date}
                    @change=${(e: Event) => this.#edit({ date: (e.target as HTMLInputElement).value })}
                  />
                </div>`
              : nothing
          }
          <p class="field-error" id="date-error">${invalid === 'date' ? t.needDate : ''}</p>
        </fieldset>
        ${
          this.#social
            ? html`<fieldset part="visibility" aria-describedby="visibility-hint">
                <legend>${t.visibilityLegend}</legend>
                ${choices(
                  'visibility',
                  VISIBILITIES,
                  (v) => v === visibility,
                  t.visibility,
                  (v) => this.#edit({ visibility: v }),
                )}
                <p class="hint" id="visibility-hint">${t.seenBy(visibility)}</p>
              </fieldset>`
            : nothing
        }
        <div class="actions">
          <button class="primary" type="submit" part="save-button">${t.save}</button>
          ${
            held
              ? html`<button type="button" part="cancel-button" @click=${this.#cancel}>${t.cancel}</button>
                  <button type="button" class="quiet" part="clear-button" @click=${this.#clear}>
                    ${t.clear}
                  </button>`
              : nothing
          }
        </div>
        ${this.failed ? html`<p class="message error">${this.#notice.problem(this.failed)}</p>` : nothing}
      </fieldset>
    </form>`;
  }

  /**
   * The circle at a glance, one path for both modes: figures from the aggregate (the server's,
   * or computed here when the shared store does not), names only of people who chose "my circle".
   */
  #renderCircle(figures: CircleFigures | undefined, entries: readonly CircleEntry[]): TemplateResult {
    const t = this.localize.t;
    const lang = this.localize.lang;
    const kinds = this.#offeredKinds;
    const list = new Intl.ListFormat(lang);
    const summary = !figures
      ? this.#figures.error
        ? t.figuresUnreadable
        : t.figuresLoading
      : figures.withRoom === null
        ? t.noTotal(figures.minGroup)
        : t.withRoom(figures.withRoom, lang);
    return html`<section part="circle" aria-labelledby="circle-heading">
      <h2 id="circle-heading">${t.circleHeading}</h2>
      <p part="summary"><strong>${summary}</strong></p>
      <ul class="kinds">
        ${kinds.map((kind) => {
          const forKind = namedWithRoom(entries, kind);
          const total = figures?.kinds.find((k) => k.kind === kind)?.withRoom ?? null;
          // "You" first, then everyone else by room and name.
          const names = forKind
            .filter((person) => person.personId !== this.#me)
            .map((person) => this.#nameOf(person));
          if (forKind.length > names.length) names.unshift(t.you);
          // People not named show only as a group of at least min-group, as the figure counts them.
          const unnamed = total === null ? 0 : total - forKind.length;
          if (figures && unnamed >= figures.minGroup && names.length) names.push(t.unnamed(unnamed, lang));
          const who = names.length ? list.format(names) : total === null ? t.nobodyNamed : t.noneNamed;
          return html`<li>
            <strong>${t.kind(kind)}</strong>: ${total === null ? '' : `${t.kindTotal(total, lang)} · `}${who}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  #renderAsk(entries: readonly CircleEntry[], now: Date): TemplateResult {
    const t = this.localize.t;
    const kinds = this.#offeredKinds;
    const kind = kinds.includes(this.askKind) ? this.askKind : kinds[0]!;
    const circle = this.#circle;
    const me = this.#me;
    // Asks are the asker's alone: only mine are read, whatever else a store holds.
    const asks = this.#asks.records.map((record) => record.value).filter((ask) => ask.askerId === me);
    // The circle's counts (named people only, never who asked) hold my asks up to when they arrived.
    const counted = this.#figures.fromStore ? this.#figures.value?.asked : undefined;
    const recent = addAskCounts(
      (counted ?? []).map((a) => [a.personId, a.count] as const),
      ownAskCounts(asks, { circle, askerId: me, now, after: counted && this.#figures.receivedAt }),
    );
    const last = ownLastAsks(asks, circle, me);
    const people = askOrder(entries, recent, { kind, askerId: me, lastAsked: last });
    return html`<section part="ask" aria-labelledby="ask-heading">
      <h2 id="ask-heading">${t.askHeading}</h2>
      <label for="ask-kind">${t.askKind}</label>
      <select id="ask-kind" @change=${(e: Event) => (this.askKind = (e.target as HTMLSelectElement).value)}>
        ${kinds.map((k) => html`<option value=${k} ?selected=${k === kind}>${t.kind(k)}</option>`)}
      </select>
      <p class="hint">${t.askHint}</p>
      ${
        people.length
          ? html`<ol class="people">
              ${people.map((person) => {
                const name = this.#nameOf(person);
                const asked = last.get(person.personId);
                return html`<li class="person">
                  <span class="who"
                    ><strong>${name}</strong> · ${t.level(person.level)},
                    ${this.#until(person.expiresAt, now)}
                    ${person.note ? html`<span class="note">${t.quoted(person.note)}</span>` : nothing}
                    ${
                      asked
                        ? html`<span class="muted note"
                            >${t.youAsked(
                              now.getTime() - asked < 60_000
                                ? t.justNow
                                : relativeTime(this.localize.lang, new Date(asked), now),
                            )}</span
                          >`
                        : nothing
                    }</span
                  >
                  <button
                    type="button"
                    part="ask-button"
                    data-person=${person.personId}
                    @click=${() => this.#ask(person, kind)}
                  >
                    ${t.asked(name)}
                  </button>
                </li>`;
              })}
            </ol>`
          : html`<p>${t.askNobody}</p>`
      }
    </section>`;
  }

  #renderPattern(now: Date): TemplateResult {
    const t = this.localize.t;
    const lang = this.localize.lang;
    const days = patternDays(
      this.#history.records.map((record) => record.value),
      this.#me,
      now,
    );
    const low = lowDays(days);
    const dayName = (day: string) =>
      this.localize.date(localDate(day), { weekday: 'short', day: 'numeric', month: 'short' });
    return html`<section part="pattern" aria-labelledby="pattern-heading">
      <h2 id="pattern-heading">${t.patternHeading}</h2>
      ${
        days.some((day) => day.level)
          ? html`${patternChart(days, t.patternLabel)}
              <div class="axis" aria-hidden="true">
                <span>${dayName(days[0]!.date)}</span><span>${dayName(days.at(-1)!.date)}</span>
              </div>
              ${low >= 4 ? html`<p>${t.lowStretch(low, lang)}</p>` : nothing}
              <details>
                <summary>${t.patternDays}</summary>
                <ul>
                  ${days.map((day) => html`<li>${dayName(day.date)}: ${day.level ? t.level(day.level) : t.noCheckIn}</li>`)}
                </ul>
              </details>`
          : html`<p class="hint">${t.patternNone}</p>`
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tend-capacity-check-in': TendCapacityCheckIn;
  }
  interface HTMLElementEventMap {
    'tend-capacity-change': CustomEvent<CapacityChangeDetail>;
  }
}
