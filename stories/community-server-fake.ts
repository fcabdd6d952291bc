/**
 * A community server in memory, for stories only: Storybook has no tend-server, and a story must
 * look the same every time. Each person gets an adapter that answers as tend-server does for
 * them (docs/moderation.md), with the same domain rules: concerns raised, followed with their
 * key, answered and moved through their states; a moderator's view of everything; hidden posts
 * seen only by their author and moderators; the audit log for moderators; the board's count of
 * hidden posts. Every step happens at the community's clock, which a story sets.
 *
 * The browser tests run against the real tend-server instead (test/elements/).
 */
import {
  CONCERNS_COLLECTION,
  ConcernError,
  MODERATION_AGGREGATE,
  MODERATION_LOG_COLLECTION,
  applyConcernOperation,
  moderationLogId,
  parseConcernOperation,
  raiseConcern,
  raiserView,
  type Concern,
  type ConcernOperation,
  type ModerationLogEntry,
} from '../src/domain/concerns.js';
import { canSeePost, OfferError, visiblePost, type Post } from '../src/domain/offers.js';
import {
  applyHideOperation,
  applyPostOperation,
  isHideOperation,
  parseHideOperation,
  parsePostOperation,
} from '../src/domain/post-operations.js';
import type {
  AdapterStatus,
  AggregateListener,
  ChangeListener,
  RecordOperation,
  StoredRecord,
} from '../src/storage/adapter.js';
import { MemoryAdapter, MemoryStore, StorageError, type StorageErrorCode } from '../src/storage/index.js';

export interface FakePerson {
  id: string;
  name: string;
  moderator?: boolean;
}

