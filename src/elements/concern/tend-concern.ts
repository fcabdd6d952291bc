import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RecordsController } from '../../controllers/records-controller.js';
import {
  CONCERN_KINDS,
  CONCERN_LIMITS,
  CONCERN_VISIBILITIES,
  CONCERNS_COLLECTION,
  isAnswered,
  isConcern,
  newConcernKey,
  type Concern,
  type ConcernAbout,
  type ConcernKind,
  type ConcernOperation,
  type ConcernVisibility,
} from '../../domain/concerns.js';
import { randomId } from '../../domain/record-ids.js';
import { LocalizeController } from '../../i18n/localize.js';
import { defaultAdapter } from '../../provider/default-adapter.js';
import type { StorageAdapter } from '../../storage/adapter.js';
import { isStorageError, type StorageError } from '../../storage/errors.js';
import { extras } from '../../styles/extras.js';
import { renderThread, renderWordsField, threadStyles } from '../shared/concern-thread.js';
import { StorageNotice } from '../shared/storage-notice.js';
import { TendElement } from '../tend-element.js';
import { en, type ConcernMessages } from './concern.messages.js';
import { styles } from './concern.styles.js';
import { FollowedConcerns, type ConcernNote } from './followed-concerns.js';

/** Detail of `tend-concern-raised`: ids and choices, never the words. */
export interface ConcernRaisedDetail {
  concernId: string;
  about: ConcernAbout;
  postId?: string;
  visibility: ConcernVisibility;
}

interface Draft {
  about: ConcernAbout;
  kind: ConcernKind | undefined;
  text: string;
  visibility: ConcernVisibility;
}

/** One of the person's concerns, named (from the server's list) or anonymous (followed by its key). */
interface Item {
  id: string;
  concern: Concern | undefined;
  /** Set for an anonymous one: the key this browser holds. */
  note: ConcernNote | undefined;
  error: StorageError | undefined;
  at: string;
}

/** What a concern's card says after a step: done, or why not. */
interface Notice {
  text: string;
  error?: boolean;
}

/** Refusals a raiser can meet, worded by the element. */
const REFUSALS = new Set(['closed', 'not-closed', 'thread-full']);

