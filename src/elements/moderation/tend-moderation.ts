import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { RecordsController } from '../../controllers/records-controller.js';
import {
  CONCERN_LIMITS,
  CONCERNS_COLLECTION,
  MODERATION_LOG_COLLECTION,
  concernQueue,
  isAnswered,
  isConcern,
  isModerationLogEntry,
  type Concern,
  type ConcernOperation,
  type ConcernState,
  type ModerationLogEntry,
  type QueuedConcern,
} from '../../domain/concerns.js';
import { isPost, LIMITS, POSTS_COLLECTION, type Post } from '../../domain/offers.js';
import type { HideOperation } from '../../domain/post-operations.js';
import { LocalizeController, relativeTime } from '../../i18n/localize.js';
import type { StoredRecord } from '../../storage/adapter.js';
import { isStorageError } from '../../storage/errors.js';
import { disclosure } from '../../styles/disclosure.js';
import { extras } from '../../styles/extras.js';
import { renderThread, renderWordsField, threadStyles } from '../shared/concern-thread.js';
import { isModerator } from '../shared/moderator.js';
import { StorageNotice } from '../shared/storage-notice.js';
import { TendElement } from '../tend-element.js';
import { en, type ModerationMessages } from './moderation.messages.js';
import { styles } from './moderation.styles.js';

/** Detail of `tend-concern-answered`: the concern's id and its state after the answer. */
export interface ConcernAnsweredDetail {
  concernId: string;
  state: ConcernState;
}

interface Notice {
  text: string;
  error?: boolean;
}

/** What the view reads, once it knows the person moderates. */
interface Reads {
  concerns: RecordsController<Concern>;
  log: RecordsController<ModerationLogEntry>;
  posts: RecordsController<Post>;
}

const REFUSALS = new Set([
  'answer-first',
  'closed',
  'thread-full',
  'not-hidden',
  'hidden',
  'moderators-only',
  'not-found',
]);

const LOG_PAGE = 50;

/**
 * A refusal saying the server does not take this person for a moderator: the token not accepted,
 * a read forbidden, or a step only moderators may take.
 */
const isRefusal = (error: unknown, read = false): boolean =>
  isStorageError(error) &&
  (error.code === 'unauthorized' || error.rule === 'moderators-only' || (read && error.code === 'forbidden'));

/**
 * The moderators' view: the community's concerns, open ones first and the one waiting longest
 * for an answer at the top, each with how long it has waited and its thread; an answer (with a
 * change of state if wanted); marking a concern acknowledged, acted on or closed (closing waits
 * until the raiser can read an answer, so no concern closes on silence); the posts moderators
 * have hidden, with their thread and "show it again"; and the audit log of every step, which
 * names the moderators who took them (never an anonymous raiser). Its words remind the reader
 * that a concern is information, not an attack.
 *
 * Shown only to a moderator: a person whose token (signed by the site) carries
 * `role: "moderator"`. Anyone else sees one plain sentence saying the space is the moderators',
 * and nothing is read for them. The page reads the role without checking the token's signature,
 * so when the server refuses a read or a moderator's step (the token is not accepted, or does not
 * make this person a moderator), the view gives way to a plain sentence saying so. The server decides what is read and done either way: it lists
 * concerns, hidden posts and the log to moderators only and refuses their steps to anyone else.
 * With storage only this browser sees, the view says that moderation needs a community server.
 *
 * @tagname tend-moderation
 * @summary The moderators' view: concerns to answer, hidden posts, and the audit log.
 *
 * @event {CustomEvent<ConcernAnsweredDetail>} tend-concern-answered - A moderator answered a concern. Detail: its id and state, never the words.
 *
 * @csspart base - The widget's surface.
 * @csspart not-moderator - The sentence shown to anyone but a moderator.
 * @csspart needs-server - The sentence shown on storage only this browser sees.
 * @csspart queue - The open concerns.
 * @csspart concern - One concern.
 * @csspart state - A concern's state, as a badge.
 * @csspart waited - How long a concern has waited for an answer, as a badge.
 * @csspart thread - A concern's thread.
 * @csspart answer - The form that answers a concern.
 * @csspart state-buttons - Mark acknowledged, acted on, close.
 * @csspart closed - The closed concerns (behind a button).
 * @csspart hidden-posts - The posts moderators have hidden.
 * @csspart hidden-post - One hidden post.
 * @csspart log - The audit log (behind a button).
 * @csspart notice - What a card says after a step, or why it did not go through.
 * @csspart storage-notice - Where records are kept, and any problem saving.
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
 * @cssprop [--tend-color-accent=light-dark(#2d6a4f, #8fd1ad)] - The primary button, links, a moderator's answer.
 * @cssprop [--tend-color-on-accent=light-dark(#ffffff, #0f2419)] - Text on the primary button.
 * @cssprop [--tend-color-accent-soft=light-dark(#e8f1ec, #23342b)] - Badges and success messages.
 * @cssprop [--tend-color-danger=light-dark(#b3261e, #ffb4ab)] - Errors.
 * @cssprop [--tend-color-danger-soft=light-dark(#fcefee, #3b2220)] - Error messages and the waiting badge.
 * @cssprop [--tend-color-focus=light-dark(#1a5fb4, #99c1f1)] - Focus ring colour.
 * @cssprop [--tend-focus-ring=3px solid] - Focus ring (in the focus colour).
 * @cssprop [--tend-radius=0.5em] - The one corner radius.
 * @cssprop [--tend-space=1em] - The spacing step; gaps are its multiples.
 * @cssprop [--tend-control-height=2.5em] - Height of inputs, selects and buttons.
 * @cssprop [--tend-transition=150ms ease-out] - Hover transitions.
 */
