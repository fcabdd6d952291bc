/**
 * The storage contract against a tend-server: records over its HTTP API, live changes over one
 * Server-Sent Events stream per adapter (resumed with Last-Event-ID after a drop), and an outbox
 * for writes made while the server cannot be reached.
 *
 * Offline writes resolve at once with a provisional record (`rev` = the expected one + 1, as
 * the server will make it), are shown to this page's subscribers, wait in IndexedDB (surviving
 * a reload) and are sent in order, exactly once, when the server is back; `status.pending`
 * counts them ("waiting to sync (2)"). A waiting write the server then refuses (someone changed
 * the record first, or it is not allowed) is dropped with the writes queued after it on the same
 * record; `status.problem` says so, and subscribers get the server's version back.
 */
import type {
  AdapterOptions,
  AdapterStatus,
  AggregateListener,
  ChangeListener,
  OperateOptions,
  RecordOperation,
  RecordChange,
  StatusListener,
  StorageAdapter,
  StoredRecord,
  WriteOptions,
} from './adapter.js';
import {
  ConflictError,
  NotSyncedError,
  InvalidValueError,
  NotFoundError,
  QuotaError,
  StorageError,
  WriteFailedError,
} from './errors.js';
import { ChangeListeners, StatusHolder, checkName, checkValue } from './adapter-support.js';
import { openOutbox, type Outbox, type OutboxEntry } from './outbox.js';
import { randomId } from '../domain/record-ids.js';

export interface HttpAdapterOptions extends AdapterOptions {
  /** The tend-server's base URL, e.g. `https://care.example.org`. Empty: this page's origin. */
  endpoint: string;
  /** The token the site signed for this person, or a function giving the current one. */
  token?: string | undefined | (() => string | undefined | Promise<string | undefined>);
  /** The IndexedDB database of the outbox. Default `tend-outbox`; `false` keeps it in memory. */
  outbox?: string | false;
  /** Waits between reconnects and resends, growing from `minMs` to `maxMs`. Default 1 s to 30 s. */
  retry?: { minMs: number; maxMs: number };
}

type Json = Record<string, unknown>;
const WAIT_FOR_STREAM_MS = 2000;

/** The server could not be reached (network down, server stopped, or a gateway said so). */
class Unreachable extends Error {}

/** Turns an error answer into the contract's typed error. */
function httpError(status: number, body: Json | undefined, what: string): StorageError {
  const error = (body?.['error'] ?? {}) as { code?: string; message?: string; currentRev?: number };
  const message = `${what}: ${error.message ?? `the server answered ${status}`}`;
  if (status === 409) return new ConflictError(message, error.currentRev);
  if (status === 404) return new NotFoundError(message);
  if (status === 413) return new QuotaError(message);
  if (status === 400) return new InvalidValueError(message);
  if (status === 401) return new StorageError('unauthorized', message);
  if (status === 403) return new StorageError('forbidden', message);
  if (status === 429) return new StorageError('rate-limited', message);
  return new WriteFailedError(message);
}

const RULE_STATUSES = new Set([400, 403, 404, 409, 422]);

/** The typed error of an error answer, with the server's own code kept as its `rule`. */
function answerError(status: number, body: Json | undefined, what: string): StorageError {
  const typed = httpError(status, body, what);
  const code = (body?.['error'] as { code?: unknown } | undefined)?.code;
  // Only refusals by a rule carry one; an overloaded or failing server stays a storage problem.
  if (typeof code === 'string' && code !== typed.code && RULE_STATUSES.has(status)) typed.rule = code;
  return typed;
}

/** The key of one watched aggregate: its name and parameters, in a stable order. */
const aggregateKey = (name: string, params: Readonly<Record<string, string>>): string =>
  `${name}?${new URLSearchParams(Object.entries(params).sort(([a], [b]) => (a < b ? -1 : 1))).toString()}`;

