import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  makeEntry,
  newEntryId,
  type AnswerValue,
  type Answers,
  type PromptSetName,
  type Question,
  type ReflectionContent,
  type ReflectionDraft,
  type ReflectionEntry,
} from '../../domain/reflection.js';
import { randomId } from '../../domain/record-ids.js';
import { LocalizeController } from '../../i18n/localize.js';
import { defaultAdapter } from '../../provider/default-adapter.js';
import type { StorageAdapter } from '../../storage/adapter.js';
import type { StorageError } from '../../storage/errors.js';
import { LazyPart } from '../shared/lazy-part.js';
import { StorageNotice } from '../shared/storage-notice.js';
import { extras } from '../../styles/extras.js';
import { TendElement } from '../tend-element.js';
import type { AskOfferComposer } from './ask-offer-composer.js';
import type { ConfirmDialog } from './confirm-dialog.js';
import type { LockPanelView } from './lock-panel.js';
import { renderSteps } from './question-steps.js';
import { ReflectionCounts } from './reflection-counts.js';
import { ReflectionDrafts } from './reflection-drafts.js';
import { ReflectionEntries, type Entry } from './reflection-entries.js';
import type { PrivateStorage } from './private-storage.js';
import { ReflectionLockController } from './reflection-lock.js';
import { reflectionEn, type ReflectionMessages } from './reflection-prompt.messages.js';
import { styles } from './reflection-prompt.styles.js';
import { QuestionsController } from './reflection-questions.js';

/** Detail of `tend-reflection-saved`: ids only, never what the reader wrote. */
export interface ReflectionSavedDetail {
  postId: string;
  entryId: string;
}

/** Detail of `tend-reflection-deleted`: ids only. */
export interface ReflectionDeletedDetail {
  postId: string;
  entryIds: string[];
}

type View = 'flow' | 'done' | 'entries';

/** Where focus goes when the control that had it goes away. */
const STEP_HEADING = '[part~="step"] h3';
const ENTRIES_HEADING = '[part~="entries"] h3';
const LOCK_NOTE = '.lock [tabindex="-1"]';

