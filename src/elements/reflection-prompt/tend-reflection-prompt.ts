import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { RecordsController } from '../../controllers/records-controller.js';
import {
  PROMPT_SETS,
  answerText,
  composeDraft,
  countReaders,
  draftId,
  entriesToJson,
  entriesToMarkdown,
  isAnswered,
  isDraft,
  isEntry,
  isPromptSetName,
  isCounted,
  isReflectionCount,
  makeEntry,
  newEntryId,
  addReflectionCount,
  countedId,
  reflectionCountId,
  validatePrompts,
  type AnswerValue,
  type Answers,
  type ExportEntry,
  type PromptSetName,
  type Question,
  type ReflectionContent,
  type ReflectionDraft,
  type ReflectionEntry,
  type ReflectionCount,
  type ReflectionCounted,
} from '../../domain/reflection.js';
import { LocalizeController } from '../../i18n/localize.js';
import { defaultAdapter } from '../../provider/default-adapter.js';
import type { StorageAdapter, StoredRecord } from '../../storage/adapter.js';
import type { StorageError } from '../../storage/errors.js';
import { StorageNotice } from '../shared/storage-notice.js';
import { TendElement } from '../tend-element.js';
import { ReflectionLockController } from './reflection-lock.js';
import { reflectionEn, type ReflectionMessages } from './reflection-prompt.messages.js';
import { styles } from './reflection-prompt.styles.js';

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
type Entry = StoredRecord<ReflectionEntry>;
type Draft = StoredRecord<ReflectionDraft>;

/** Says in the console why the page's questions were not used. */
const badQuestions = (error: unknown): void =>
  console.error(`tend: <tend-reflection-prompt> ${(error as Error).message}; using the built-in questions.`);