interface WatchedAggregate {
  name: string;
  params: Readonly<Record<string, string>>;
  listeners: Set<AggregateListener>;
  /** The newest value read, for listeners that join later. */
  value?: unknown;
  /** Bumped by each read, so an older answer never overwrites a newer one. */
  generation: number;
}

/**
 * Records on a tend-server. `<tend-provider storage="http" endpoint="…" token="…">` makes one.
 */
export class HttpAdapter implements StorageAdapter {
  readonly community: string;
  readonly author: string;
  readonly #base: string;
  readonly #token: HttpAdapterOptions['token'];
  readonly #retry: { minMs: number; maxMs: number };
  readonly #scope: string;
  readonly #outbox: Promise<Outbox>;
  readonly #listeners = new ChangeListeners();
  /** The server's records as last seen, by collection (lists, gets, events): offline reads come from here. */
  readonly #known = new Map<string, Map<string, StoredRecord>>();
  readonly #status = new StatusHolder({ location: 'server', persistent: true, shared: true, pending: 0 });
  /** Writes waiting, oldest first (a copy of this adapter's part of the outbox). */
  #waiting: OutboxEntry[] = [];
  /** Figures the server computes that someone on this page watches, by {@link aggregateKey}. */
  readonly #aggregates = new Map<string, WatchedAggregate>();
  #closed = false;
  #online = true;
  // The event stream.
  #stream: AbortController | undefined;
  #lastEventId: string | undefined;
  #streamOpen = false;
  #streamFailed = false;
  #streamWaiters: (() => void)[] = [];
  #streamTimer: ReturnType<typeof setTimeout> | undefined;
  #streamDelay: number;
  // The outbox.
  #draining: Promise<void> | undefined;
  #drainTimer: ReturnType<typeof setTimeout> | undefined;
  #drainDelay: number;
  readonly #onOnline = () => this.#reconnectNow();

