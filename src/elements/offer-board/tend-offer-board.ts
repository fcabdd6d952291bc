import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { repeat } from 'lit/directives/repeat.js';
import { RecordsController } from '../../controllers/records-controller.js';
import { ownLoadOf, recentRegrets, spreadOf, type Helper, type PostEntry } from '../../domain/load.js';
import {
  DEFAULT_CATEGORIES,
  DEFAULT_MAX_COMMITMENTS,
  OfferError,
  POSTS_COLLECTION,
  REFLECTIONS_COLLECTION,
  createPost,
  editPost,
  isPost,
  reflectionId,
  validateReflection,
  withdrawPost,
  type ClaimStatus,
  type OfferReflection,
  type Person,
  type Post,
  type PostKind,
  type SlotKey,
} from '../../domain/offers.js';
import { MIN_GROUP_FLOOR } from '../../domain/groups.js';
import { applyPostOperation, type HideOperation, type PostOperation } from '../../domain/post-operations.js';
import { randomId } from '../../domain/record-ids.js';
import { LocalizeController, num } from '../../i18n/localize.js';
import type { StoredRecord } from '../../storage/adapter.js';
import { toStorageError } from '../../storage/errors.js';
import { isModerator } from '../shared/moderator.js';
import { LazyPart } from '../shared/lazy-part.js';
import { StorageNotice } from '../shared/storage-notice.js';
import { disclosure } from '../../styles/disclosure.js';
import { extras } from '../../styles/extras.js';
import { TendElement } from '../tend-element.js';
import type { Ask } from './ask-dialog.js';
import { NO_FILTERS, activeFilters, filterPosts, renderFilters, type BoardFilters } from './board-filters.js';
import { DAY_FORMAT, TIME_FORMAT, type BoardAction, type BoardView, type Notice } from './board-view.js';
import { renderLoad, type LoadFigures } from './load-chart.js';
import { en, type BoardMessages } from './offer-board.messages.js';
import { styles } from './offer-board.styles.js';
import { HiddenCountController, hiddenStyles, renderHiddenCount } from './hidden-count.js';
import { renderCard } from './post-card.js';
import { listFactsFor, loadFactsFor } from './post-facts.js';
import type { PostForm } from './post-form.js';
import { refusalOf } from './refusals.js';
import type { RotationForm } from './rotation-form.js';
import { WindowedList } from './windowed-list.js';

/** Detail of `tend-offer-posted`. */
export interface OfferPostedDetail {
  board: string;
  postId: string;
  kind: PostKind;
}
/** Detail of `tend-offer-claimed`: `status` is `requested` when the author asked to be asked first. */
export interface OfferClaimedDetail {
  board: string;
  postId: string;
  claimId: string;
  status: ClaimStatus;
}
/** Detail of `tend-offer-released`. */
export interface OfferReleasedDetail {
  board: string;
  postId: string;
  claimId: string;
}
/** Detail of `tend-offer-withdrawn`. */
export interface OfferWithdrawnDetail {
  board: string;
  postId: string;
}

const isReflection = (value: unknown): value is OfferReflection => {
  try {
    validateReflection(value);
    return true;
  } catch {
    return false;
  }
};

const DAY_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** Date formats by language and options, shared by every board of the page (each costs a few milliseconds to make). */
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A board with more posts than this paints its first cards before it works out the load figures
 * (shown below the list, far from the first screen); they follow in the next task.
 */
const LOAD_AFTER_PAINT_FROM = 500;