export class TendModeration extends TendElement<ModerationMessages> {
  static override styles = [...TendElement.styles, extras, disclosure, threadStyles, styles];

  /** The clock, for tests and stories; the real time when unset. */
  @property({ attribute: false }) now?: Date;

  @state() private showClosed = false;
  @state() private showLog = false;
  @state() private logLimit = LOG_PAGE;

  protected readonly localize = new LocalizeController(this, 'tend-moderation', en, () => this.messages);
  readonly #notice = new StorageNotice(this);
  #reads: Reads | undefined;
  readonly #drafts = new Map<string, string>();
  readonly #answerStates = new Map<string, ConcernState | ''>();
  readonly #busy = new Set<string>();
  readonly #notices = new Map<string, Notice>();
  readonly #needWords = new Set<string>();
  /** Concerns whose answer form is open. */
  readonly #answering = new Set<string>();
  /** The server refused a moderator's step to this person: it does not count them as one. */
  #refusedByServer = false;

  get #usable(): boolean {
    const storage = this.storage;
    return storage.status.shared && typeof storage.operate === 'function';
  }

  get #moderator(): boolean {
    return isModerator(this.identity);
  }

  /**
   * Whether the server turned this person's moderation down: a read refused (the token is not
   * accepted) or a step refused as moderators-only. The page trusts the token's role only to
   * decide what to try; the server's answer decides what is shown.
   */
  get #serverSaysNo(): boolean {
    const reads = this.#reads;
    if (this.#refusedByServer || !reads) return this.#refusedByServer;
    return [reads.concerns, reads.log, reads.posts].some((r) => isRefusal(r.readError, true));
  }

  get #clock(): Date {
    return this.now ?? new Date();
  }

  protected override willUpdate(): void {
    // Nothing is read until the person is known to moderate.
    if (!this.#reads && this.#usable && this.#moderator) {
      const reads = <T>(collection: string, accept: (value: unknown) => value is T) =>
        new RecordsController<T>(this, { adapter: () => this.storage, collection: () => collection, accept });
      this.#reads = {
        concerns: reads(CONCERNS_COLLECTION, isConcern),
        log: reads(MODERATION_LOG_COLLECTION, isModerationLogEntry),
        posts: reads(POSTS_COLLECTION, isPost),
      };
    }
  }

  #explain(error: unknown): string {
    const t = this.localize.t;
    if (!isStorageError(error)) return t.failed;
    if (error.rule && REFUSALS.has(error.rule)) return t.refused(error.rule);
    if (error.code === 'not-found') return t.refused('not-found');
    if (error.code === 'offline') return t.offline;
    return t.failed;
  }

  /** Runs one step on a concern or a post, keeping focus where it was; says what happened on the card. */
  async #run(id: string, write: () => Promise<unknown>, done: string): Promise<boolean> {
    const focused = this.shadowRoot?.activeElement;
    this.#busy.add(id);
    this.#notices.delete(id);
    this.requestUpdate();
    let ok = false;
    try {
      await write();
      this.#notices.set(id, { text: done });
      this.announcer.announce(done);
      ok = true;
    } catch (error) {
      if (isRefusal(error)) this.#refusedByServer = true;
      this.#notices.set(id, { text: this.#explain(error), error: true });
    } finally {
      this.#busy.delete(id);
      this.requestUpdate();
      await this.updateComplete;
      // A button that went away (a closed concern leaves the queue) leaves focus on the card's
      // heading, or on the view's when the card is gone from sight.
      if (focused instanceof HTMLElement && !focused.isConnected)
        (
          this.renderRoot.querySelector<HTMLElement>(`#item-${CSS.escape(id)}`) ??
          this.renderRoot.querySelector<HTMLElement>('#heading')
        )?.focus();
    }
    return ok;
  }

  #concernStep(id: string, op: ConcernOperation, done: string): Promise<boolean> {
    return this.#run(id, () => this.#reads!.concerns.operate(id, op), done);
  }

  async #answer(queued: QueuedConcern<StoredRecord<Concern>>, event: Event): Promise<void> {
    event.preventDefault();
    const id = queued.record.id;
    if (this.#busy.has(id)) return;
    const text = this.#words(id, `answer-${id}`);
    if (!text) return;
    const state = this.#answerStates.get(id) || undefined;
    const ok = await this.#concernStep(
      id,
      { type: 'answer', text, ...(state ? { state } : {}) },
      this.localize.t.answeredDone,
    );
    if (ok) {
      this.#drafts.delete(id);
      this.#answerStates.delete(id);
      this.#answering.delete(id);
      void this.focusAfterRender(`[aria-controls="answer-form-${CSS.escape(id)}"]`);
      this.emit<ConcernAnsweredDetail>('tend-concern-answered', {
        concernId: id,
        state: state ?? queued.concern.state,
      });
      this.requestUpdate();
    }
  }

  /** The words drafted under `key`, trimmed; none: the field (`fieldId`) says so and takes focus. */
  #words(key: string, fieldId: string): string | undefined {
    const text = (this.#drafts.get(key) ?? '').trim();
    if (text) return text;
    this.#needWords.add(key);
    this.requestUpdate();
    void this.focusAfterRender(`#${CSS.escape(fieldId)}`);
    return undefined;
  }

  /**
   * The one form that sends words: an answer to a concern, a reply on a hidden post. The field
   * keeps its draft under `key`; `more` goes between the field and `actions`.
   */
  #renderWordsForm(form: {
    key: string;
    fieldId: string;
    label: string;
    maxLength: number;
    submit: (event: Event) => void;
    more?: TemplateResult | typeof nothing;
    actions: TemplateResult;
    id?: string;
    part?: string;
    hidden?: boolean;
  }): TemplateResult {
    const { key } = form;
    return html`<form
      id=${ifDefined(form.id)}
      part=${ifDefined(form.part)}
      novalidate
      ?hidden=${form.hidden ?? false}
      @submit=${form.submit}
    >
      ${renderWordsField({
        id: form.fieldId,
        label: form.label,
        maxLength: form.maxLength,
        value: this.#drafts.get(key) ?? '',
        error: this.#needWords.has(key) ? this.localize.t.needAnswer : '',
        input: (value) => {
          this.#drafts.set(key, value);
          if (this.#needWords.delete(key)) this.requestUpdate();
        },
      })}
      ${form.more ?? nothing}
      <div class="actions">${form.actions}</div>
    </form>`;
  }

  /** Opens (focus on the answer) or closes (focus back on "Answer") a concern's answer form. */
  #toggleAnswer(id: string): void {
    const open = !this.#answering.has(id);
    if (open) this.#answering.add(id);
    else this.#answering.delete(id);
    this.requestUpdate();
    void this.focusAfterRender(
      open ? `#answer-${CSS.escape(id)}` : `[aria-controls="answer-form-${CSS.escape(id)}"]`,
    );
  }

  #setState(id: string, state: ConcernState): void {
    void this.#concernStep(id, { type: 'set-state', state }, this.localize.t.stateDone(state));
  }

  #postStep(id: string, op: HideOperation, done: string): Promise<boolean> {
    return this.#run(id, () => this.#reads!.posts.operate(id, op), done);
  }

  async #reply(post: StoredRecord<Post>, event: Event): Promise<void> {
    event.preventDefault();
    const key = `post:${post.id}`;
    const text = this.#words(key, `reply-${post.id}`);
    if (!text) return;
    if (await this.#postStep(post.id, { type: 'hide-reply', text }, this.localize.t.replied)) {
      this.#drafts.delete(key);
      this.requestUpdate();
    }
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const reads = this.#reads;
    if (!this.#usable || !this.#moderator || !reads || this.#serverSaysNo)
      return html`<div class="surface" part="base">
        ${
          !this.#usable
            ? html`<p part="needs-server">${t.needsServer}</p>`
            : html`<p part="not-moderator">${reads ? t.notModeratorHere : t.notModerator}</p>`
        }
      </div>`;
    const now = this.#clock;
    const posts = reads.posts;
    const titles = new Map(posts.records.map((r) => [r.id, r.value.title]));
    const queue = concernQueue(reads.concerns.records, now);
    const open = queue.filter((q) => q.concern.state !== 'closed');
    const closed = queue.filter((q) => q.concern.state === 'closed');
    const hidden = posts.records
      .filter((r) => r.value.hidden)
      .sort((a, b) => (a.value.hidden!.at < b.value.hidden!.at ? 1 : -1));
    return html`<div class="surface" part="base">
      <div class="head">
        <h2 id="heading" tabindex="-1">${t.heading}</h2>
        <p class="message">${t.intro}</p>
      </div>
      ${
        reads.concerns.loading
          ? html`<p role="status">${t.loading}</p>`
          : reads.concerns.readError
            ? html`<p class="message error" role="alert">${t.readError}</p>`
            : html`${
                open.length
                  ? html`<ol class="cards" part="queue" aria-label=${t.queueLabel}>
                      ${open.map((q) => this.#renderConcern(q, titles))}
                    </ol>`
                  : html`<p part="queue">${t.queueEmpty}</p>`
              }
              ${
                closed.length
                  ? html`<section class="stack" part="closed">
                      ${this.#renderDisclosure(
                        this.showClosed,
                        'closed-list',
                        t.closedHeading(closed.length, this.localize.lang),
                        () => (this.showClosed = !this.showClosed),
                      )}
                      <ol class="cards" id="closed-list" ?hidden=${!this.showClosed}>
                        ${this.showClosed ? closed.map((q) => this.#renderConcern(q, titles)) : nothing}
                      </ol>
                    </section>`
                  : nothing
              }`
      }
      <section class="stack" part="hidden-posts" aria-labelledby="hidden-heading">
        <h3 id="hidden-heading">${t.hiddenHeading}</h3>
        ${
          posts.loading
            ? html`<p role="status">${t.loading}</p>`
            : hidden.length
              ? html`<ul class="cards">
                  ${hidden.map((post) => this.#renderHidden(post, now))}
                </ul>`
              : html`<p class="muted">${t.hiddenNone}</p>`
        }
      </section>
      ${this.#renderLog(reads, titles)}
      ${this.#notice.render(reads.concerns.status, { saving: this.#busy.size > 0 })}
      ${this.announcer.render()}
    </div>`;
  }

  #renderConcern(q: QueuedConcern<StoredRecord<Concern>>, titles: Map<string, string>): TemplateResult {
    const t = this.localize.t;
    const lang = this.localize.lang;
    const { concern } = q;
    const id = q.record.id;
    const me = this.identity.id;
    const closed = concern.state === 'closed';
    const answered = isAnswered(concern);
    const busy = this.#busy.has(id);
    const notice = this.#notices.get(id);
    const headingId = `item-${id}`;
    const format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    const chosen = this.#answerStates.get(id) ?? '';
    const answering = this.#answering.has(id);
    const stateButton = (state: ConcernState, label: string, disabled = false, describedBy?: string) =>
      html`<button
        type="button"
        ?disabled=${busy || disabled}
        aria-describedby=${describedBy ?? headingId}
        @click=${() => this.#setState(id, state)}
      >
        ${label}
      </button>`;
    return html`<li class="card concern" part="concern" data-id=${id} aria-labelledby=${headingId}>
      <div class="head">
        <h3 id=${headingId} tabindex="-1">${t.kind(concern.kind)}</h3>
        <p class="meta">
          ${t.about(concern.about, concern.postId ? titles.get(concern.postId) : undefined)} ·
          ${
            concern.visibility === 'anonymous'
              ? t.raisedAnonymously
              : t.raisedBy(concern.raiserName ?? concern.raiserId ?? t.someone)
          }
        </p>
        <p class="badges">
          <span class="badge" part="state">${t.state(concern.state)}</span>
          ${
            q.waitingMs === undefined
              ? html`<span class="badge" part="waited">${t.answered}</span>`
              : html`<span class="badge waiting" part="waited">${t.waited(q.waitingMs, lang)}</span>`
          }
        </p>
      </div>
      ${renderThread(concern.entries, {
        label: t.threadLabel,
        who: (entry) =>
          entry.by === 'raiser'
            ? t.raiser(concern.raiserName)
            : entry.moderatorId === me
              ? t.you
              : t.moderatorNamed(entry.moderatorName),
        moved: t.moved,
        when: (at) => format.format(new Date(at)),
      })}
      ${closed ? html`<p class="muted">${t.closedNote}</p>` : nothing}
      <div class="actions" part="state-buttons">
        <button
          type="button"
          aria-expanded=${answering ? 'true' : 'false'}
          aria-controls="answer-form-${id}"
          aria-describedby=${headingId}
          @click=${() => this.#toggleAnswer(id)}
        >
          ${t.answer}
        </button>
        ${
          closed
            ? nothing
            : html`${concern.state !== 'acknowledged' ? stateButton('acknowledged', t.markAcknowledged) : nothing}
              ${concern.state !== 'acted-on' ? stateButton('acted-on', t.markActedOn) : nothing}
              ${stateButton('closed', t.close, !answered, answered ? undefined : `close-why-${id}`)}`
        }
      </div>
      ${closed || answered ? nothing : html`<p class="hint" id="close-why-${id}">${t.answerFirst}</p>`}
      ${this.#renderWordsForm({
        key: id,
        fieldId: `answer-${id}`,
        label: t.answerLabel,
        maxLength: CONCERN_LIMITS.text,
        submit: (e) => void this.#answer(q, e),
        id: `answer-form-${id}`,
        part: 'answer',
        hidden: !answering,
        more: closed
          ? nothing
          : html`<div class="field">
              <label for="answer-state-${id}">${t.answerState}</label>
              <select
                id="answer-state-${id}"
                @change=${(e: Event) =>
                  this.#answerStates.set(id, (e.target as HTMLSelectElement).value as ConcernState | '')}
              >
                <option value="" ?selected=${chosen === ''}>${t.keepState}</option>
                ${(['open', 'acknowledged', 'acted-on', 'closed'] as const)
                  .filter((s) => s !== concern.state)
                  .map((s) => html`<option value=${s} ?selected=${chosen === s}>${t.markAs(s)}</option>`)}
              </select>
            </div>`,
        actions: html`<button class="primary" type="submit" ?disabled=${busy}>${t.sendAnswer}</button>
          <button type="button" @click=${() => this.#toggleAnswer(id)}>${t.cancel}</button>`,
      })}
      ${this.#renderNotice(notice)}
    </li>`;
  }

  #renderHidden(post: StoredRecord<Post>, now: Date): TemplateResult {
    const t = this.localize.t;
    const lang = this.localize.lang;
    const me = this.identity.id;
    const value = post.value;
    const hidden = value.hidden!;
    const key = `post:${post.id}`;
    const busy = this.#busy.has(post.id);
    const notice = this.#notices.get(post.id);
    const headingId = `item-${post.id}`;
    const format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<li class="card" part="hidden-post" data-id=${post.id} aria-labelledby=${headingId}>
      <div class="head">
        <h4 id=${headingId} tabindex="-1">${value.title}</h4>
        <p class="meta">
          ${t.postBy(value.authorName ?? t.author(undefined))} ·
          ${t.hiddenAt(relativeTime(lang, hidden.at, now))}
        </p>
      </div>
      <p>${t.reasonLine(hidden.reason)}</p>
      ${
        hidden.replies.length
          ? html`<ol class="thread" aria-label=${t.threadLabel}>
              ${hidden.replies.map(
                (reply) =>
                  html`<li class="entry ${reply.by === 'author' ? 'raiser' : 'moderator'}">
                    <p class="said">
                      <strong
                        >${
                          reply.by === 'author'
                            ? t.author(value.authorName)
                            : reply.moderatorId === me
                              ? t.you
                              : t.moderatorNamed(undefined)
                        }</strong
                      >
                      <span class="muted small"
                        ><time datetime=${reply.at}>${format.format(new Date(reply.at))}</time></span
                      >
                    </p>
                    <p class="words">${reply.text}</p>
                  </li>`,
              )}
            </ol>`
          : nothing
      }
      ${this.#renderWordsForm({
        key,
        fieldId: `reply-${post.id}`,
        label: t.replyLabel,
        maxLength: LIMITS.hideReply,
        submit: (e) => void this.#reply(post, e),
        actions: html`<button type="submit" ?disabled=${busy}>${t.reply}</button>
          <button
            type="button"
            ?disabled=${busy}
            aria-describedby=${headingId}
            @click=${() => void this.#postStep(post.id, { type: 'unhide' }, t.unhidden)}
          >
            ${t.unhide}
          </button>`,
      })}
      ${this.#renderNotice(notice)}
    </li>`;
  }

  /** What a card says after a step, or why it did not go through. */
  #renderNotice(notice: Notice | undefined): TemplateResult | typeof nothing {
    return notice
      ? html`<p class="message ${notice.error ? 'error' : 'success'}" part="notice">${notice.text}</p>`
      : nothing;
  }

  /** A quiet button that shows and hides the part `controls` (the closed concerns, the log). */
  #renderDisclosure(open: boolean, controls: string, label: string, toggle: () => void): TemplateResult {
    return html`<div class="actions">
      <button
        type="button"
        class="quiet"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${controls}
        @click=${toggle}
      >
        ${label}
      </button>
    </div>`;
  }

  #renderLog(reads: Reads, titles: Map<string, string>): TemplateResult {
    const t = this.localize.t;
    const lang = this.localize.lang;
    const steps = [...reads.log.records].reverse();
    const kinds = new Map(reads.concerns.records.map((r) => [r.id, r.value.kind]));
    const format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<section class="stack" part="log" aria-labelledby="log-heading">
      <h3 id="log-heading">${t.logHeading}</h3>
      <p class="muted">${t.logIntro}</p>
      ${this.#renderDisclosure(this.showLog, 'log-list', t.showLog, () => (this.showLog = !this.showLog))}
      <div id="log-list" class="stack" ?hidden=${!this.showLog}>
        ${
          !this.showLog
            ? nothing
            : reads.log.loading
              ? html`<p role="status">${t.loading}</p>`
              : steps.length
                ? html`<ol class="log" aria-label=${t.logLabel}>
                      ${steps.slice(0, this.logLimit).map(({ value: step }) => {
                        const who =
                          step.personName ??
                          step.personId ??
                          (step.by === 'raiser' ? t.logAnonymous : t.someone);
                        const target =
                          step.target === 'posts'
                            ? titles.get(step.targetId)
                            : kinds.get(step.targetId) && t.kind(kinds.get(step.targetId)!);
                        return html`<li>
                          <span class="muted small"
                            ><time datetime=${step.at}>${format.format(new Date(step.at))}</time></span
                          >
                          <span
                            >${t.logStep(step.action, who, step.state && t.stateWord(step.state))}${
                              target
                                ? html`: ${step.target === 'posts' ? t.logTarget(target) : target}`
                                : nothing
                            }</span
                          >
                          ${step.reason ? html`<span class="muted">${t.reasonLine(step.reason)}</span>` : nothing}
                        </li>`;
                      })}
                    </ol>
                    ${
                      steps.length > this.logLimit
                        ? html`<div class="actions">
                            <button type="button" @click=${() => (this.logLimit += LOG_PAGE)}>
                              ${t.showOlder}
                            </button>
                          </div>`
                        : nothing
                    }`
                : html`<p class="muted">${t.logEmpty}</p>`
        }
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tend-moderation': TendModeration;
  }
  interface HTMLElementEventMap {
    'tend-concern-answered': CustomEvent<ConcernAnsweredDetail>;
  }
}