/**
 * Room to raise a concern: about a post, a rotation, or how things go in the community ("I have
 * been asked too often", "this rotation is too much for the family", "a request made me
 * uncomfortable", or the person's own words), for the community's moderators to answer. The
 * person chooses who may know it was them: the moderators only, or nobody. An anonymous concern
 * keeps no person on the server; its key stays in this browser (never on the server), so the
 * person follows it, adds to it and reopens it from here. Named concerns are listed from the
 * server, live. A moderator's answer reads as "a moderator"'s.
 *
 * Concerns need a community server (`<tend-provider storage="http">`): with storage only this
 * browser sees, the element says so and offers no form. The rules and the server's API are in
 * the repository's docs/moderation.md; concerns are records of the `concerns` collection,
 * changed only by named operations, and the keys of anonymous ones are records of
 * `concern-keys` in this browser's own storage.
 *
 * @tagname tend-concern
 * @summary Raise a concern for the moderators to answer, named to them or anonymous, and follow it.
 *
 * @event {CustomEvent<ConcernRaisedDetail>} tend-concern-raised - A concern was raised. Detail: its id and what was chosen, never the words.
 *
 * @csspart base - The widget's surface.
 * @csspart needs-server - The sentence shown on storage only this browser sees, instead of a form.
 * @csspart sent - The thank-you after a concern is sent.
 * @csspart form - The form that raises a concern.
 * @csspart about - The choice of what it is about (with a `post`).
 * @csspart kind - The choice of what the person would like to say.
 * @csspart text - The person's own words and their hint.
 * @csspart visibility - The choice of who may know it was them, with what each choice means.
 * @csspart send-button - The button that sends it.
 * @csspart mine - The person's own concerns.
 * @csspart concern - One of them.
 * @csspart state - A concern's state, as a badge.
 * @csspart thread - A concern's thread: the person's words and the answers.
 * @csspart add - The form that adds words, or reopens a closed concern.
 * @csspart notice - What a concern's card says after a step, or why it did not go through.
 * @csspart storage-notice - Where concerns are kept, and any problem sending.
 *
 * @cssprop [--tend-font-family=inherit] - Font (the page's own by default).
 * @cssprop [--tend-font-size=1em] - Body size (the page's own by default); every other size follows it.
 * @cssprop [--tend-font-size-small=0.875em] - Hints, dates, badges and the storage line.
 * @cssprop [--tend-font-size-large=1.125em] - Section headings.
 * @cssprop [--tend-font-size-heading=1.3em] - The widget's heading.
 * @cssprop [--tend-color-text=light-dark(#1f2a24, #e6ece8)] - Text.
 * @cssprop [--tend-color-muted=light-dark(#55615a, #a6b3ab)] - Hints and notes.
 * @cssprop [--tend-color-surface=light-dark(#ffffff, #161b18)] - The widget, its cards and fields.
 * @cssprop [--tend-color-surface-raised=light-dark(#f3f6f4, #1f2622)] - Information messages and hovered buttons.
 * @cssprop [--tend-color-border=light-dark(#8a968f, #6b7871)] - Borders of controls (3:1).
 * @cssprop [--tend-color-border-soft=light-dark(#d3dbd6, #333d37)] - Borders of the widget, its cards and the thread.
 * @cssprop [--tend-color-accent=light-dark(#2d6a4f, #8fd1ad)] - The primary button, chosen pills, a moderator's answer.
 * @cssprop [--tend-color-on-accent=light-dark(#ffffff, #0f2419)] - Text on the primary button.
 * @cssprop [--tend-color-accent-soft=light-dark(#e8f1ec, #23342b)] - Chosen pills, badges and success messages.
 * @cssprop [--tend-color-danger=light-dark(#b3261e, #ffb4ab)] - Errors.
 * @cssprop [--tend-color-danger-soft=light-dark(#fcefee, #3b2220)] - Error messages.
 * @cssprop [--tend-color-focus=light-dark(#1a5fb4, #99c1f1)] - Focus ring colour.
 * @cssprop [--tend-focus-ring=3px solid] - Focus ring (in the focus colour).
 * @cssprop [--tend-radius=0.5em] - The one corner radius.
 * @cssprop [--tend-space=1em] - The spacing step; gaps are its multiples.
 * @cssprop [--tend-control-height=2.5em] - Height of inputs and buttons.
 * @cssprop [--tend-transition=150ms ease-out] - Hover transitions.
 */
export class TendConcern extends TendElement<ConcernMessages> {
  static override styles = [...TendElement.styles, extras, threadStyles, styles];

  /** The id of the post (or rotation) the page puts this beside; without it, concerns are about the community. */
  @property() post?: string;

  /** What the `post` is: `post` (the default) or `rotation`. `community` starts the form on the community instead. */
  @property() about?: ConcernAbout;

  /** The clock, for tests and stories; the real time when unset. */
  @property({ attribute: false }) now?: Date;

  /**
   * Where the keys of anonymous concerns are kept: by default this browser's own storage for the
   * community, never the community server. A page may give another store on the person's own
   * device (tests and stories give memory storage).
   */
  @property({ attribute: false }) keyStore?: StorageAdapter;

  @state() private draft: Draft = { about: 'community', kind: undefined, text: '', visibility: 'moderators' };
  /** The person changed the form: the attributes no longer reset it. */
  @state() private touched = false;
  @state() private invalid: 'kind' | 'text' | undefined;
  @state() private problem = '';
  @state() private sending = false;
  /** The thank-you (or "it waits on this device") after sending. */
  @state() private message = '';
  /** The form is open over the person's concerns; `undefined`: open only while they have none. */
  @state() private formOpen: boolean | undefined;