/**
 * A community board of offers and needs: post, claim, release and withdraw without shame; sign
 * up for a rotation's dates (a meal train); a gentle nudge before someone takes on more than
 * they meant to, and a view of how this week's help is spread, so care does not fall on a few.
 *
 * Posts are records in the `posts` collection (claims stored on the post); the author's private
 * "would you offer this again?" answers are in `offer-reflections`. The rules (the
 * repository's src/domain/offers.ts) are the same ones tend-server enforces. Only the author
 * writes a post whole (post, edit, withdraw); every step on a claim (claim, release, thank,
 * accept, decline, done) and pausing a rotation is sent as a named operation, which a
 * tend-server applies to its current post, so nobody else's hands carry the post.
 *
 * Moderation (a tend-server, docs/moderation.md): a moderator (the person's token says
 * `role: "moderator"`) sees "Hide" on others' posts and gives a reason, which the author reads on
 * their post, still shown to them marked hidden, and can answer; everyone else no longer gets the
 * post at all, and reads only how many posts of the board a moderator has hidden.
 *
 * @tagname tend-offer-board
 * @summary Offers, needs and rotations with claims, gentle load limits and a view of how help is spread.
 *
 * @event {CustomEvent<OfferPostedDetail>} tend-offer-posted - A post (offer, need or rotation) was created. Detail: ids and kind.
 * @event {CustomEvent<OfferClaimedDetail>} tend-offer-claimed - The viewer claimed a slot (or asked to). Detail: ids and status.
 * @event {CustomEvent<OfferReleasedDetail>} tend-offer-released - The viewer released their claim. Detail: ids.
 * @event {CustomEvent<OfferWithdrawnDetail>} tend-offer-withdrawn - The author withdrew their post. Detail: ids.
 *
 * @csspart base - The widget's surface (background, border, radius, padding).
 * @csspart header - The heading, the words under it, “Offer or ask” (which shows the three kinds to post) and, on a narrow board, “Filter”.
 * @csspart load - How this week's help is spread, and the viewer's own load (shown to them only).
 * @csspart chart - The bar that draws how uneven this week's help is (anonymous; only when it is uneven).
 * @csspart filters - The filter bar (behind “Filter” on a narrow board; not shown while the board is empty).
 * @csspart count - How many posts match, while a filter is on.
 * @csspart list - The list of posts.
 * @csspart card - One post.
 * @csspart card-title - A post's title.
 * @csspart kind - A post's kind (offer, need, rotation).
 * @csspart private - Details for helpers only.
 * @csspart dates - A rotation's dates as a list.
 * @csspart calendar - A rotation's dates as a compact calendar: one table a month, captioned with the month.
 * @csspart notice - A kind word on a card after an action, or why it did not go through.
 * @csspart hidden - On a hidden post's card (seen by its author and moderators only): the reason, and the thread with the moderators.
 * @csspart hidden-count - How many posts a moderator has hidden (everyone else sees only this).
 * @csspart dialog - The dialogs (post form, rotation form, questions).
 * @csspart storage-notice - Where posts are saved, and any problem saving.
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
export class TendOfferBoard extends TendElement<BoardMessages> {
  static override styles = [...TendElement.styles, extras, disclosure, styles, hiddenStyles];

  /** The board's id: posts of other boards in the same community are not shown. */
  @property() board = 'default';

  /** Comma-separated category ids; `meals,rides,errands,childcare,listening,stay,other` when unset. Unknown ids show as written. */
  @property() categories?: string;

  /** How many things a person carries in a week before the board asks gently if they still want more. */
  @property({ type: Number, attribute: 'max-commitments' }) maxCommitments = DEFAULT_MAX_COMMITMENTS;

  /**
   * How many people must have helped this week before the board says how help is spread; never
   * below 3, so the view cannot point at one or two people. Names and per-person figures are never
   * shown: each person sees their own load only.
   */
  @property({ type: Number, attribute: 'min-group' }) minGroup = MIN_GROUP_FLOOR;

  /** The clock, for tests and stories; the real time when unset. */
  @property({ attribute: false }) now?: Date;

  /** What the list shows; changes as the person uses the filter bar. */
  @state() filters: BoardFilters = NO_FILTERS;

  @state() protected form: PostForm | RotationForm | undefined;
  /** "Offer or ask" is open: its three kinds show. */
  @state() protected choosing = false;
  /** The filter bar, on a narrow board (a wide board always shows it). */
  @state() protected filtersOpen = false;
  @state() protected formError: string | undefined;
  @state() protected ask: Ask | undefined;
  @state() protected askError: string | undefined;
  /** The forms and questions could not be fetched (offline): said under the board's heading. */
  @state() protected dialogsError: string | undefined;
  @state() protected saving = false;

  protected readonly localize = new LocalizeController(this, 'tend-offer-board', en, () => this.messages);

  /** The posts of every board of the community; the view keeps this board's. */
  readonly posts = new RecordsController<Post>(this, {
    adapter: () => this.storage,
    collection: () => POSTS_COLLECTION,
    accept: isPost,
  });

  /** The viewer's private "would you offer this again?" answers (on a shared server, only their own are sent). */
  readonly reflections = new RecordsController<OfferReflection>(this, {
    adapter: () => this.storage,
    collection: () => REFLECTIONS_COLLECTION,
    accept: isReflection,
  });

  readonly #storageNotice = new StorageNotice(this);
  /** The forms and the short questions, fetched the first time someone opens one. */
  readonly #dialogs = new LazyPart(this, () => import('./board-dialogs.js'));
  /** The view of hidden posts and a moderator's tools, fetched once the board shows one. */
  readonly #hiddenView = new LazyPart(this, () => import('./hidden-posts.js'));
  /** How many of this board's posts a moderator has hidden (the server's figure). */
  readonly #hiddenCount = new HiddenCountController(
    this,
    () => this.storage,
    () => this.board,
  );
  readonly #window = new WindowedList(this, () => this.renderRoot.querySelector<HTMLElement>('.posts'));
  readonly #busy = new Set<string>();
  readonly #notices = new Map<string, Notice>();
  readonly #calendars = new Set<string>();
  #opener: HTMLElement | undefined;
  /** Where focus goes when a dialog closes and the control that opened it is gone (a card's heading). */
  #fallback: string | undefined;
  #entries: { records: unknown; board: string; list: PostEntry[] } | undefined;
  #listed: { key: string; entries: PostEntry[]; list: PostEntry[]; ids: string[] } | undefined;
  #load:
    | {
        key: string;
        entries: PostEntry[];
        reflections: unknown;
        figures: LoadFigures;
      }
    | undefined;
  /** The load figures are on their way (see {@link LOAD_AFTER_PAINT_FROM}). */
  #loadAfterPaint = false;
  /** A long board's load figures have been worked out once (each post's part is kept since). */
  #loadCounted = false;
  /** The formats the cards use have been made (or are being made while the posts load). */
  #formatsMade = false;

  get #clock(): Date {
    return this.now ?? new Date();
  }

  get #viewer(): Person {
    return { id: this.identity.id, name: this.identity.name };
  }

  get #categoryList(): string[] {
    const own = (this.categories ?? '')
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    return own.length ? own : DEFAULT_CATEGORIES;
  }

  /** This board's posts (the controller keeps the same array until something changes). */
  #boardPosts(): PostEntry[] {
    const records = this.posts.records;
    if (this.#entries?.records !== records || this.#entries.board !== this.board)
      this.#entries = {
        records,
        board: this.board,
        list: records.filter((r) => r.value.board === this.board),
      };
    return this.#entries.list;
  }

  #figures(entries: PostEntry[], now: Date) {
    const me = this.#viewer.id;
    const reflections = this.reflections.records;
    // Counting is per minute: enough for "this week", cheap on every live change.
    const key = `${me}|${Math.floor(now.getTime() / 60_000)}|${this.maxCommitments}|${this.minGroup}`;
    const cached = this.#load;
    if (cached?.key === key && cached.entries === entries && cached.reflections === reflections)
      return cached;
    const regrets = recentRegrets(
      reflections.map((r) => r.value),
      me,
      now,
    );
    // Each post's part is kept until its value changes (see post-facts.ts); only sums are redone.
    const factsOf = loadFactsFor(now, me);
    const helps: Helper[][] = [];
    let mine = 0;
    let stale = 0;
    for (const { value } of entries) {
      const facts = factsOf(value);
      if (facts.help.length) helps.push(facts.help);
      mine += facts.commitments;
      if (facts.waited !== undefined) stale++;
    }
    const figures: LoadFigures = {
      spread: spreadOf(helps, this.minGroup),
      own: ownLoadOf(helps, me, mine, { max: this.maxCommitments, regrets }),
      stale,
      regrets,
    };
    if (entries.length >= LOAD_AFTER_PAINT_FROM) this.#loadCounted = true;
    return (this.#load = { key, entries, reflections, figures });
  }

  /**
   * The load figures for this render, or undefined while a long board's first cards paint: the
   * first time they are needed for one, they are worked out in the task after that paint (each
   * post's part is then kept, so later renders add them up at once).
   */
  #figuresSoon(entries: PostEntry[], now: Date): LoadFigures | undefined {
    if (this.#loadCounted || entries.length < LOAD_AFTER_PAINT_FROM)
      return this.#figures(entries, now).figures;
    if (!this.#loadAfterPaint) {
      this.#loadAfterPaint = true;
      requestAnimationFrame(() =>
        // A task posted from a frame callback runs once that frame is painted.
        setTimeout(() => {
          this.#loadAfterPaint = false;
          this.#figures(this.#boardPosts(), this.#clock);
          this.requestUpdate();
        }),
      );
    }
    return undefined;
  }

  #list(entries: PostEntry[], now: Date) {
    const key = `${JSON.stringify(this.filters)}|${this.#viewer.id}|${Math.floor(now.getTime() / 60_000)}|${this.localize.lang}`;
    if (this.#listed?.key !== key || this.#listed.entries !== entries) {
      const list = filterPosts(
        entries,
        this.filters,
        listFactsFor(now, this.#viewer.id),
        this.localize.t.category,
      );
      this.#listed = { key, entries, list, ids: list.map((e) => e.id) };
    }
    return this.#listed;
  }

  #format = (date: string, options: Intl.DateTimeFormatOptions): string => {
    const day = DAY_KEY.test(date);
    const key = `${this.localize.lang}|${day}|${JSON.stringify(options)}`;
    let format = formats.get(key);
    if (!format)
      formats.set(
        key,
        (format = new Intl.DateTimeFormat(
          this.localize.lang,
          day ? { ...options, timeZone: 'UTC' } : options,
        )),
      );
    return format.format(new Date(day ? `${date}T12:00:00Z` : date));
  };

  #explain(error: unknown): string {
    const refusal = refusalOf(error);
    return refusal ? this.localize.t.error(refusal) : this.#storageNotice.problem(toStorageError(error, ''));
  }

  /** Shows `text` on a post's card and says it once to screen readers. */
  #say(postId: string, text: string, error = false): void {
    this.#notices.set(postId, { text, error });
    this.announcer.announce(text);
  }

  /** Opens a dialog, remembering what had focus so it gets it back (else `fallback`, a selector). */
  #remember(fallback?: string): void {
    const active = this.shadowRoot?.activeElement;
    this.#opener = active instanceof HTMLElement ? active : undefined;
    this.#fallback = fallback;
  }

  /** The author rewrites their own post from its latest value (retrying if someone else wrote first). */
  #rewrite(postId: string, change: (post: Post) => Post, done?: (post: Post) => void): Promise<boolean> {
    return this.#change(
      postId,
      () =>
        this.posts.update(postId, (current) => {
          if (!current) throw new OfferError('not-found', 'the post is gone');
          return change(current);
        }),
      done,
    );
  }

  /**
   * A step on a post by name (claim, release, thank, accept, …): a tend-server applies it to its
   * current post; other storage gets the same domain rule applied here.
   */
  #operate(postId: string, op: PostOperation, done?: (post: Post) => void): Promise<boolean> {
    const me = this.#viewer;
    const now = this.#clock;
    return this.#change(
      postId,
      () =>
        this.posts.operate(postId, op, (current) => {
          if (!current) throw new OfferError('not-found', 'the post is gone');
          return applyPostOperation(current, op, me, now);
        }),
      done,
    );
  }

  /**
   * A moderation step on a post (hide, unhide, a word on a hidden post): only a community server
   * applies these (there are no moderators on storage only this browser sees).
   */
  #moderate(postId: string, op: HideOperation, done?: (post: Post) => void): Promise<boolean> {
    return this.#change(postId, () => this.posts.operate(postId, op), done);
  }

  /** Fetches the view of hidden posts once the board shows one, or a moderator's tools. */
  #fetchHiddenView(entries: PostEntry[], moderator: boolean): void {
    if (moderator || entries.some((e) => e.value.hidden)) this.#hiddenView.get();
  }

  /** Runs one write on a post, keeping focus on its card; says kindly why not, if not. */
  async #change(
    postId: string,
    write: () => Promise<StoredRecord<Post>>,
    done?: (post: Post) => void,
  ): Promise<boolean> {
    const focused = this.shadowRoot?.activeElement;
    // A date's row keeps focus when its button changes ("Sign up" → "Release").
    const date = focused?.closest('[data-date]')?.getAttribute('data-date');
    this.#busy.add(postId);
    this.#notices.delete(postId);
    this.requestUpdate();
    try {
      const record = await write();
      done?.(record.value);
      return true;
    } catch (error) {
      this.#say(postId, this.#explain(error), true);
      return false;
    } finally {
      this.#busy.delete(postId);
      this.requestUpdate();
      await this.updateComplete;
      // The button pressed waited (disabled) or became another ("I can help" → "Release my spot"):
      // focus stays on it, or on its date, or on the card.
      if (focused instanceof HTMLElement && !this.shadowRoot!.activeElement && !this.form && !this.ask) {
        const card = this.renderRoot.querySelector(`[data-id="${CSS.escape(postId)}"]`);
        (
          (focused.isConnected && focused) ||
          (date && card?.querySelector<HTMLElement>(`[data-date="${date}"] button`)) ||
          card?.querySelector<HTMLElement>('.actions button') ||
          card?.querySelector<HTMLElement>('h3')
        )?.focus();
      }
    }
  }

  async #claim(entry: PostEntry, slot: SlotKey | undefined, confirmed = false): Promise<void> {
    const now = this.#clock;
    if (!confirmed) {
      const { figures } = this.#figures(this.#boardPosts(), now);
      const nudge = figures.own.nudge;
      if (nudge) {
        void this.#openAsk(entry.id, {
          type: 'nudge',
          nudge,
          go: () => {
            this.ask = undefined;
            void this.#claim(entry, slot, true);
          },
        });
        return;
      }
    }
    const claimId = randomId();
    await this.#operate(
      entry.id,
      slot === undefined ? { type: 'claim', claimId } : { type: 'claim', claimId, slot },
      (post) => {
        const status = post.claims.find((c) => c.id === claimId)!.status;
        if (typeof slot === 'string')
          this.#say(entry.id, this.localize.t.signedUp(this.#format(slot, DAY_FORMAT)));
        else this.announcer.announce(this.localize.t.mineState(status));
        this.emit<OfferClaimedDetail>('tend-offer-claimed', {
          board: this.board,
          postId: entry.id,
          claimId,
          status,
        });
      },
    );
  }

  /** Opens a question about a post; if what opened it is gone when it closes, the post's heading takes focus. */
  async #openAsk(postId: string, ask: Ask): Promise<void> {
    this.#remember(`#${CSS.escape(`post-${postId}`)}`);
    if (!(await this.#dialogsHere(postId))) return;
    this.askError = undefined;
    this.ask = ask;
  }

  /**
   * Fetches the forms and questions if they are not here yet; says so plainly if they cannot be
   * (at the post the person was acting on, else under the board's heading).
   */
  async #dialogsHere(postId?: string): Promise<boolean> {
    try {
      await this.#dialogs.ready();
      this.dialogsError = undefined;
      // Taken off the page while the module came: nothing to open.
      return this.isConnected;
    } catch {
      const words = this.localize.t.dialogsUnavailable;
      if (postId) this.#say(postId, words, true);
      else this.dialogsError = words;
      this.announcer.announce(words);
      return false;
    }
  }

  async #openForm(kind: PostKind, editing?: PostEntry): Promise<void> {
    // A new post's kind closes "Offer or ask": focus goes back to it after the form.
    this.#remember(editing ? undefined : '.head .primary');
    this.choosing = false;
    if (!(await this.#dialogsHere(editing?.id))) return;
    const { PostForm, RotationForm, localInput } = this.#dialogs.current!;
    const update = (focus?: string) => {
      this.requestUpdate();
      if (focus) void this.focusAfterRender(focus);
    };
    const edit = editing && { id: editing.id, post: editing.value };
    this.formError = undefined;
    this.form =
      kind === 'rotation'
        ? new RotationForm(update, localInput(this.#clock.toISOString(), 10), edit)
        : new PostForm(update, kind, edit);
  }

  #act = (action: BoardAction): void => {
    const { entry } = action;
    const t = this.localize.t;
    const id = entry.id;
    const name = 'claim' in action ? (action.claim.personName ?? t.someone) : '';
    switch (action.type) {
      case 'claim':
        void this.#claim(entry, action.slot);
        return;
      case 'release':
        void this.#operate(id, { type: 'release', claimId: action.claim.id }, () => {
          this.#say(id, t.released);
          this.emit<OfferReleasedDetail>('tend-offer-released', {
            board: this.board,
            postId: id,
            claimId: action.claim.id,
          });
        });
        return;
      case 'accept':
        void this.#operate(id, { type: 'accept', claimId: action.claim.id }, () =>
          this.#say(id, t.saidYes(name)),
        );
        return;
      case 'decline':
        void this.#operate(id, { type: 'decline', claimId: action.claim.id }, () =>
          this.#say(id, t.saidNo(name)),
        );
        return;
      case 'done':
        void this.#operate(id, { type: 'done', claimId: action.claim.id }, (post) => {
          this.#say(id, t.mineState('done'));
          // Asked privately, and only of offers: the answer sizes the author's next one.
          if (post.kind === 'offer')
            void this.#openAsk(id, { type: 'again', answer: (again) => void this.#answerAgain(id, again) });
        });
        return;
      case 'thank':
        void this.#openAsk(id, {
          type: 'thanks',
          send: (words) =>
            void this.#operate(id, { type: 'thank', claimId: action.claim.id, words: words.trim() }).then(
              (ok) => {
                if (ok) {
                  this.ask = undefined;
                  this.#say(id, t.thanksSent);
                } else this.askError = this.#notices.get(id)?.text;
              },
            ),
        });
        return;
      case 'edit':
        void this.#openForm(entry.value.kind, entry);
        return;
      case 'withdraw':
        void this.#rewrite(
          id,
          (post) => withdrawPost(post, this.#clock),
          () => {
            this.#say(id, t.withdrawnDone);
            this.emit<OfferWithdrawnDetail>('tend-offer-withdrawn', { board: this.board, postId: id });
          },
        );
        return;
      case 'pause':
        // The card's state line says it too: said once, to screen readers.
        void this.#operate(id, { type: 'pause' }, () => this.announcer.announce(t.state('paused')));
        return;
      case 'resume':
        void this.#operate(id, { type: 'resume' }, () => this.announcer.announce(t.saved));
        return;
      case 'calendar':
        if (action.on) this.#calendars.add(id);
        else this.#calendars.delete(id);
        this.requestUpdate();
        return;
      case 'hide': {
        const hiddenView = this.#hiddenView.current;
        if (!hiddenView) return;
        void this.#openAsk(id, {
          type: 'hide',
          render: hiddenView.renderHideAsk,
          send: (reason) => {
            if (!reason) {
              this.askError = t.needReason;
              void this.focusAfterRender('#hide-reason');
              return;
            }
            void this.#moderate(id, { type: 'hide', reason }).then((ok) => {
              if (!ok) return void (this.askError = this.#notices.get(id)?.text);
              this.ask = undefined;
              this.#say(id, t.hiddenDone);
            });
          },
        });
        return;
      }
      case 'unhide':
        void this.#moderate(id, { type: 'unhide' }, () => this.#say(id, t.unhidden));
        return;
      case 'hide-reply':
        if (!action.text) return this.#say(id, t.needReply, true);
        void this.#moderate(id, { type: 'hide-reply', text: action.text }, () => {
          action.done();
          this.#say(id, t.replySent);
        });
    }
  };

  async #answerAgain(postId: string, again: boolean): Promise<void> {
    const personId = this.#viewer.id;
    try {
      await this.reflections.put(reflectionId(postId, personId), {
        postId,
        personId,
        again,
        at: this.#clock.toISOString(),
      });
      this.ask = undefined;
      this.announcer.announce(this.localize.t.saved);
    } catch (error) {
      this.askError = this.#explain(error);
    }
  }

  async #submit(form: PostForm | RotationForm): Promise<void> {
    const t = this.localize.t;
    this.saving = true;
    this.formError = undefined;
    try {
      const input = form.input();
      if (form.editing) {
        const id = form.editing;
        await this.posts.update(id, (current) => {
          if (!current) throw new OfferError('not-found', 'the post is gone');
          return editPost(current, input);
        });
        this.#say(id, t.saved);
      } else {
        const id = randomId();
        const post = createPost(this.board, input, this.#viewer, this.#clock);
        await this.posts.put(id, post, null);
        this.announcer.announce(t.posted);
        this.emit<OfferPostedDetail>('tend-offer-posted', { board: this.board, postId: id, kind: post.kind });
      }
      this.form = undefined;
    } catch (error) {
      // The draft stays in the open form; say plainly what happened.
      this.formError = this.#explain(error);
    } finally {
      this.saving = false;
    }
  }

  #closed(which: 'form' | 'ask'): void {
    if (which === 'form') this.form = undefined;
    else this.ask = undefined;
    const opener = this.#opener;
    const fallback = this.#fallback ?? '#board-heading';
    this.#opener = this.#fallback = undefined;
    void this.updateComplete.then(() => {
      if (this.form || this.ask) return;
      (opener?.isConnected ? opener : this.renderRoot.querySelector<HTMLElement>(fallback))?.focus();
    });
  }

  protected override updated(): void {
    // While the posts are on their way, make the formats the cards will use: the first Intl
    // object of a page loads the browser's locale data (tens of milliseconds), time better spent
    // waiting for storage than between the posts' arrival and the first cards.
    if (this.posts.loading && !this.#formatsMade) {
      this.#formatsMade = true;
      setTimeout(() => {
        if (!this.posts.loading) return;
        this.#format(this.#clock.toISOString(), TIME_FORMAT);
        num(this.localize.lang, 1);
      });
    }
    for (const [selector, open] of [
      ['#form-dialog', Boolean(this.form)],
      ['#ask-dialog', Boolean(this.ask)],
    ] as const) {
      const dialog = this.renderRoot.querySelector<HTMLDialogElement>(selector);
      if (!dialog) continue;
      if (open && !dialog.open) dialog.showModal();
      else if (!open && dialog.open) dialog.close();
    }
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const lang = this.localize.lang;
    const now = this.#clock;
    const viewer = this.#viewer;
    const categories = this.#categoryList;
    const entries = this.#boardPosts();
    const figures = this.#figuresSoon(entries, now);
    const loadFacts = loadFactsFor(now, viewer.id);
    const { list, ids } = this.#list(entries, now);
    const win = this.#window.window(ids);
    const moderator = isModerator(this.identity);
    this.#fetchHiddenView(entries, moderator);
    const view: BoardView = {
      t,
      lang,
      now,
      viewer,
      moderator,
      hidden: this.#hiddenView.current?.renderHidden,
      busy: this.#busy,
      notice: (id) => this.#notices.get(id),
      waited: (id) => {
        const record = this.posts.get(id);
        return record && loadFacts(record.value).waited;
      },
      calendar: (id) => this.#calendars.has(id),
      format: this.#format,
      act: this.#act,
    };
    const form = this.form;
    const formView = {
      t,
      lang,
      categories,
      error: this.formError,
      saving: this.saving,
      // A long board's figures come a frame after its first cards; the form is rendered again then.
      commitments: figures?.own.commitments ?? 0,
      regret: (figures?.regrets ?? 0) > 0,
      format: this.#format,
      submit: (f: PostForm | RotationForm) => void this.#submit(f),
      cancel: () => (this.form = undefined),
    };
    // Filters count (and show) only while there is something to filter.
    const on = entries.length ? activeFilters(this.filters) : 0;
    const count = on ? (list.length ? t.matches(list.length, lang) : t.noMatches) : '';
    const button = (kind: PostKind, label: string) =>
      html`<button type="button" @click=${() => void this.#openForm(kind)}>${label}</button>`;

    return html`<div class="board surface" part="base">
        <div class="head" part="header">
          <div class="stack">
            <h2 id="board-heading" tabindex="-1">${t.heading}</h2>
            <p class="muted">${t.intro}</p>
          </div>
          <div class="actions">
            ${
              entries.length
                ? html`<button
                    type="button"
                    class="filter-toggle"
                    aria-expanded=${this.filtersOpen ? 'true' : 'false'}
                    aria-controls="filters"
                    @click=${() => (this.filtersOpen = !this.filtersOpen)}
                  >
                    ${t.filter}${on ? html` <span class="badge">${t.filtersOn(on, lang)}</span>` : nothing}
                  </button>`
                : nothing
            }
            <button
              type="button"
              class="primary"
              aria-expanded=${this.choosing ? 'true' : 'false'}
              @click=${() => {
                this.choosing = !this.choosing;
                // About to post: fetch the form while the person chooses what kind.
                this.#dialogs.get();
              }}
            >
              ${t.offerOrAsk}
            </button>
          </div>
        </div>
        ${this.dialogsError ? html`<p class="message error" role="alert">${this.dialogsError}</p>` : nothing}
        ${
          this.choosing
            ? html`<div class="actions kinds">
                ${button('offer', t.newOffer)} ${button('need', t.newNeed)}
                ${button('rotation', t.newRotation)}
              </div>`
            : nothing
        }
        ${
          this.posts.loading
            ? html`<p role="status">${t.loading}</p>`
            : this.posts.readError
              ? html`<p class="message error" role="alert">${t.readError}</p>`
              : html`${
                    entries.length
                      ? renderFilters(
                          t,
                          this.filters,
                          categories,
                          (patch) => (this.filters = { ...this.filters, ...patch }),
                          this.filtersOpen,
                        )
                      : nothing
                  }
                  <p class="count" part="count" role="status">${count}</p>
                  ${
                    list.length
                      ? html`<ul
                          class="posts"
                          part="list"
                          aria-label=${t.postsLabel}
                          style="padding-block:${win.before}px ${win.after}px"
                        >
                          ${repeat(
                            list.slice(win.start, win.end),
                            (entry) => entry.id,
                            (entry, i) => renderCard(view, entry, win.start + i, list.length),
                          )}
                        </ul>`
                      : on
                        ? nothing
                        : html`<p class="empty">${t.empty}</p>`
                  }
                  ${renderHiddenCount(t, lang, view.moderator ? undefined : this.#hiddenCount.value)}
                  ${entries.length && figures ? renderLoad(t, lang, figures) : nothing}`
        }
        ${this.#storageNotice.render(this.posts.status, { saving: this.posts.pending > 0 })}
        ${this.announcer.render()}
      </div>
      <dialog
        id="form-dialog"
        part="dialog"
        aria-labelledby="dialog-heading"
        @close=${() => this.#closed('form')}
      >
        ${form ? keyed(form, form.render(formView)) : nothing}
      </dialog>
      <dialog id="ask-dialog" part="dialog" aria-labelledby="ask-heading" @close=${() => this.#closed('ask')}>
        ${
          this.ask
            ? keyed(
                this.ask,
                this.#dialogs.current!.renderAsk(
                  t,
                  lang,
                  this.ask,
                  () => (this.ask = undefined),
                  this.askError,
                ),
              )
            : nothing
        }
      </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tend-offer-board': TendOfferBoard;
  }
  interface HTMLElementEventMap {
    'tend-offer-posted': CustomEvent<OfferPostedDetail>;
    'tend-offer-claimed': CustomEvent<OfferClaimedDetail>;
    'tend-offer-released': CustomEvent<OfferReleasedDetail>;
    'tend-offer-withdrawn': CustomEvent<OfferWithdrawnDetail>;
  }
}