/**
 * A private, guided reflection a blogger embeds under a post. The default set walks through a
 * resentment (what happened, what I offered, what I needed and didn't say, what it points to,
 * what I could offer or ask next time) and ends with a short ask or offer the reader may copy.
 * Drafts autosave as the reader types; finished reflections are kept, can be read, changed,
 * deleted, downloaded (Markdown, JSON) and locked with a passphrase. Once a lock exists, every
 * reflection and draft of the reader, on every post, is stored sealed, also while the lock is
 * closed: saving never needs the passphrase, reading does. Everything stays in the
 * reader's browser: even under a provider with shared storage, entries and drafts are kept in
 * this browser, and only an opted-in anonymous count (`share="count"`) is shared.
 *
 * Custom questions without JavaScript: put them in the element as plain HTML. A child with
 * `data-question` is a text question (its text is the question); one whose children are `<li>`
 * (or `<option>`) is a choice question, labelled by `data-label`, several picks allowed with
 * `data-multiple`. `data-question="id"`, `data-choice="id"` and `data-hint="…"` are optional:
 *
 * ```html
 * <tend-reflection-prompt post="slow-weekends">
 *   <p data-question="noticed" data-hint="A sentence is plenty.">What did I notice this week?</p>
 *   <ul data-question="room" data-label="How much room do I have?">
 *     <li data-choice="lots">Lots</li>
 *     <li data-choice="little">A little</li>
 *   </ul>
 * </tend-reflection-prompt>
 * ```
 *
 * From code, set `prompts`: `el.prompts = [{ label: 'What did I notice?' }, { label: 'Room?',
 * choices: [{ label: 'Lots' }, { label: 'A little' }], multiple: false }]`.
 *
 * @summary A private, guided resentment reflection that ends in an honest ask or a right-sized offer.
 *
 * @tagname tend-reflection-prompt
 *
 * @event {CustomEvent<ReflectionSavedDetail>} tend-reflection-saved - A reflection was saved (new or changed). Detail: `{ postId, entryId }`, never the text.
 * @event {CustomEvent<ReflectionDeletedDetail>} tend-reflection-deleted - Reflections were deleted. Detail: `{ postId, entryIds }`.
 *
 * @slot intro - The blogger's own words above the questions (replaces the default invitation).
 * @slot crisis - A crisis resource of your own (replaces the link made from `crisis-href`).
 *
 * @csspart base - The widget's surface (background, border, radius, padding).
 * @csspart container - The whole widget (the same element as `base`).
 * @csspart step - One step (or, with `layout="list"`, the list of every question).
 * @csspart question - One question with its field or choices.
 * @csspart progress - "Step 2 of 5".
 * @csspart actions - A row of buttons.
 * @csspart composer - The ask/offer draft composer shown after saving.
 * @csspart entries - The reader's saved reflections.
 * @csspart crisis - The crisis link.
 * @csspart dialog - The confirmation dialog.
 * @csspart storage-notice - Where entries live, and any storage problem.
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
export class TendReflectionPrompt extends TendElement<ReflectionMessages> {
  static override styles = [...TendElement.styles, extras, styles];

  /** The post this reflection is about (e.g. its slug). Default: the page's path. */
  @property() post = '';

  /** The built-in questions: `resentment` (default, five steps) or `check-in` (three). */
  @property({ attribute: 'prompt-set' }) promptSet: PromptSetName = 'resentment';

  /** `steps`: one question at a time with progress (default); `list`: every question on one page. */
  @property() layout: 'steps' | 'list' = 'steps';

  /**
   * `none` (default): nothing is ever shared. `count`: when storage is shared (a tend-server),
   * the reader may opt in, once per post, to add one anonymous count; no words are sent, and
   * "N readers reflected here" is shown once at least three readers have.
   */
  @property() share: 'none' | 'count' = 'none';

  /** A page with crisis resources; shows a quiet "If you're in crisis" link. */
  @property({ attribute: 'crisis-href' }) crisisHref?: string;

  /**
   * Custom questions, replacing the built-in set and any HTML questions: a list of
   * `{ id?, label, hint?, choices?: { id?, label }[], multiple? }`.
   */
  @property({ attribute: false }) prompts?: Partial<Question>[];

  /** The clock. For tests: replace it to fix the time. */
  @property({ attribute: false }) now: () => Date = () => new Date();

  @state() private view: View = 'flow';
  @state() private step = 0;
  @state() private answers: Answers = {};
  @state() private editing?: { id: string; content: ReflectionContent };
  @state() private shareOptIn = false;
  @state() private note = '';
  @state() private lockNote = '';
  @state() private busy = false;
  @state() private lockedDraft?: ReflectionDraft;
  @state() private showAll = false;
  @state() private problem?: StorageError;
  /** The question marked because there is nothing to save yet. */
  @state() private invalid?: string | undefined;

  protected readonly localize = new LocalizeController(
    this,
    'tend-reflection-prompt',
    reflectionEn,
    () => this.messages,
  );
  readonly #notice = new StorageNotice(this);
  readonly #questions = new QuestionsController(this, {
    words: () => this.localize.t,
    editing: () => this.editing?.content,
  });
  /** The reader's own storage, for every store below. */
  readonly #io: PrivateStorage = {
    adapter: () => this.#private,
    author: () => this.identity.id,
    write: (run) => this.#write(run),
  };
  readonly #entries = new ReflectionEntries(this, this.#io);
  readonly #drafts: ReflectionDrafts = new ReflectionDrafts(this, {
    ...this.#io,
    post: () => this.#post,
    current: () => ({
      postId: this.#post,
      authorId: this.identity.id,
      step: this.step,
      editing: this.editing?.id,
      updatedAt: this.now().toISOString(),
      promptSet: this.#questions.current.name,
      answers: this.answers,
    }),
    lock: () => this.#lock,
    entriesLoading: () => this.#entries.records.loading,
  });
  readonly #lock = new ReflectionLockController(this, {
    ...this.#io,
    now: () => this.now(),
    entries: this.#entries.records,
    drafts: this.#drafts.records,
    mine: () => this.#entries.mine,
    myDrafts: () => this.#drafts.mine,
  });
  readonly #counts = new ReflectionCounts(this, { ...this.#io, shared: () => this.storage });
  /** The views after saving (saved step, list, lock panel, dialog): fetched when first needed. */
  readonly #later = new LazyPart(this, () => import('./later-views.js'));
  #composer?: AskOfferComposer;
  #dialog?: ConfirmDialog;

  /** Entries and drafts never go to shared storage: with a shared adapter they stay in this browser. */
  get #private(): StorageAdapter {
    const storage = this.storage;
    return storage.status.shared ? defaultAdapter(storage.community) : storage;
  }

  get #post(): string {
    return this.post || location.pathname;
  }

  get #canShare(): boolean {
    return this.share === 'count' && this.storage.status.shared;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('post')) this.#drafts.reset();
    // Pick the draft up once entries and drafts have arrived.
    const draft = this.#drafts.restore();
    if (draft) {
      if (draft.locked) this.lockedDraft = draft;
      else this.#adopt(draft, draft);
    }
  }

  #adopt(draft: ReflectionDraft, content: Partial<ReflectionContent>): void {
    const edited = draft.editing ? this.#entries.records.get(draft.editing) : undefined;
    const editedContent = edited && this.#lock.content(edited);
    this.editing = edited && editedContent ? { id: edited.id, content: editedContent } : undefined;
    this.answers = content.answers ?? {};
    this.step = Math.min(draft.step, this.#questions.current.questions.length - 1);
    this.note = this.localize.t.resumed;
  }

  // ——— writing ———

  #answer(id: string, value: AnswerValue): void {
    this.answers = { ...this.answers, [id]: value };
    this.note = '';
    this.invalid = undefined;
    this.#drafts.later();
  }

  /** Runs a write; a failure is kept for the storage notice to say plainly (the words stay in the fields). */
  async #write<R>(run: () => Promise<R>): Promise<R | undefined> {
    try {
      const result = await run();
      this.problem = undefined;
      return result;
    } catch (error) {
      this.problem = error as StorageError;
      return undefined;
    }
  }

  async #go(step: number): Promise<void> {
    this.step = step;
    this.note = '';
    void this.#drafts.save();
    await this.focusAfterRender(STEP_HEADING);
  }

  /**
   * Saves the finished reflection (sealed with the lock's public key when a lock exists: no
   * passphrase needed), then offers the ask/offer composer.
   */
  async #finish(): Promise<void> {
    const { name, questions } = this.#questions.current;
    const now = this.now();
    const entries = this.#entries.records;
    const previous = this.editing && entries.get(this.editing.id);
    let entry: ReflectionEntry;
    try {
      entry = makeEntry(
        { postId: this.#post, authorId: this.identity.id, promptSet: name, questions, answers: this.answers },
        now,
        previous?.value,
      );
    } catch {
      // Nothing to save yet: said at the question on screen (the first, on one page), whose field takes focus.
      this.invalid = questions[this.layout === 'list' ? 0 : Math.min(this.step, questions.length - 1)]!.id;
      return void this.focusAfterRender('[aria-invalid="true"]');
    }
    this.#drafts.cancel();
    const id = previous?.id ?? newEntryId(now, randomId().slice(0, 8));
    const later = this.#later.ready().catch(() => undefined);
    const record = await this.#lock.save(entries, id, entry);
    if (!record) return;
    if (this.#drafts.stored) void this.#drafts.remove();
    if (this.shareOptIn && this.#canShare) void this.#counts.add(this.#post);
    this.emit<ReflectionSavedDetail>('tend-reflection-saved', { postId: this.#post, entryId: id });
    const saved = this.localize.t[record.value.locked ? 'savedLockedTitle' : 'savedTitle'];
    this.#say(saved);
    this.answers = {};
    this.editing = undefined;
    this.step = 0;
    this.shareOptIn = false;
    const views = await later;
    if (!views) {
      // Saved all the same; only the next step's code could not be fetched (offline): say so here.
      this.note = saved;
      return void this.focusAfterRender(STEP_HEADING);
    }
    (this.#composer ??= new views.AskOfferComposer(this, (text) => this.#say(text))).start(
      views.ownWords(name, entry.answers),
    );
    this.note = '';
    this.view = 'done';
    await this.focusAfterRender('h3');
  }

  #edit(record: Entry, content: ReflectionContent): void {
    this.#drafts.touched = true;
    this.editing = { id: record.id, content };
    this.answers = structuredClone(content.answers);
    this.view = 'flow';
    void this.#go(0);
  }

  #confirmDelete(text: string, confirm: string, records: () => Entry[], opener: EventTarget | null): void {
    // Only the list of saved reflections offers deleting, and it made the dialog.
    void this.#dialog?.ask(
      text,
      confirm,
      async () => {
        const ids = await this.#entries.remove(records());
        if (ids.length) {
          this.#say((this.note = this.localize.t.deleted));
          this.emit<ReflectionDeletedDetail>('tend-reflection-deleted', {
            postId: this.#post,
            entryIds: ids,
          });
        }
      },
      opener,
    );
  }

  #download(kind: 'md' | 'json'): void {
    const t = this.localize.t;
    this.#entries.download(
      kind,
      (record) => this.#lock.content(record),
      {
        title: t.exportTitle,
        skipped: t.skipped,
        heading: (e) =>
          `${this.localize.date(e.createdAt, { dateStyle: 'long', timeStyle: 'short' })}, ${t.onPost(e.postId)}`,
      },
      this.now(),
      this.renderRoot,
    );
    this.#say(t.exported);
  }

  #say(text: string): void {
    this.announcer.announce(text);
  }

  // ——— the passphrase lock (its keys and sealing live in ReflectionLockController) ———

  /** Makes a lock from the passphrase; every entry and draft of this reader is sealed with it. */
  async #createLock(pass: string, again: string): Promise<void> {
    const t = this.localize.t;
    if (pass.length < 8) return void (this.lockNote = t.tooShort);
    if (pass !== again) return void (this.lockNote = t.mismatch);
    if (this.busy) return;
    this.busy = true;
    this.lockNote = '';
    try {
      if (!(await this.#lock.create(pass))) return;
      void this.#drafts.save();
    } finally {
      this.busy = false;
    }
    this.#lockedNow();
  }

  /** The lock is on (made, or closed again): what the panel now says is said once, and takes focus. */
  #lockedNow(): void {
    this.#say(this.localize.t[this.#lock.state === 'open' ? 'openNote' : 'lockedNote']);
    void this.focusAfterRender(LOCK_NOTE);
  }

  /** Opens the lock with a passphrase (and a locked draft of this post); a wrong one opens nothing and changes nothing. */
  async #unlock(pass: string): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.lockNote = '';
    try {
      await this.#lock.open(pass);
      const draft = this.lockedDraft && this.#drafts.stored;
      if (draft) {
        this.lockedDraft = undefined;
        const content = draft.locked ? await this.#lock.read<ReflectionContent>(draft.locked) : draft;
        if (content) this.#adopt(draft, content);
      }
    } catch {
      return void (this.lockNote = this.localize.t.wrongPassphrase);
    } finally {
      this.busy = false;
    }
    // The form is gone: to the step (a draft opened) or to what the open lock says.
    await this.focusAfterRender(this.view === 'flow' ? STEP_HEADING : LOCK_NOTE);
  }

  /** Writes everything back in plain, by the reader's choice, and forgets the lock. */
  async #removeLock(): Promise<void> {
    this.#drafts.cancel();
    if (!(await this.#lock.remove())) return;
    this.#say((this.note = this.localize.t.lockRemoved));
    void this.#drafts.save();
    await this.focusAfterRender(ENTRIES_HEADING);
  }

  #closeLock(): void {
    this.#lock.close();
    this.#lockedNow();
  }

  /** Why the latest write failed and what to do, or ''. */
  get #problemText(): string {
    const problem = this.problem ?? this.#private.status.problem;
    if (!problem) return '';
    const t = this.localize.t;
    // Storage full: say how to make room.
    return `${this.#notice.problem(problem)}${problem.code === 'quota' ? ` ${t.makeRoom}` : ''}`;
  }

  /** Also waits for the later views' module when a render asked for it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.#later.pending) return done;
    await this.#later.ready().catch(() => undefined);
    return super.getUpdateComplete();
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const lang = this.localize.lang;
    const readers = this.#canShare ? this.#counts.readers(this.#post) : 0;
    const problem = this.#problemText;
    const steps = this.view === 'flow' && !this.lockedDraft;
    return html`<div part="container base" class="container surface">
      <div class="stack">
        <h2>${t.title}</h2>
        <slot name="intro"><p>${t.intro}</p></slot>
        <slot name="crisis"
          >${this.crisisHref ? html`<p><a part="crisis" href=${this.crisisHref}>${t.crisis}</a></p>` : nothing}</slot
        >
      </div>
      ${this.view === 'entries' ? this.#renderEntries() : this.view === 'done' ? this.#renderDone() : this.#renderFlow(problem)}
      ${steps ? nothing : html`<p class="message error" role="alert">${problem}</p>`}
      <div class="stack">
        ${
          // While a problem stands it is said by the action that failed, not under "saved in this browser".
          problem ? nothing : this.#notice.render(this.#private.status)
        }
        ${readers ? html`<p class="muted">${t.readersHere(readers, lang)}</p>` : nothing}
      </div>
      ${this.#dialog?.render(t) ?? nothing} ${this.announcer.render()}
    </div>`;
  }

  get #lockView(): LockPanelView {
    return {
      t: this.localize.t,
      state: this.#lock.state,
      busy: this.busy,
      note: this.lockNote,
      create: (pass, again) => void this.#createLock(pass, again),
      open: (pass) => void this.#unlock(pass),
      close: () => void this.#closeLock(),
      remove: () => void this.#removeLock(),
    };
  }

  async #showEntries(): Promise<void> {
    const views = await this.#later.ready().catch(() => undefined);
    if (!views) {
      this.#say((this.note = this.localize.t.partUnavailable));
      return;
    }
    this.#dialog ??= new views.ConfirmDialog(this);
    this.view = 'entries';
    this.note = '';
    this.showAll = !this.#entries.mine.some((r) => r.value.postId === this.#post);
    void this.focusAfterRender(ENTRIES_HEADING);
  }

  #renderYours(): TemplateResult {
    return html`<button @click=${() => void this.#showEntries()}>
      ${this.localize.t.yours(this.#entries.mine.length, this.localize.lang)}
    </button>`;
  }

  #renderFlow(problem: string): TemplateResult {
    const t = this.localize.t;
    if (this.lockedDraft)
      return html`<div part="step">
        ${this.#later.get()?.renderUnlockForm(
          this.#lockView,
          t.draftLocked,
          html`<button
            @click=${() => {
              this.lockedDraft = undefined;
              void this.#drafts.remove();
              void this.focusAfterRender(STEP_HEADING);
            }}
          >
            ${t.startFresh}
          </button>`,
        )}
      </div>`;
    const mine = this.#entries.mine;
    return html`${renderSteps({
      t,
      layout: this.layout,
      questions: this.#questions.current.questions,
      step: this.step,
      answers: this.answers,
      editing: !!this.editing,
      share: this.#canShare ? { ticked: this.shareOptIn, added: this.#counts.added(this.#post) } : undefined,
      note: this.note,
      invalid: this.invalid,
      problem,
      answer: (id, value) => this.#answer(id, value),
      optIn: (ticked) => (this.shareOptIn = ticked),
      go: (step) => void this.#go(step),
      finish: () => void this.#finish(),
    })}
    ${mine.length ? html`<div part="actions">${this.#renderYours()}</div>` : nothing}`;
  }

  #renderDone(): TemplateResult | typeof nothing {
    const later = this.#later.get();
    if (!later || !this.#composer) return nothing;
    return later.renderSavedStep({
      t: this.localize.t,
      // A lock made meanwhile (in another tab too) seals this reflection as well.
      locked: this.#lock.state !== 'none',
      composer: this.#composer,
      countFailed: !!this.#counts.error,
      again: () => {
        this.view = 'flow';
        this.note = '';
        void this.#go(0);
      },
      yours: this.#renderYours(),
    });
  }

  #renderEntries(): TemplateResult | typeof nothing {
    const t = this.localize.t;
    const mine = this.#entries.mine;
    const later = this.#later.get();
    if (!later) return nothing;
    return later.renderSavedList({
      t,
      post: this.#post,
      mine,
      showAll: this.showAll,
      note: this.note,
      content: (record) => this.#lock.content(record),
      date: (iso, options) => this.localize.date(iso, options),
      lock: later.renderLockPanel(this.#lockView, mine.length > 0),
      setShowAll: (all) => (this.showAll = all),
      edit: (record, content) => this.#edit(record, content),
      deleteOne: (record, opener) => this.#confirmDelete(t.confirmDelete, t.confirm, () => [record], opener),
      deleteAll: (opener) =>
        this.#confirmDelete(
          t.confirmDeleteAll(mine.length, this.localize.lang),
          t.deleteAll,
          () => this.#entries.mine,
          opener,
        ),
      download: (kind) => this.#download(kind),
      back: () => {
        this.view = 'flow';
        this.note = '';
        void this.focusAfterRender(STEP_HEADING);
      },
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tend-reflection-prompt': TendReflectionPrompt;
  }
  interface HTMLElementEventMap {
    'tend-reflection-saved': CustomEvent<ReflectionSavedDetail>;
    'tend-reflection-deleted': CustomEvent<ReflectionDeletedDetail>;
  }
}