  protected readonly localize = new LocalizeController(this, 'tend-concern', en, () => this.messages);
  readonly #notice = new StorageNotice(this);
  /** Named concerns: the server lists the person's own (a moderator's list holds everyone's). */
  readonly #named = new RecordsController<Concern>(this, {
    adapter: () => this.storage,
    collection: () => CONCERNS_COLLECTION,
    accept: isConcern,
  });
  readonly #followed = new FollowedConcerns(this, {
    server: () => this.storage,
    device: () => this.#device,
    person: () => this.identity.id,
    active: () => this.#usable,
  });
  /** The id and key of the concern being written: the same on a retry, so it is raised once. */
  #draftId = randomId();
  #draftKey = newConcernKey();
  readonly #adds = new Map<string, string>();
  readonly #busy = new Set<string>();
  readonly #notices = new Map<string, Notice>();
  readonly #addErrors = new Set<string>();

  /** A community server that applies operations: the only place a concern can go. */
  get #usable(): boolean {
    const storage = this.storage;
    return storage.status.shared && typeof storage.operate === 'function';
  }

  /** This browser's own storage, where the keys of anonymous concerns stay. */
  get #device(): StorageAdapter {
    if (this.keyStore) return this.keyStore;
    const storage = this.storage;
    return storage.status.shared ? defaultAdapter(storage.community) : storage;
  }

  get #clock(): Date {
    return this.now ?? new Date();
  }

  get #defaultAbout(): ConcernAbout {
    if (!this.post) return 'community';
    return this.about === 'rotation' || this.about === 'community' ? this.about : 'post';
  }

  protected override willUpdate(): void {
    if (!this.touched && this.draft.about !== this.#defaultAbout)
      this.draft = { ...this.draft, about: this.#defaultAbout };
  }

  /** The person's concerns, newest first. */
  #items(): Item[] {
    const me = this.identity.id;
    const named: Item[] = this.#named.records
      .filter((r) => r.value.visibility === 'moderators' && r.value.raiserId === me)
      .map((r) => ({ id: r.id, concern: r.value, note: undefined, error: undefined, at: r.value.createdAt }));
    const anonymous: Item[] = this.#followed.mine.map((f) => ({
      id: f.note.concernId,
      concern: f.record?.value,
      note: f.note,
      error: f.error,
      at: f.record?.value.createdAt ?? f.note.raisedAt,
    }));
    return [...named, ...anonymous].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  }

  #edit(change: Partial<Draft>): void {
    this.draft = { ...this.draft, ...change };
    this.touched = true;
    this.invalid = undefined;
    this.problem = '';
  }

  #openForm(): void {
    this.formOpen = true;
    this.message = '';
    void this.focusAfterRender('#kind-legend');
  }

  #closeForm(): void {
    this.formOpen = false;
    void this.focusAfterRender('#heading');
  }

  /** Whether a write that failed offline waits in the adapter's outbox, to be sent once back. */
  #queued(error: unknown): boolean {
    return isStorageError(error) && error.code === 'offline' && this.storage.status.pending > 0;
  }

  #explain(error: unknown): string {
    const t = this.localize.t;
    if (!isStorageError(error)) return t.failed;
    if (error.rule && REFUSALS.has(error.rule)) return t.refused(error.rule);
    if (error.code === 'offline') return t.offline;
    if (error.code === 'rate-limited') return t.busy;
    return t.failed;
  }

  async #raise(event: Event): Promise<void> {
    event.preventDefault();
    if (this.sending) return;
    const t = this.localize.t;
    const { about, kind, visibility } = this.draft;
    const text = this.draft.text.trim();
    if (!kind) return this.#invalid('kind');
    if (kind === 'other' && !text) return this.#invalid('text');
    const id = this.#draftId;
    const me = this.identity.id;
    const postId = about === 'community' ? undefined : this.post;
    const anonymous = visibility === 'anonymous';
    const note: ConcernNote | undefined = anonymous
      ? { concernId: id, key: this.#draftKey, personId: me, raisedAt: this.#clock.toISOString() }
      : undefined;
    const op: ConcernOperation = {
      type: 'raise',
      about: postId ? about : 'community',
      ...(postId ? { postId } : {}),
      kind,
      ...(text ? { text } : {}),
      visibility,
    };
    this.sending = true;
    this.problem = '';
    try {
      if (note) {
        // The key is kept before anything is sent: a concern the server holds always has its key here.
        try {
          await this.#followed.keep(note);
        } catch {
          this.problem = t.keyFailed;
          return;
        }
        await this.#followed.operate(note, op);
      } else await this.#named.operate(id, op);
      this.#sent(t.sent, { concernId: id, about: op.about, ...(postId ? { postId } : {}), visibility });
    } catch (error) {
      if (isStorageError(error) && error.code === 'conflict') {
        // An earlier try got there (its answer was lost): it is raised.
        this.#followed.refresh();
        this.#sent(t.sent, { concernId: id, about: op.about, ...(postId ? { postId } : {}), visibility });
      } else if (this.#queued(error)) this.#sent(t.queued);
      else {
        if (
          note &&
          isStorageError(error) &&
          ['invalid', 'rate-limited', 'forbidden', 'unauthorized'].includes(error.code)
        )
          await this.#followed.forget(id).catch(() => undefined);
        this.problem = this.#explain(error);
      }
    } finally {
      this.sending = false;
    }
  }

  /** After sending: a fresh draft, the form closed, the thank-you said and focused. */
  #sent(words: string, detail?: ConcernRaisedDetail): void {
    this.#draftId = randomId();
    this.#draftKey = newConcernKey();
    this.draft = { about: this.#defaultAbout, kind: undefined, text: '', visibility: this.draft.visibility };
    this.touched = false;
    this.formOpen = false;
    this.message = words;
    this.announcer.announce(words);
    void this.focusAfterRender('[part="sent"]');
    if (detail) this.emit<ConcernRaisedDetail>('tend-concern-raised', detail);
  }

  #invalid(question: 'kind' | 'text'): void {
    this.invalid = question;
    void this.focusAfterRender(question === 'kind' ? '[name="kind"]' : '#text');
  }

  /** Adds the person's words to a concern, or reopens a closed one (with words or without). */
  async #step(item: Item, event: Event): Promise<void> {
    event.preventDefault();
    const t = this.localize.t;
    const id = item.id;
    if (this.#busy.has(id) || !item.concern) return;
    const text = (this.#adds.get(id) ?? '').trim();
    const reopening = item.concern.state === 'closed';
    if (!reopening && !text) {
      this.#addErrors.add(id);
      this.requestUpdate();
      void this.focusAfterRender(`#add-${id}`);
      return;
    }
    const op: ConcernOperation = reopening
      ? { type: 'reopen', ...(text ? { text } : {}) }
      : { type: 'add', text };
    const done = reopening ? t.reopened : t.added;
    this.#busy.add(id);
    this.#notices.delete(id);
    this.#addErrors.delete(id);
    this.requestUpdate();
    try {
      if (item.note) await this.#followed.operate(item.note, op);
      else await this.#named.operate(id, op);
      this.#adds.delete(id);
      this.#notices.set(id, { text: done });
      this.announcer.announce(done);
    } catch (error) {
      if (this.#queued(error)) {
        this.#adds.delete(id);
        this.#notices.set(id, { text: t.queued });
      } else this.#notices.set(id, { text: this.#explain(error), error: true });
    } finally {
      this.#busy.delete(id);
      this.requestUpdate();
    }
  }

  async #forget(item: Item): Promise<void> {
    try {
      await this.#followed.forget(item.id);
    } catch (error) {
      this.#notices.set(item.id, { text: this.#explain(error), error: true });
      this.requestUpdate();
      return;
    }
    void this.focusAfterRender('#mine-heading');
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    if (!this.#usable)
      return html`<div class="surface" part="base">
        <h2 id="heading" tabindex="-1">${t.heading}</h2>
        <p part="needs-server">${t.needsServer}</p>
      </div>`;
    const loading = this.#named.loading || this.#followed.notes.loading;
    const items = loading ? [] : this.#items();
    const formOpen = !loading && (this.formOpen ?? items.length === 0);
    return html`<div class="surface" part="base">
      <div class="head">
        <h2 id="heading" tabindex="-1">${t.heading}</h2>
        <p class="muted">${t.intro}</p>
      </div>
      <p class="message success" part="sent" tabindex="-1">${this.message}</p>
      ${
        loading
          ? html`<p role="status">${t.loading}</p>`
          : formOpen
            ? this.#renderForm(items.length > 0)
            : html`<div class="actions">
                <button type="button" @click=${this.#openForm}>${t.raiseAnother}</button>
              </div>`
      }
      ${items.length ? this.#renderMine(items) : nothing} ${this.#renderWhere()} ${this.announcer.render()}
    </div>`;
  }

  /** The storage line, in words for concerns: where they go, and any problem reaching it. */
  #renderWhere(): TemplateResult {
    const problem = this.#named.status.problem;
    return html`<div class="storage-notice" part="storage-notice">
      <p>${this.localize.t.where}</p>
      <p class="problem" role="status" aria-live="polite">${problem ? this.#notice.problem(problem) : ''}</p>
    </div>`;
  }

  #renderForm(closable: boolean): TemplateResult {
    const t = this.localize.t;
    const { draft, invalid } = this;
    const choices = <T extends string>(
      name: string,
      options: readonly T[],
      chosen: T | undefined,
      word: (o: T) => string,
      pick: (o: T) => void,
    ) =>
      html`<div class="choices">
        ${options.map(
          (option) =>
            html`<label class="choice"
              ><input
                type="radio"
                name=${name}
                .value=${String(option)}
                .checked=${option === chosen}
                aria-invalid=${name === invalid ? 'true' : 'false'}
                @change=${() => pick(option)}
              /><span>${word(option)}</span></label
            >`,
        )}
      </div>`;
    const onPost = this.#defaultAbout === 'community' ? undefined : this.#defaultAbout;
    return html`<form part="form" novalidate @submit=${this.#raise}>
      ${
        this.post
          ? html`<fieldset part="about">
              <legend>${t.aboutLegend}</legend>
              ${choices(
                'about',
                [onPost ?? 'post', 'community'] as ConcernAbout[],
                draft.about,
                t.about,
                (about) => this.#edit({ about }),
              )}
            </fieldset>`
          : nothing
      }
      <fieldset part="kind" aria-describedby="kind-error">
        <legend id="kind-legend" tabindex="-1">${t.kindLegend}</legend>
        ${choices('kind', CONCERN_KINDS, draft.kind, t.kind, (kind) => this.#edit({ kind }))}
        <p class="field-error" id="kind-error">${invalid === 'kind' ? t.needKind : ''}</p>
      </fieldset>
      <div class="field" part="text">
        <label for="text">${t.textLabel}</label>
        <textarea
          id="text"
          maxlength=${CONCERN_LIMITS.text}
          aria-describedby="text-hint text-error"
          aria-invalid=${invalid === 'text' ? 'true' : 'false'}
          .value=${draft.text}
          @input=${(e: Event) => this.#edit({ text: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
        <p class="hint" id="text-hint">${t.textHint}</p>
        <p class="field-error" id="text-error">${invalid === 'text' ? t.needText : ''}</p>
      </div>
      <fieldset part="visibility" aria-describedby="visibility-hint">
        <legend>${t.visibilityLegend}</legend>
        ${choices('visibility', CONCERN_VISIBILITIES, draft.visibility, t.visibility, (visibility) =>
          this.#edit({ visibility }),
        )}
        <p class="hint" id="visibility-hint">${t.visibilityHint(draft.visibility)}</p>
      </fieldset>
      ${this.problem ? html`<p class="message error" role="alert">${this.problem}</p>` : nothing}
      <div class="actions">
        <button class="primary" type="submit" part="send-button" ?disabled=${this.sending}>
          ${this.sending ? t.sending : t.send}
        </button>
        ${closable ? html`<button type="button" @click=${this.#closeForm}>${t.cancel}</button>` : nothing}
      </div>
    </form>`;
  }

  #renderMine(items: Item[]): TemplateResult {
    const t = this.localize.t;
    return html`<section part="mine" aria-labelledby="mine-heading">
      <h3 id="mine-heading" tabindex="-1">${t.mineHeading}</h3>
      <ul class="concerns">
        ${items.map((item) => this.#renderItem(item))}
      </ul>
    </section>`;
  }

  #renderItem(item: Item): TemplateResult {
    const t = this.localize.t;
    const id = item.id;
    const concern = item.concern;
    const notice = this.#notices.get(id);
    const noticeLine = notice
      ? html`<p class="message ${notice.error ? 'error' : 'success'}" part="notice">${notice.text}</p>`
      : nothing;
    if (!concern) {
      const unknown = item.error?.code === 'not-found';
      return html`<li class="card concern" part="concern" data-id=${id}>
        ${
          !item.error
            ? html`<p role="status">${t.loading}</p>`
            : unknown
              ? html`<p>${t.unknown}</p>
                  <div class="actions">
                    <button type="button" @click=${() => this.#forget(item)}>${t.forget}</button>
                  </div>`
              : html`<p>${t.unreadable}</p>
                  <div class="actions">
                    <button type="button" @click=${() => this.#followed.refresh()}>${t.retry}</button>
                  </div>`
        }
        ${noticeLine}
      </li>`;
    }
    const closed = concern.state === 'closed';
    const waiting = concern.state === 'open' && !isAnswered(concern);
    const busy = this.#busy.has(id);
    const headingId = `concern-${id}`;
    const format = new Intl.DateTimeFormat(this.localize.lang, { dateStyle: 'medium', timeStyle: 'short' });
    const needWords = this.#addErrors.has(id);
    return html`<li class="card concern" part="concern" data-id=${id} aria-labelledby=${headingId}>
      <div class="head">
        <h4 id=${headingId} tabindex="-1">${t.kind(concern.kind)}</h4>
        <p class="meta">${t.aboutLine(concern.about)} · ${t.whoLine(concern.visibility)}</p>
        <p><span class="badge" part="state">${t.state(waiting ? 'waiting' : concern.state)}</span></p>
      </div>
      ${renderThread(concern.entries, {
        label: t.threadLabel,
        who: (entry) => (entry.by === 'raiser' ? t.you : t.aModerator),
        moved: t.moved,
        when: (at) => format.format(new Date(at)),
      })}
      <form part="add" novalidate @submit=${(e: Event) => this.#step(item, e)}>
        ${closed ? html`<p>${t.closedNote}</p>` : nothing}
        ${renderWordsField({
          id: `add-${id}`,
          label: closed ? t.reopenLabel : t.addLabel,
          maxLength: CONCERN_LIMITS.text,
          value: this.#adds.get(id) ?? '',
          error: needWords ? t.needWords : '',
          input: (value) => {
            this.#adds.set(id, value);
            if (this.#addErrors.delete(id)) this.requestUpdate();
          },
        })}
        <div class="actions">
          <button type="submit" ?disabled=${busy}>${closed ? t.reopen : t.add}</button>
        </div>
      </form>
      ${noticeLine}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tend-concern': TendConcern;
  }
  interface HTMLElementEventMap {
    'tend-concern-raised': CustomEvent<ConcernRaisedDetail>;
  }
}