/** Reads questions written as plain HTML children (see the class documentation). */
function questionsFromChildren(host: HTMLElement): Question[] {
  return [...host.querySelectorAll(':scope > [data-question]')].map((el, i) => {
    const items = [...el.querySelectorAll(':scope > li, :scope > option')];
    const id = el.getAttribute('data-question') || `q${i + 1}`;
    const hint = el.getAttribute('data-hint') ?? undefined;
    if (!items.length) return { id, kind: 'text', label: el.textContent!.trim(), hint };
    return {
      id,
      kind: 'choice',
      label: el.getAttribute('data-label') ?? '',
      hint,
      multiple: el.hasAttribute('data-multiple'),
      choices: items.map((item, j) => ({
        id: item.getAttribute('data-choice') || item.getAttribute('value') || `c${j + 1}`,
        label: item.textContent!.trim(),
      })),
    };
  });
}

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
 * @csspart container - The whole widget.
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
 * @cssprop --tend-font-family - Font (default: the page's).
 * @cssprop --tend-font-size - Base font size.
 * @cssprop --tend-color-text - Text colour.
 * @cssprop --tend-color-muted - Hints and notes.
 * @cssprop --tend-color-surface - Fields, entries and dialog background.
 * @cssprop --tend-color-surface-raised - The widget's background.
 * @cssprop --tend-color-border - Borders.
 * @cssprop --tend-color-accent - Buttons, links, choices.
 * @cssprop --tend-color-on-accent - Text on the main button.
 * @cssprop --tend-color-accent-soft - Button hover.
 * @cssprop --tend-color-danger - Delete buttons and storage problems.
 * @cssprop --tend-color-focus - Focus ring colour.
 * @cssprop --tend-focus-ring - Focus ring.
 * @cssprop --tend-radius - Corner radius.
 * @cssprop --tend-space - Spacing unit.
 * @cssprop --tend-transition - Hover transitions.
 */
export class TendReflectionPrompt extends TendElement<ReflectionMessages> {
  static override styles = [...TendElement.styles, styles];

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
  @state() private savedLocked = false;
  @state() private lockedDraft?: ReflectionDraft;
  @state() private showAll = false;
  @state() private draftKind: 'ask' | 'offer' = 'ask';
  @state() private parts: Record<string, string> = {};
  @state() private confirmText = '';
  @state() private countError?: StorageError;
  @state() private problem?: StorageError;

  protected readonly localize = new LocalizeController(
    this,
    'tend-reflection-prompt',
    reflectionEn,
    () => this.messages,
  );
  readonly #notice = new StorageNotice(this);
  readonly #entries = new RecordsController<ReflectionEntry>(this, {
    adapter: () => this.#private,
    collection: () => 'reflections',
    accept: isEntry,
  });
  readonly #drafts = new RecordsController<ReflectionDraft>(this, {
    adapter: () => this.#private,
    collection: () => 'reflection-drafts',
    accept: isDraft,
  });
  readonly #lock = new ReflectionLockController(this, {
    adapter: () => this.#private,
    author: () => this.identity.id,
    now: () => this.now(),
    entries: this.#entries,
    drafts: this.#drafts,
    mine: () => this.#mine,
    myDrafts: () => this.#myDrafts,
    write: (run) => this.#write(run),
  });
  /** "I added my count for this post", kept in this browser only. */
  readonly #counted = new RecordsController<ReflectionCounted>(this, {
    adapter: () => this.#private,
    collection: () => 'reflection-counted',
    accept: isCounted,
  });
  readonly #counts = new RecordsController<ReflectionCount>(this, {
    adapter: () => this.storage,
    collection: () => 'reflection-counts',
    accept: isReflectionCount,
  });

  #htmlQuestions: Question[] = [];
  #children = new MutationObserver(() => this.#readChildren());
  #restored = false;
  #touched = false;
  #timer?: ReturnType<typeof setTimeout>;
  #counting = false;
  #confirmed?: () => Promise<void>;
  #opener?: HTMLElement | null;

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

  override connectedCallback(): void {
    super.connectedCallback();
    this.#readChildren();
    this.#children.observe(this, {
      childList: true,
      subtree: true,
      characterData: true,
      attributeFilter: ['data-question', 'data-label', 'data-hint', 'data-multiple', 'data-choice', 'value'],
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#children.disconnect();
    if (this.#timer) void this.#saveDraft();
  }

  #readChildren(): void {
    try {
      const found = questionsFromChildren(this);
      this.#htmlQuestions = found.length ? validatePrompts(found) : [];
    } catch (error) {
      badQuestions(error);
      this.#htmlQuestions = [];
    }
    this.requestUpdate();
  }

  /** The questions in force: `prompts`, else HTML children, else the built-in set in the reader's language. */
  get #set(): { name: string; questions: Question[] } {
    if (this.prompts?.length) {
      try {
        return { name: 'custom', questions: validatePrompts(this.prompts) };
      } catch (error) {
        badQuestions(error);
      }
    }
    if (this.#htmlQuestions.length) return { name: 'custom', questions: this.#htmlQuestions };
    const name = isPromptSetName(this.promptSet) ? this.promptSet : 'resentment';
    return { name, questions: this.#builtIn(name) };
  }

  #builtIn(name: string): Question[] {
    const words = this.localize.t as unknown as Record<string, string | undefined>;
    return PROMPT_SETS[name as PromptSetName].map((shape) => ({
      id: shape.id,
      kind: shape.kind,
      label: words[`q_${shape.id}`] ?? shape.id,
      hint: words[`h_${shape.id}`],
      multiple: shape.multiple,
      choices: shape.choices?.map((id) => ({ id, label: words[`c_${id}`] ?? id })),
    }));
  }

  /** The questions of the reflection being written (an edited entry keeps its own questions). */
  get #questions(): { name: string; questions: Question[] } {
    const content = this.editing?.content;
    if (!content) return this.#set;
    return {
      name: content.promptSet,
      questions: isPromptSetName(content.promptSet) ? this.#builtIn(content.promptSet) : content.questions,
    };
  }

  /** The reader's own entries (the identity in force), newest first. */
  get #mine(): Entry[] {
    const me = this.identity.id;
    return this.#entries.records
      .filter((r) => r.value.authorId === me)
      .sort((a, b) => (a.value.createdAt < b.value.createdAt ? 1 : -1));
  }

  /** The reader's own drafts, on every post. */
  get #myDrafts(): Draft[] {
    const me = this.identity.id;
    return this.#drafts.records.filter((r) => r.value.authorId === me);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('post')) this.#restored = false;
    // Pick the draft up once entries and drafts have arrived.
    if (!this.#restored && !this.#drafts.loading && !this.#entries.loading) {
      this.#restored = true;
      const draft = this.#drafts.get(draftId(this.#post))?.value;
      // Storage can be slow to open: once the reader has started, what is on screen is newer than any draft.
      if (!this.#touched && draft && draft.authorId === this.identity.id && draft.postId === this.#post) {
        if (draft.locked) this.lockedDraft = draft;
        else this.#adopt(draft, draft);
      }
    }
  }

  #adopt(draft: ReflectionDraft, content: Partial<ReflectionContent>): void {
    const edited = draft.editing ? this.#entries.get(draft.editing) : undefined;
    const editedContent = edited && this.#lock.content(edited);
    this.editing = edited && editedContent ? { id: edited.id, content: editedContent } : undefined;
    this.answers = content.answers ?? {};
    this.step = Math.min(draft.step, this.#questions.questions.length - 1);
    this.note = this.localize.t.resumed;
  }

  // ——— writing ———

  #answer(id: string, value: AnswerValue): void {
    this.#touched = true;
    this.answers = { ...this.answers, [id]: value };
    this.note = '';
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#saveDraft(), 600);
  }

  #pick(question: Question, choice: string, checked: boolean): void {
    const current = this.answers[question.id];
    const picked = Array.isArray(current) ? current.filter((id) => id !== choice) : [];
    this.#answer(question.id, !question.multiple ? [choice] : checked ? [...picked, choice] : picked);
  }

  /**
   * Saves the draft now, sealed when a lock exists. A failure is said by the storage notice; the
   * words stay in the fields.
   */
  async #saveDraft(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    // Whether a lock exists is known only once storage has answered: never guess "no lock".
    if (!this.#lock.ready) {
      this.#timer = setTimeout(() => void this.#saveDraft(), 200);
      return;
    }
    const id = draftId(this.#post);
    if (!Object.values(this.answers).some(isAnswered) && !this.#drafts.get(id)) return;
    await this.#lock.save(this.#drafts, id, {
      postId: this.#post,
      authorId: this.identity.id,
      step: this.step,
      editing: this.editing?.id,
      updatedAt: this.now().toISOString(),
      promptSet: this.#questions.name,
      answers: this.answers,
    });
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
    void this.#saveDraft();
    await this.#focus('[part~="step"] h3');
  }

  async #focus(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /**
   * Saves the finished reflection (sealed with the lock's public key when a lock exists: no
   * passphrase needed), then offers the ask/offer composer.
   */
  async #finish(): Promise<void> {
    const { name, questions } = this.#questions;
    const now = this.now();
    const previous = this.editing && this.#entries.get(this.editing.id);
    let entry: ReflectionEntry;
    try {
      entry = makeEntry(
        { postId: this.#post, authorId: this.identity.id, promptSet: name, questions, answers: this.answers },
        now,
        previous?.value,
      );
    } catch {
      this.note = this.localize.t.empty;
      return;
    }
    clearTimeout(this.#timer);
    const id = previous?.id ?? newEntryId(now, crypto.randomUUID().slice(0, 8));
    const record = await this.#lock.save(this.#entries, id, entry);
    if (!record) return;
    if (this.#drafts.get(draftId(this.#post)))
      void this.#write(() => this.#drafts.remove(draftId(this.#post)));
    if (this.shareOptIn && this.#canShare) void this.#addCount();
    this.emit<ReflectionSavedDetail>('tend-reflection-saved', { postId: this.#post, entryId: id });
    // "What I needed and didn't say" is where an honest ask starts.
    this.parts = { need: name === 'resentment' ? String(entry.answers?.['unsaid'] ?? '') : '' };
    this.note = '';
    this.answers = {};
    this.editing = undefined;
    this.step = 0;
    this.shareOptIn = false;
    this.savedLocked = !!record.value.locked;
    this.view = 'done';
    await this.#focus('h3');
  }

  /** True once this reader added their count for this post (remembered in this browser). */
  get #hasCounted(): boolean {
    const me = this.identity.id;
    return this.#counted.get(countedId(this.#post, me))?.value.authorId === me;
  }

  /**
   * Adds this reader's one anonymous count for the post: the operation `count`, nothing else (no
   * words, no id of the reader). Sent once; then remembered in this browser only.
   */
  async #addCount(): Promise<void> {
    const post = this.#post;
    const me = this.identity.id;
    if (this.#counting || this.#hasCounted) return;
    this.#counting = true;
    try {
      await this.#counts.operate(reflectionCountId(post), { type: 'count', postId: post }, (current) =>
        addReflectionCount(current, post),
      );
      this.countError = undefined;
      await this.#write(() =>
        this.#counted.update(countedId(post, me), () => ({ postId: post, authorId: me })),
      );
    } catch (error) {
      this.countError = error as StorageError;
    } finally {
      this.#counting = false;
    }
  }

  #edit(record: Entry, content: ReflectionContent): void {
    this.#touched = true;
    this.editing = { id: record.id, content };
    this.answers = structuredClone(content.answers);
    this.view = 'flow';
    void this.#go(0);
  }

  // ——— deleting, with a native modal dialog ———

  async #ask(text: string, action: () => Promise<void>, opener: EventTarget | null): Promise<void> {
    this.confirmText = text;
    this.#confirmed = action;
    this.#opener = opener as HTMLElement | null;
    await this.updateComplete;
    this.renderRoot.querySelector('dialog')!.showModal();
  }

  async #closeDialog(confirmed: boolean): Promise<void> {
    const action = confirmed ? this.#confirmed : undefined;
    this.#confirmed = undefined;
    this.renderRoot.querySelector('dialog')!.close();
    if (action) await action();
    await this.updateComplete;
    // Kept: back to the button that opened the dialog. Deleted: that button is gone, so to the list's heading.
    if (!action) this.#opener?.focus();
    else this.renderRoot.querySelector<HTMLElement>('[part~="entries"] h3')?.focus();
  }

  async #delete(records: Entry[]): Promise<void> {
    const ids: string[] = [];
    for (const record of records) {
      if (!(await this.#write(() => this.#entries.remove(record.id).then(() => true)))) break;
      ids.push(record.id);
    }
    if (ids.length) {
      this.note = this.localize.t.deleted;
      this.emit<ReflectionDeletedDetail>('tend-reflection-deleted', { postId: this.#post, entryIds: ids });
    }
  }

  // ——— export ———

  #download(kind: 'md' | 'json'): void {
    const t = this.localize.t;
    const entries: ExportEntry[] = [];
    for (const record of this.#mine) {
      const content = this.#lock.content(record);
      if (!content) continue;
      const { postId, createdAt, updatedAt } = record.value;
      entries.push({ id: record.id, postId, createdAt, updatedAt, ...content });
    }
    const text =
      kind === 'md'
        ? entriesToMarkdown(entries, {
            title: t.exportTitle,
            skipped: t.skipped,
            heading: (e) =>
              `${this.localize.date(e.createdAt, { dateStyle: 'long', timeStyle: 'short' })}, ${t.onPost(e.postId)}`,
          })
        : entriesToJson(entries, this.now());
    const url = URL.createObjectURL(
      new Blob([text], { type: kind === 'md' ? 'text/markdown' : 'application/json' }),
    );
    const link = Object.assign(document.createElement('a'), { href: url, download: `reflections.${kind}` });
    this.renderRoot.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  // ——— the passphrase lock (its keys and sealing live in ReflectionLockController) ———

  /** Makes a lock from the form's passphrase; every entry and draft of this reader is sealed with it. */
  async #createLock(form: HTMLFormElement): Promise<void> {
    const t = this.localize.t;
    const pass = (form.elements.namedItem('pass') as HTMLInputElement).value;
    if (pass.length < 8) return void (this.lockNote = t.tooShort);
    if (pass !== (form.elements.namedItem('again') as HTMLInputElement).value)
      return void (this.lockNote = t.mismatch);
    this.busy = true;
    this.lockNote = '';
    try {
      if (!(await this.#lock.create(pass))) return;
      void this.#saveDraft();
    } finally {
      this.busy = false;
    }
    await this.#focus('[data-close-lock]');
  }

  /** Opens the lock with a passphrase (and a locked draft of this post); a wrong one opens nothing and changes nothing. */
  async #unlock(form: HTMLFormElement): Promise<void> {
    const pass = (form.elements.namedItem('pass') as HTMLInputElement).value;
    this.busy = true;
    this.lockNote = '';
    try {
      await this.#lock.open(pass);
      const draft = this.lockedDraft && this.#drafts.get(draftId(this.#post))?.value;
      if (draft) {
        this.lockedDraft = undefined;
        const content = draft.locked ? await this.#lock.read<ReflectionContent>(draft.locked) : draft;
        if (content) this.#adopt(draft, content);
      }
    } catch {
      this.lockNote = this.localize.t.wrongPassphrase;
    } finally {
      this.busy = false;
    }
  }

  /** Writes everything back in plain, by the reader's choice, and forgets the lock. */
  async #removeLock(): Promise<void> {
    clearTimeout(this.#timer);
    if (!(await this.#lock.remove())) return;
    this.note = this.localize.t.lockRemoved;
    void this.#saveDraft();
    await this.#focus('[part~="entries"] h3');
  }

  async #closeLock(): Promise<void> {
    this.#lock.close();
    await this.#focus('#pass');
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const lang = this.localize.lang;
    const readers = this.#canShare
      ? countReaders(this.#counts.get(reflectionCountId(this.#post))?.value, this.#post)
      : 0;
    return html`<div part="container base" class="container surface">
      <div class="stack">
        <h2>${t.title}</h2>
        <slot name="intro"><p>${t.intro}</p></slot>
        <slot name="crisis"
          >${this.crisisHref ? html`<p><a part="crisis" href=${this.crisisHref}>${t.crisis}</a></p>` : nothing}</slot
        >
      </div>
      ${this.view === 'entries' ? this.#renderEntries() : this.view === 'done' ? this.#renderDone() : this.#renderFlow()}
      <div class="stack">
        ${this.#notice.render(this.#private.status, { writeError: this.problem })}
        ${readers ? html`<p class="muted">${t.readersHere(readers, lang)}</p>` : nothing}
      </div>
      <dialog part="dialog" aria-labelledby="confirm-text" @cancel=${() => void this.#closeDialog(false)}>
        <p id="confirm-text">${this.confirmText}</p>
        <div part="actions">
          <button @click=${() => this.#closeDialog(false)}>${t.cancel}</button>
          <button class="danger end" @click=${() => this.#closeDialog(true)}>${t.confirm}</button>
        </div>
      </dialog>
    </div>`;
  }

  #renderQuestion(q: Question, index: number): TemplateResult {
    const value = this.answers[q.id];
    const id = `q${index}`;
    const hint = q.hint ? html`<p class="hint" id="${id}-hint">${q.hint}</p>` : nothing;
    const described = q.hint ? `${id}-hint` : nothing;
    if (q.kind === 'choice') {
      const picked = Array.isArray(value) ? value : [];
      return html`<fieldset part="question" aria-describedby=${described}>
        <legend><h3 tabindex="-1">${q.label}</h3></legend>
        ${hint}
        ${q.choices!.map(
          (c) =>
            html`<label class="choice"
              ><input
                type=${q.multiple ? 'checkbox' : 'radio'}
                name=${id}
                .checked=${picked.includes(c.id)}
                @change=${(e: Event) => this.#pick(q, c.id, (e.target as HTMLInputElement).checked)}
              />${c.label}</label
            >`,
        )}
      </fieldset>`;
    }
    return html`<div part="question">
      <h3 tabindex="-1"><label for=${id}>${q.label}</label></h3>
      ${hint}
      <textarea
        id=${id}
        aria-describedby=${described}
        .value=${typeof value === 'string' ? value : ''}
        @input=${(e: Event) => this.#answer(q.id, (e.target as HTMLTextAreaElement).value)}
      ></textarea>
    </div>`;
  }

  #renderFlow(): TemplateResult {
    const t = this.localize.t;
    if (this.lockedDraft)
      return html`<div part="step">
        ${this.#renderUnlock(
          t.draftLocked,
          html`<button
            @click=${() => {
              this.lockedDraft = undefined;
              void this.#write(() => this.#drafts.remove(draftId(this.#post)));
            }}
          >
            ${t.startFresh}
          </button>`,
        )}
      </div>`;
    const { questions } = this.#questions;
    const total = questions.length;
    const step = Math.min(this.step, total - 1);
    const last = this.layout === 'list' || step === total - 1;
    const q = questions[step]!;
    const mine = this.#mine;
    return html`<div part="step" class=${this.layout}>
        ${
          this.layout === 'list'
            ? questions.map((question, i) => this.#renderQuestion(question, i))
            : html`<p part="progress">${t.progress(step + 1, total)}</p>
                ${this.#renderQuestion(q, step)}`
        }
        ${
          last && this.#canShare
            ? html`<label class="choice"
                ><input
                  type="checkbox"
                  .checked=${this.#hasCounted || this.shareOptIn}
                  ?disabled=${this.#hasCounted}
                  @change=${(e: Event) => (this.shareOptIn = (e.target as HTMLInputElement).checked)}
                />${this.#hasCounted ? t.shareCounted : t.shareOptIn}</label
              >`
            : nothing
        }
        ${this.note ? html`<p class="muted" role="status">${this.note}</p>` : nothing}
        <div part="actions">
          ${this.layout === 'steps' && step > 0 ? html`<button @click=${() => this.#go(step - 1)}>${t.back}</button>` : nothing}
          ${
            !last && !isAnswered(this.answers[q.id])
              ? html`<button class="end" @click=${() => this.#go(step + 1)}>${t.skip}</button>`
              : nothing
          }
          ${
            last
              ? html`<button class="primary end" @click=${() => this.#finish()}>
                  ${this.editing ? t.saveChanges : t.finish}
                </button>`
              : html`<button
                  class="primary ${isAnswered(this.answers[q.id]) ? 'end' : ''}"
                  @click=${() => this.#go(step + 1)}
                >
                  ${t.next}
                </button>`
          }
        </div>
      </div>
      ${mine.length ? html`<div part="actions">${this.#renderYours(mine.length)}</div>` : nothing}`;
  }

  #renderYours(count: number): TemplateResult {
    return html`<button
      @click=${() => {
        this.view = 'entries';
        this.note = '';
        this.showAll = !this.#mine.some((r) => r.value.postId === this.#post);
        void this.#focus('[part~="entries"] h3');
      }}
    >
      ${this.localize.t.yours(count, this.localize.lang)}
    </button>`;
  }

  #renderDone(): TemplateResult {
    const t = this.localize.t;
    const p = this.parts;
    const field = (key: string, label: string) =>
      html`<label class="field"
        >${label}<input
          .value=${p[key] ?? ''}
          @input=${(e: Event) => (this.parts = { ...this.parts, [key]: (e.target as HTMLInputElement).value })}
      /></label>`;
    const ask = this.draftKind === 'ask';
    const draft = ask
      ? composeDraft([
          [
            [t.tAskWhen, p['when'] ?? ''],
            [t.tAskFelt, p['felt'] ?? ''],
            [t.tAskNeed, p['need'] ?? ''],
          ],
          [[t.tAskRequest, p['request'] ?? '']],
        ])
      : composeDraft([
          [
            [t.tOfferWhat, p['what'] ?? ''],
            [t.tOfferWhen, p['on'] ?? ''],
            [t.tOfferLimit, p['limit'] ?? ''],
          ],
        ]);
    const kind = (value: 'ask' | 'offer', label: string) =>
      html`<label class="choice"
        ><input
          type="radio"
          name="kind"
          .checked=${this.draftKind === value}
          @change=${() => (this.draftKind = value)}
        />${label}</label
      >`;
    return html`<div part="step">
        <h3 tabindex="-1">${this.savedLocked ? t.savedLockedTitle : t.savedTitle}</h3>
        <p>${this.savedLocked ? t.savedLockedText : t.savedText}</p>
      </div>
      <div part="composer">
        <fieldset>
          <legend><h3>${t.composerTitle}</h3></legend>
          <div part="actions">${kind('ask', t.ask)} ${kind('offer', t.offer)}</div>
        </fieldset>
        <div class="fields">
          ${
            ask
              ? [
                  field('when', t.askWhen),
                  field('felt', t.askFelt),
                  field('need', t.askNeed),
                  field('request', t.askRequest),
                ]
              : [field('what', t.offerWhat), field('on', t.offerWhen), field('limit', t.offerLimit)]
          }
        </div>
        <p class="muted">${t.draftLabel}</p>
        <p class="draft">${draft || t.draftEmpty}</p>
        <p class="muted">${t.draftNote}</p>
        <div part="actions">
          <button ?disabled=${!draft} @click=${() => this.#copy(draft)}>${t.copy}</button>
          <span role="status">${this.note}</span>
        </div>
      </div>
      ${this.countError ? html`<p class="error" role="alert">${t.countFailed}</p>` : nothing}
      <div part="actions">
        <button
          class="primary"
          @click=${() => {
            this.view = 'flow';
            this.note = '';
            void this.#go(0);
          }}
        >
          ${t.again}
        </button>
        ${this.#renderYours(this.#mine.length)}
      </div>`;
  }

  async #copy(text: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.note = this.localize.t.copied;
    } catch {
      this.note = this.localize.t.copyFailed;
    }
  }

  #renderUnlock(text: string, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
    const t = this.localize.t;
    return html`<form
      class="stack"
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        void this.#unlock(e.target as HTMLFormElement);
      }}
    >
      <p>${text}</p>
      <label class="field"
        >${t.passphrase}<input id="pass" name="pass" type="password" autocomplete="off"
      /></label>
      <p class="error" role="status">${this.busy ? t.working : this.lockNote}</p>
      <div part="actions"><button class="primary" ?disabled=${this.busy}>${t.unlock}</button>${extra}</div>
    </form>`;
  }

  #renderEntries(): TemplateResult {
    const t = this.localize.t;
    const lang = this.localize.lang;
    const mine = this.#mine;
    const shown = this.showAll ? mine : mine.filter((r) => r.value.postId === this.#post);
    const closed = mine.some((r) => r.value.locked && !this.#lock.content(r));
    return html`<section part="entries" aria-labelledby="entries-title">
      <h3 id="entries-title" tabindex="-1">${t.entriesTitle}</h3>
      <label class="choice"
        ><input
          type="checkbox"
          .checked=${this.showAll}
          @change=${(e: Event) => (this.showAll = (e.target as HTMLInputElement).checked)}
        />${t.showAll}</label
      >
      <p class="muted" role="status">${this.note}</p>
      ${
        shown.length
          ? html`<ul class="entries">
              ${shown.map((record) => keyed(record.id, this.#renderEntry(record)))}
            </ul>`
          : html`<p class="muted">${t.noEntries}</p>`
      }
      ${
        mine.length
          ? html`<div part="actions">
              ${
                closed
                  ? html`<p class="muted">${t.exportLocked}</p>`
                  : html`<button @click=${() => this.#download('md')}>${t.exportMd}</button>
                      <button @click=${() => this.#download('json')}>${t.exportJson}</button>`
              }
              <button
                class="danger"
                @click=${(e: Event) =>
                  this.#ask(
                    t.confirmDeleteAll(mine.length, lang),
                    () => this.#delete(this.#mine),
                    e.currentTarget,
                  )}
              >
                ${t.deleteAll}
              </button>
            </div>`
          : nothing
      }
      ${this.#renderLock(mine.length > 0)}
      <div part="actions">
        <button
          @click=${() => {
            this.view = 'flow';
            this.note = '';
            void this.#focus('[part~="step"] h3');
          }}
        >
          ${t.backToFlow}
        </button>
      </div>
    </section>`;
  }

  #renderEntry(record: Entry): TemplateResult {
    const t = this.localize.t;
    const content = this.#lock.content(record);
    const when = this.localize.date(record.value.createdAt, { dateStyle: 'medium', timeStyle: 'short' });
    const title = this.showAll ? `${when}, ${t.onPost(record.value.postId)}` : when;
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
          <button @click=${() => this.#edit(record, content)}>${t.edit}</button>
          <button
            class="danger"
            @click=${(e: Event) => this.#ask(t.confirmDelete, () => this.#delete([record]), e.currentTarget)}
          >
            ${t.delete}
          </button>
        </div>
      </details>
    </li>`;
  }

  #renderLock(anyEntries: boolean): TemplateResult | typeof nothing {
    const t = this.localize.t;
    const state = this.#lock.state;
    if (state === 'closed') return html`<div class="lock">${this.#renderUnlock(t.lockedNote)}</div>`;
    if (state === 'open')
      return html`<div class="lock stack">
        <p>${t.openNote}</p>
        <div part="actions">
          <button data-close-lock @click=${() => this.#closeLock()}>${t.closeLock}</button>
          <button @click=${() => this.#removeLock()}>${t.removeLock}</button>
        </div>
      </div>`;
    if (!anyEntries) return nothing;
    return html`<form
      class="lock stack"
      @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        void this.#createLock(e.target as HTMLFormElement);
      }}
    >
      <h3>${t.lockTitle}</h3>
      <p class="muted">${t.lockText}</p>
      <div class="fields">
        <label class="field"
          >${t.passphrase}<input name="pass" type="password" autocomplete="new-password"
        /></label>
        <label class="field"
          >${t.passphraseAgain}<input name="again" type="password" autocomplete="new-password"
        /></label>
      </div>
      <p class="error" role="status">${this.busy ? t.working : this.lockNote}</p>
      <div part="actions"><button class="primary" ?disabled=${this.busy}>${t.lock}</button></div>
    </form>`;
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