  constructor(options: HttpAdapterOptions) {
    this.community = options.community ?? 'default';
    this.author = options.author ?? 'anonymous';
    checkName('community', this.community);
    this.#base = (options.endpoint ?? '').replace(/\/+$/, '');
    this.#token = options.token;
    this.#retry = options.retry ?? { minMs: 1000, maxMs: 30_000 };
    this.#streamDelay = this.#drainDelay = this.#retry.minMs;
    this.#scope = `${this.#base}\n${this.community}\n${this.author}`;
    this.#outbox = openOutbox(options.outbox ?? 'tend-outbox').then(async (outbox) => {
      this.#waiting = await outbox.list(this.#scope);
      this.#status.set({ pending: this.#waiting.length });
      return outbox;
    });
    globalThis.addEventListener?.('online', this.#onOnline);
    this.#openStream();
    void this.#outbox.then(() => this.#drainSoon(0));
  }

  get status(): AdapterStatus {
    return this.#status.current;
  }

  /** Resolves once the outbox is open and the event stream has connected (or failed to). */
  async ready(): Promise<AdapterStatus> {
    await this.#outbox;
    await this.#waitForStream(Infinity);
    return this.#status.current;
  }

  async get<T = unknown>(collection: string, id: string): Promise<StoredRecord<T> | undefined> {
    checkName('collection', collection);
    checkName('id', id);
    await this.#outbox;
    await this.#waitForStream(WAIT_FOR_STREAM_MS);
    let record: StoredRecord | undefined;
    try {
      // `…/events` is the collection's event stream, not a record: find that one in the list.
      if (id === 'events') record = (await this.#fetchList(collection)).find((r) => r.id === id);
      else {
        const { status, body } = await this.#request(
          'GET',
          this.#path(collection, id),
          'Reading failed',
          [404],
        );
        record = status === 404 ? undefined : (body as unknown as StoredRecord);
        this.#remember(collection, id, record);
      }
    } catch (error) {
      if (!(error instanceof Unreachable)) throw error;
      const known = this.#known.get(collection);
      if (!known && !this.#waiting.some((e) => e.collection === collection && e.id === id))
        throw this.#offlineError();
      record = known?.get(id);
    }
    return this.#overlay(collection, record ? [record] : [], id)[0] as StoredRecord<T> | undefined;
  }

  async list<T = unknown>(collection: string): Promise<StoredRecord<T>[]> {
    checkName('collection', collection);
    await this.#outbox;
    // Changes after the list are then sure to arrive on the stream.
    await this.#waitForStream(WAIT_FOR_STREAM_MS);
    let records: StoredRecord[];
    try {
      records = await this.#fetchList(collection);
    } catch (error) {
      if (!(error instanceof Unreachable)) throw error;
      const known = this.#known.get(collection);
      if (!known && !this.#waiting.some((e) => e.collection === collection)) throw this.#offlineError();
      records = [...(known?.values() ?? [])];
    }
    return this.#overlay(collection, records) as StoredRecord<T>[];
  }

  async put<T = unknown>(
    collection: string,
    id: string,
    value: T,
    options: WriteOptions = {},
  ): Promise<StoredRecord<T>> {
    checkName('collection', collection);
    checkName('id', id);
    checkValue(value, JSON.stringify);
    const entry: OutboxEntry = {
      scope: this.#scope,
      collection,
      id,
      op: 'put',
      value,
      expectedRev: options.expectedRev ?? null,
      key: randomId(),
      at: new Date().toISOString(),
    };
    return (await this.#write(entry)) as StoredRecord<T>;
  }

  async remove(collection: string, id: string, options: WriteOptions = {}): Promise<void> {
    checkName('collection', collection);
    checkName('id', id);
    await this.#write({
      scope: this.#scope,
      collection,
      id,
      op: 'remove',
      expectedRev: options.expectedRev ?? null,
      key: randomId(),
      at: new Date().toISOString(),
    });
  }

  /**
   * Sends a named operation (`POST …/:collection/:id/ops`); the server applies it to the current
   * record with its rules. Offline, it waits in the outbox like any write, shown meanwhile with
   * `options.provisional` as its value when given.
   */
  async operate<T = unknown>(
    collection: string,
    id: string,
    operation: RecordOperation,
    options: OperateOptions = {},
  ): Promise<StoredRecord<T>> {
    checkName('collection', collection);
    checkName('id', id);
    if (typeof operation?.type !== 'string' || !operation.type)
      throw new InvalidValueError('an operation needs a type, e.g. { type: "claim" }');
    checkValue(operation, JSON.stringify);
    const record = await this.#write({
      scope: this.#scope,
      collection,
      id,
      op: 'operate',
      operation,
      value: options.provisional,
      expectedRev: options.expectedRev ?? null,
      key: randomId(),
      at: new Date().toISOString(),
    });
    return record as StoredRecord<T>;
  }

  /**
   * Watches a figure the server computes (`GET /v1/:community/aggregates/:name?…`), read again
   * whenever the event stream says it changed (and after every reconnect).
   */
  watchAggregate<T = unknown>(
    name: string,
    params: Readonly<Record<string, string>>,
    listener: AggregateListener<T>,
  ): () => void {
    checkName('aggregate', name);
    const key = aggregateKey(name, params);
    let watched = this.#aggregates.get(key);
    if (!watched) {
      watched = { name, params: { ...params }, listeners: new Set(), generation: 0 };
      this.#aggregates.set(key, watched);
      void this.#readAggregate(watched);
    } else if ('value' in watched) listener(watched.value as T);
    watched.listeners.add(listener as AggregateListener);
    const held = watched;
    return () => {
      held.listeners.delete(listener as AggregateListener);
      if (!held.listeners.size && this.#aggregates.get(key) === held) this.#aggregates.delete(key);
    };
  }

  async #readAggregate(watched: WatchedAggregate): Promise<void> {
    const generation = ++watched.generation;
    const query = new URLSearchParams(watched.params as Record<string, string>).toString();
    let value: unknown;
    let error: StorageError | undefined;
    try {
      const { body } = await this.#request(
        'GET',
        `/v1/${this.community}/aggregates/${watched.name}${query ? `?${query}` : ''}`,
        'Reading failed',
      );
      value = body;
    } catch (failure) {
      error = failure instanceof Unreachable ? this.#offlineError() : (failure as StorageError);
    }
    if (this.#closed || generation !== watched.generation) return;
    if (!error) watched.value = value;
    for (const listener of [...watched.listeners]) listener(error ? watched.value : value, error);
  }

  subscribe<T = unknown>(collection: string, listener: ChangeListener<T>): () => void {
    return this.#listeners.add(collection, listener);
  }

  subscribeStatus(listener: StatusListener): () => void {
    return this.#status.subscribe(listener);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    globalThis.removeEventListener?.('online', this.#onOnline);
    this.#stream?.abort();
    clearTimeout(this.#streamTimer);
    clearTimeout(this.#drainTimer);
    this.#listeners.clear();
    this.#aggregates.clear();
    this.#status.clear();
    for (const wake of this.#streamWaiters.splice(0)) wake();
    void this.#outbox.then((outbox) => outbox.close());
  }

  // --- Requests --------------------------------------------------------------------------------

  #path(collection: string, id?: string): string {
    return `/v1/${this.community}/${collection}${id === undefined ? '' : `/${id}`}`;
  }

  async #headers(extra: Record<string, string> = {}): Promise<Record<string, string>> {
    const token = typeof this.#token === 'function' ? await this.#token() : this.#token;
    return token ? { ...extra, authorization: `Bearer ${token}` } : extra;
  }

  /** One request; an error answer (other than those in `ok`) throws a typed error, no answer throws `Unreachable`. */
  async #request(
    method: string,
    path: string,
    what: string,
    ok: number[] = [],
    init: { body?: string; headers?: Record<string, string> } = {},
  ): Promise<{ status: number; body: Json | undefined }> {
    let response: Response;
    try {
      response = await fetch(this.#base + path, {
        method,
        headers: await this.#headers(init.headers),
        body: init.body,
        cache: 'no-store',
      });
    } catch (error) {
      this.#wentOffline();
      throw new Unreachable(String(error));
    }
    if (response.status === 502 || response.status === 503 || response.status === 504) {
      this.#wentOffline();
      throw new Unreachable(`the server answered ${response.status}`);
    }
    const text = await response.text();
    let body: Json | undefined;
    try {
      body = text ? (JSON.parse(text) as Json) : undefined;
    } catch {
      body = undefined;
    }
    if (response.ok || ok.includes(response.status)) return { status: response.status, body };
    throw answerError(response.status, body, what);
  }

  async #fetchList(collection: string): Promise<StoredRecord[]> {
    const { body } = await this.#request('GET', this.#path(collection), 'Reading failed');
    const items = (body?.['items'] ?? []) as StoredRecord[];
    this.#known.set(collection, new Map(items.map((r) => [r.id, r])));
    return items;
  }

  #remember(collection: string, id: string, record: StoredRecord | undefined): void {
    const known = this.#known.get(collection);
    if (!known) return;
    if (record) known.set(id, record);
    else known.delete(id);
  }

  /** Sends one write; resolves to the stored record (undefined after a remove). */
  async #send(entry: OutboxEntry): Promise<StoredRecord | undefined> {
    const headers: Record<string, string> = { 'idempotency-key': entry.key };
    if (entry.expectedRev !== null && entry.expectedRev !== undefined)
      headers['if-match'] = String(entry.expectedRev);
    const path = this.#path(entry.collection, entry.id);
    if (entry.op === 'operate') {
      headers['content-type'] = 'application/json';
      const { body } = await this.#request('POST', `${path}/ops`, 'Saving failed', [], {
        headers,
        body: JSON.stringify(entry.operation),
      });
      const record = body as unknown as StoredRecord;
      this.#remember(entry.collection, entry.id, record);
      return record;
    }
    if (entry.op === 'remove') {
      await this.#request('DELETE', path, 'Removing failed', [], { headers });
      this.#remember(entry.collection, entry.id, undefined);
      return undefined;
    }
    headers['content-type'] = 'application/json';
    const { body } = await this.#request('PUT', path, 'Saving failed', [], {
      headers,
      body: JSON.stringify({ value: entry.value }),
    });
    const record = body as unknown as StoredRecord;
    this.#remember(entry.collection, entry.id, record);
    return record;
  }

  /** A write: sent now when nothing waits, else (or when the server is out of reach) queued. */
  async #write(entry: OutboxEntry): Promise<StoredRecord | undefined> {
    const outbox = await this.#outbox;
    if (this.#online && !this.#waiting.length) {
      try {
        const record = await this.#send(entry);
        if (this.#status.current.problem) this.#status.set({ problem: undefined });
        return record;
      } catch (error) {
        if (!(error instanceof Unreachable)) {
          const typed = error as StorageError;
          // A rule's refusal (the server named its rule) is the caller's to explain, not a storage problem.
          if (typed.rule === undefined && !['conflict', 'not-found', 'invalid'].includes(typed.code))
            this.#status.set({ problem: typed });
          throw typed;
        }
        // Sent but unanswered, or not sent: queued with the same key, so it is applied once.
      }
    }
    entry.seq = await outbox.add(entry);
    this.#waiting.push(entry);
    this.#status.set({ pending: this.#waiting.length });
    this.#drainSoon(this.#online ? 0 : this.#drainDelay);
    const provisional = this.#provisional(entry);
    if (entry.op !== 'operate' || provisional)
      this.#emit({
        type: entry.op === 'remove' ? 'remove' : 'put',
        collection: entry.collection,
        id: entry.id,
        record: provisional,
      });
    if (entry.op === 'operate' && !provisional)
      throw new StorageError(
        'offline',
        'The server cannot be reached right now: this will be sent when it is back',
      );
    return provisional;
  }

  /** How a waiting write shows on this page until the server answers (undefined: a removal, or an operation with no expected value). */
  #provisional(entry: OutboxEntry, known?: StoredRecord): StoredRecord | undefined {
    if (entry.op === 'remove') return undefined;
    if (entry.op === 'put')
      return {
        id: entry.id,
        rev: (entry.expectedRev ?? 0) + 1,
        value: entry.value,
        author: this.author,
        updatedAt: entry.at,
      };
    if (entry.value === undefined) return undefined;
    const base = known ?? this.#known.get(entry.collection)?.get(entry.id);
    return {
      id: entry.id,
      rev: (base?.rev ?? entry.expectedRev ?? 0) + 1,
      value: entry.value,
      author: base?.author ?? this.author,
      updatedAt: entry.at,
    };
  }

  /** The records as this page should see them: the server's, with the waiting writes applied in order. */
  #overlay(collection: string, records: StoredRecord[], only?: string): StoredRecord[] {
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const entry of this.#waiting) {
      if (entry.collection !== collection || (only !== undefined && entry.id !== only)) continue;
      if (entry.op === 'remove') byId.delete(entry.id);
      else {
        const shown = this.#provisional(entry, byId.get(entry.id));
        if (shown) byId.set(entry.id, shown);
      }
    }
    return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  #offlineError(): StorageError {
    return new StorageError(
      'offline',
      'The server cannot be reached right now, and nothing of this is kept here yet',
    );
  }

  // --- The outbox ------------------------------------------------------------------------------

  #drainSoon(delay: number): void {
    if (this.#closed || this.#drainTimer) return;
    this.#drainTimer = setTimeout(() => {
      this.#drainTimer = undefined;
      void this.#drain();
    }, delay);
  }

  /** Sends the waiting writes in order; one tab at a time (Web Locks), so none is sent twice at once. */
  #drain(): Promise<void> {
    if (this.#draining || this.#closed) return this.#draining ?? Promise.resolve();
    const run = async () => {
      const locks = (globalThis.navigator as Navigator | undefined)?.locks;
      const body = () => this.#drainLocked();
      if (locks) await locks.request(`tend-outbox:${this.#scope}`, body);
      else await body();
    };
    this.#draining = run().finally(() => (this.#draining = undefined));
    return this.#draining;
  }

  async #drainLocked(): Promise<void> {
    const outbox = await this.#outbox;
    for (;;) {
      if (this.#closed) return;
      // Another tab may have sent some meanwhile: the database is the truth.
      this.#waiting = await outbox.list(this.#scope);
      this.#status.set({ pending: this.#waiting.length });
      const entry = this.#waiting[0];
      if (!entry) {
        this.#drainDelay = this.#retry.minMs;
        return;
      }
      try {
        await this.#send(entry);
      } catch (error) {
        if (error instanceof Unreachable) {
          this.#drainSoon(this.#drainDelay);
          this.#drainDelay = Math.min(this.#retry.maxMs, this.#drainDelay * 2);
          return;
        }
        const typed = error as StorageError;
        if (typed.code === 'unauthorized' || typed.code === 'rate-limited' || typed.code === 'write-failed') {
          // Not this write's fault: keep it and try again later (a new token, a calmer moment).
          this.#status.set({ problem: typed });
          this.#drainSoon(this.#drainDelay);
          this.#drainDelay = Math.min(this.#retry.maxMs, this.#drainDelay * 2);
          return;
        }
        await this.#refused(outbox, entry, typed);
        continue;
      }
      await outbox.remove(entry.seq!);
      if (this.#status.current.problem?.code === 'offline') this.#status.set({ problem: undefined });
    }
  }

  /** The server refused a waiting write: drop it and what was queued on top of it, and show the server's version. */
  async #refused(outbox: Outbox, entry: OutboxEntry, error: StorageError): Promise<void> {
    for (const later of this.#waiting)
      if (later.collection === entry.collection && later.id === entry.id) await outbox.remove(later.seq!);
    this.#waiting = await outbox.list(this.#scope);
    this.#status.set({
      pending: this.#waiting.length,
      problem: new NotSyncedError(
        `A change made while offline (${entry.collection}/${entry.id}) could not be saved: ${error.message}`,
        error.code,
        entry,
      ),
    });
    try {
      const { status, body } = await this.#request(
        'GET',
        this.#path(entry.collection, entry.id),
        'Reading failed',
        [404],
      );
      const record = status === 404 ? undefined : (body as unknown as StoredRecord);
      this.#remember(entry.collection, entry.id, record);
      this.#emit({ type: record ? 'put' : 'remove', collection: entry.collection, id: entry.id, record });
    } catch {
      // The stream or the next list brings it.
    }
  }

  // --- The event stream ------------------------------------------------------------------------

  /** Waits until the stream is open (or has failed), at most `ms`. */
  #waitForStream(ms: number): Promise<void> {
    if (this.#streamOpen || this.#streamFailed || this.#closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = ms === Infinity ? undefined : setTimeout(resolve, ms);
      this.#streamWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  #streamSettled(open: boolean): void {
    this.#streamOpen = open;
    this.#streamFailed = !open;
    for (const wake of this.#streamWaiters.splice(0)) wake();
  }

  #wentOffline(): void {
    if (!this.#online) return;
    this.#online = false;
    this.#status.set({
      problem: new StorageError(
        'offline',
        'The server cannot be reached; changes wait on this device and are sent when it is back',
      ),
    });
  }

  #reconnectNow(): void {
    if (this.#closed || this.#streamOpen) return;
    clearTimeout(this.#streamTimer);
    this.#streamTimer = undefined;
    this.#streamDelay = this.#retry.minMs;
    this.#openStream();
  }

  #openStream(): void {
    if (this.#closed) return;
    const controller = new AbortController();
    this.#stream = controller;
    void this.#readStream(controller).then(
      (status) => this.#streamEnded(controller, status),
      () => this.#streamEnded(controller, 0),
    );
  }

  /** Reads the stream until it ends; resolves to the HTTP status (0: no answer). */
  async #readStream(controller: AbortController): Promise<number> {
    const headers = await this.#headers({ accept: 'text/event-stream' });
    if (this.#lastEventId) headers['last-event-id'] = this.#lastEventId;
    const response = await fetch(`${this.#base}/v1/${this.community}/events`, {
      headers,
      cache: 'no-store',
      signal: controller.signal,
    });
    if (!response.ok || !response.body) return response.status;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let event = { type: '', id: undefined as string | undefined, data: [] as string[] };
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return response.status;
      buffer += value;
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line === '') {
          if (event.data.length) this.#onEvent(event.type || 'message', event.id, event.data.join('\n'));
          event = { type: '', id: undefined, data: [] };
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') event.data.push(text);
          else if (field === 'event') event.type = text;
          else if (field === 'id') event.id = text;
        }
      }
    }
  }

  #streamEnded(controller: AbortController, status: number): void {
    if (this.#closed || this.#stream !== controller) return;
    this.#streamSettled(false);
    if (status === 401 || status === 403) {
      this.#status.set({ problem: httpError(status, undefined, 'Live updates stopped') });
      return;
    }
    if (status === 0 || status >= 500) this.#wentOffline();
    this.#streamTimer = setTimeout(() => this.#openStream(), this.#streamDelay);
    this.#streamDelay = Math.min(this.#retry.maxMs, this.#streamDelay * 2);
  }

  #onEvent(type: string, id: string | undefined, data: string): void {
    if (id !== undefined) this.#lastEventId = id;
    if (type === 'ready') {
      this.#streamSettled(true);
      this.#streamDelay = this.#retry.minMs;
      if (!this.#online) {
        this.#online = true;
        if (this.#status.current.problem?.code === 'offline') this.#status.set({ problem: undefined });
      }
      this.#drainDelay = this.#retry.minMs;
      this.#drainSoon(0);
      // Figures may have changed while the stream was down.
      for (const watched of this.#aggregates.values()) void this.#readAggregate(watched);
    } else if (type === 'reset') {
      void this.#resync();
    } else if (type === 'aggregate') {
      // A figure changed: read the watched ones of that name again (the event names no value).
      let name: unknown;
      try {
        name = (JSON.parse(data) as { name?: unknown }).name;
      } catch {
        return;
      }
      for (const watched of this.#aggregates.values())
        if (watched.name === name) void this.#readAggregate(watched);
    } else if (type === 'message') {
      let change: RecordChange;
      try {
        change = JSON.parse(data) as RecordChange;
      } catch {
        return;
      }
      this.#remember(change.collection, change.id, change.type === 'put' ? change.record : undefined);
      this.#emit(change);
    }
  }

  /** The stream missed changes for good: read every listened collection again and tell the differences. */
  async #resync(): Promise<void> {
    for (const collection of this.#listeners.collections()) {
      const before = new Set(this.#known.get(collection)?.keys());
      const records = await this.#fetchList(collection).catch(() => undefined);
      if (!records) continue;
      for (const record of records) {
        before.delete(record.id);
        this.#emit({ type: 'put', collection, id: record.id, record });
      }
      for (const id of before) this.#emit({ type: 'remove', collection, id });
    }
  }

  #emit(change: RecordChange): void {
    if (this.#closed) return;
    this.#listeners.deliver(change);
  }
}