/** A token as a site would sign it, unsigned: only the elements read it (for `role`). */
export function tokenOf(person: FakePerson): string {
  const part = (value: object) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'none' })}.${part({ sub: person.id, name: person.name, ...(person.moderator ? { role: 'moderator' } : {}) })}.story`;
}

const STATUS: Record<string, StorageErrorCode> = {
  invalid: 'invalid',
  'not-found': 'not-found',
  'moderators-only': 'forbidden',
  'raiser-only': 'forbidden',
  'not-yours': 'forbidden',
};

/** A rule's refusal as HttpAdapter gives it: a StorageError carrying the rule's code. */
function refusal(code: string, message: string): StorageError {
  const error = new StorageError(STATUS[code] ?? 'conflict', message);
  error.rule = code;
  return error;
}

/** One community: its records, the keys of anonymous concerns, its clock. */
export class FakeCommunity {
  readonly store = new MemoryStore();
  readonly name: string;
  /** The time every step happens at; a story moves it while seeding. */
  clock: Date;
  readonly #keys = new Map<string, string>();
  #logCount = 0;
  readonly #aggregates = new Set<() => void>();

  constructor(name: string, clock: Date) {
    this.name = name;
    this.clock = clock;
  }

  /** `person`'s adapter on this community. */
  as(person: FakePerson): FakeServerAdapter {
    return new FakeServerAdapter(this, person);
  }

  /** @internal The stored record, as the server holds it. */
  raw<T>(collection: string, id: string): Promise<StoredRecord<T> | undefined> {
    return new MemoryAdapter({ store: this.store, community: this.name }).get<T>(collection, id);
  }

  /** @internal Writes a record as the server does, with `author` as its creator. */
  async write<T>(collection: string, id: string, value: T, author: string): Promise<StoredRecord<T>> {
    const adapter = new MemoryAdapter({ store: this.store, community: this.name, author });
    const held = await adapter.get(collection, id);
    const record = await adapter.put(collection, id, value, { expectedRev: held?.rev ?? null });
    if (collection === 'posts') for (const notify of this.#aggregates) notify();
    return record;
  }

  /** @internal One step in the audit log. */
  async log(step: Omit<ModerationLogEntry, 'at'>): Promise<void> {
    const at = this.clock;
    const id = moderationLogId(at, (++this.#logCount).toString(16).padStart(8, '0'));
    await this.write(MODERATION_LOG_COLLECTION, id, { at: at.toISOString(), ...step }, 'tend-server');
  }

  /** @internal */
  keyOf(id: string): string | undefined {
    return this.#keys.get(id);
  }

  /** @internal */
  keep(id: string, key: string): void {
    this.#keys.set(id, key);
  }

  /** @internal */
  watch(notify: () => void): () => void {
    this.#aggregates.add(notify);
    return () => this.#aggregates.delete(notify);
  }
}

/** What one person's browser gets from the fake server. */
export class FakeServerAdapter extends MemoryAdapter {
  readonly #community: FakeCommunity;
  readonly #person: FakePerson;

  constructor(community: FakeCommunity, person: FakePerson) {
    super({ store: community.store, community: community.name, author: person.id });
    this.#community = community;
    this.#person = person;
  }

  override get status(): AdapterStatus {
    return { ...super.status, location: 'server', persistent: true, shared: true };
  }

  /** What this person may see of a record (undefined: it does not exist for them). */
  #view<T>(collection: string, record: StoredRecord<T>): StoredRecord<T> | undefined {
    const me = this.#person;
    if (collection === CONCERNS_COLLECTION) {
      if (me.moderator) return record;
      const concern = record.value as Concern;
      if (concern.visibility !== 'moderators' || concern.raiserId !== me.id) return undefined;
      return { ...record, value: raiserView(concern) as T };
    }
    if (collection === MODERATION_LOG_COLLECTION) return me.moderator ? record : undefined;
    if (collection === 'posts') {
      const actor = { id: me.id, moderator: me.moderator };
      const post = record.value as Post;
      return canSeePost(post, actor) ? { ...record, value: visiblePost(post, actor) as T } : undefined;
    }
    return record;
  }

  override async get<T = unknown>(collection: string, id: string): Promise<StoredRecord<T> | undefined> {
    const record = await super.get<T>(collection, id);
    return record && this.#view(collection, record);
  }

  override async list<T = unknown>(collection: string): Promise<StoredRecord<T>[]> {
    return (await super.list<T>(collection)).flatMap((record) => this.#view(collection, record) ?? []);
  }

  override subscribe<T = unknown>(collection: string, listener: ChangeListener<T>): () => void {
    return super.subscribe<T>(collection, (change) => {
      if (change.type === 'remove' || !change.record) return listener(change);
      const shown = this.#view(collection, change.record);
      if (shown) listener({ ...change, record: shown });
      // A post hidden from this person goes as if deleted; concerns and the log say nothing.
      else if (collection === 'posts') listener({ type: 'remove', collection, id: change.id });
    });
  }

  async operate<T = unknown>(
    collection: string,
    id: string,
    operation: RecordOperation,
  ): Promise<StoredRecord<T>> {
    try {
      if (collection === CONCERNS_COLLECTION) return (await this.#concern(id, operation)) as StoredRecord<T>;
      if (collection === 'posts') return (await this.#post(id, operation)) as StoredRecord<T>;
    } catch (error) {
      if (error instanceof ConcernError || error instanceof OfferError)
        throw refusal(error.code, error.message);
      throw error;
    }
    throw refusal('invalid', `"${collection}" takes no operations here`);
  }

  async #concern(id: string, operation: RecordOperation): Promise<StoredRecord<Concern>> {
    const community = this.#community;
    const me = this.#person;
    const op: ConcernOperation = parseConcernOperation(operation);
    const key = 'key' in op ? op.key : undefined;
    const now = community.clock;
    if (op.type === 'raise') {
      if (await community.raw(CONCERNS_COLLECTION, id)) throw refusal('conflict', `"${id}" exists`);
      const concern = raiseConcern(op, key ? undefined : { id: me.id, name: me.name }, now);
      if (key) community.keep(id, key);
      const record = await community.write(CONCERNS_COLLECTION, id, concern, key ? 'anonymous' : me.id);
      await community.log({
        action: 'raise',
        by: 'raiser',
        ...(key ? {} : { personId: me.id, personName: me.name }),
        target: 'concerns',
        targetId: id,
        state: 'open',
      });
      return { ...record, value: raiserView(record.value) };
    }
    const stored = await community.raw<Concern>(CONCERNS_COLLECTION, id);
    const concern = stored?.value;
    const raiser = key
      ? concern?.visibility === 'anonymous' && community.keyOf(id) === key
      : concern?.visibility === 'moderators' && concern.raiserId === me.id;
    const moderator = !key && me.moderator ? { id: me.id, name: me.name } : undefined;
    if (!stored || !concern || (!raiser && !moderator))
      throw new ConcernError('not-found', `"${id}" does not exist`);
    if (op.type === 'follow') {
      if (!raiser) throw new ConcernError('raiser-only', 'only the raiser follows a concern');
      return { ...stored, value: raiserView(concern) };
    }
    const next = applyConcernOperation(concern, op, { raiser, moderator }, now);
    const record = await community.write(CONCERNS_COLLECTION, id, next, stored.author);
    await community.log({
      action: op.type,
      by: moderator ? 'moderator' : 'raiser',
      ...(moderator
        ? { personId: me.id, personName: me.name }
        : key
          ? {}
          : { personId: me.id, personName: me.name }),
      target: 'concerns',
      targetId: id,
      state: next.state,
    });
    return moderator ? record : { ...record, value: raiserView(record.value) };
  }

  async #post(id: string, operation: RecordOperation): Promise<StoredRecord<Post>> {
    const community = this.#community;
    const me = this.#person;
    const actor = { id: me.id, name: me.name, moderator: me.moderator };
    const stored = await community.raw<Post>('posts', id);
    if (!stored || !canSeePost(stored.value, actor)) throw new OfferError('not-found', 'the post is gone');
    if (isHideOperation(operation)) {
      const op = parseHideOperation(operation);
      const next = applyHideOperation(stored.value, op, actor, community.clock);
      const record = await community.write('posts', id, next, stored.author);
      await community.log({
        action: op.type,
        by: op.type === 'hide-reply' && me.id === stored.value.authorId ? 'author' : 'moderator',
        personId: me.id,
        personName: me.name,
        target: 'posts',
        targetId: id,
        ...(op.type === 'hide' ? { reason: op.reason } : {}),
      });
      return { ...record, value: visiblePost(record.value, actor) };
    }
    const next = applyPostOperation(stored.value, parsePostOperation(operation), actor, community.clock);
    const record = await community.write('posts', id, next, stored.author);
    return { ...record, value: visiblePost(record.value, actor) };
  }

  watchAggregate<T = unknown>(
    name: string,
    params: Readonly<Record<string, string>>,
    listener: AggregateListener<T>,
  ): () => void {
    if (name !== MODERATION_AGGREGATE) return () => undefined;
    const board = params['board'] ?? '';
    const read = async () => {
      const posts = await new MemoryAdapter({
        store: this.#community.store,
        community: this.#community.name,
      }).list<Post>('posts');
      const hiddenPosts = posts.filter((r) => r.value.board === board && r.value.hidden).length;
      listener({ board, hiddenPosts } as T);
    };
    void read();
    return this.#community.watch(() => void read());
  }
}
