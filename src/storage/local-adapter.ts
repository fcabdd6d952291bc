/**
 * The storage contract over a {@link RecordBackend}: revisions, change delivery and status.
 * `MemoryAdapter` and `BrowserAdapter` are this class with different backends.
 */
import type {
  AdapterOptions,
  AdapterStatus,
  ChangeListener,
  RecordChange,
  StatusListener,
  StorageAdapter,
  StoredRecord,
  WriteOptions,
} from './adapter.js';
import { SAFE_NAME } from './adapter.js';
import type { ChangeHub, ChangeMessage } from './change-hub.js';
import { InvalidValueError, type StorageError, toStorageError } from './errors.js';
import type { RecordBackend } from './record-backend.js';
import { checkRemoval, nextRevision } from './revisions.js';

function checkName(kind: string, name: string): void {
  if (typeof name !== 'string' || !SAFE_NAME.test(name))
    throw new InvalidValueError(`${kind} "${String(name)}" must be 1–200 letters, digits or -_.:~`);
}

function checkValue(value: unknown): void {
  if (value === undefined) throw new InvalidValueError('a record needs a value (undefined is not storable)');
  try {
    structuredClone(value);
  } catch (error) {
    throw new InvalidValueError(`the value cannot be stored: ${(error as Error).message}`);
  }
}

/** Where a local adapter's records live and how its changes travel, known once storage has been opened. */
export interface LocalStore {
  backend: RecordBackend;
  hub: ChangeHub;
}

export class LocalAdapter implements StorageAdapter {
  readonly community: string;
  readonly author: string;
  readonly #store: Promise<LocalStore & { unsubscribe: () => void }>;
  readonly #listeners = new Map<string, Set<ChangeListener>>();
  readonly #statusListeners = new Set<StatusListener>();
  #status: AdapterStatus;
  #closed = false;

  constructor(store: Promise<LocalStore>, initial: AdapterStatus, options: AdapterOptions = {}) {
    this.community = options.community ?? 'default';
    this.author = options.author ?? 'anonymous';
    checkName('community', this.community);
    this.#status = initial;
    this.#store = store.then((opened) => {
      this.#setStatus({ location: opened.backend.location, persistent: opened.backend.persistent });
      const unsubscribe = opened.hub.subscribe((message) => this.#deliver(message));
      return { ...opened, unsubscribe };
    });
  }

  get status(): AdapterStatus {
    return this.#status;
  }

  /** Resolves once the adapter knows where records live (see `status.location`). */
  async ready(): Promise<AdapterStatus> {
    await this.#store;
    return this.#status;
  }

  async get<T = unknown>(collection: string, id: string): Promise<StoredRecord<T> | undefined> {
    checkName('collection', collection);
    checkName('id', id);
    const { backend } = await this.#store;
    return (await backend.get({ community: this.community, collection, id })) as StoredRecord<T> | undefined;
  }

  async list<T = unknown>(collection: string): Promise<StoredRecord<T>[]> {
    checkName('collection', collection);
    const { backend } = await this.#store;
    return (await backend.list(this.community, collection)) as StoredRecord<T>[];
  }

  async put<T = unknown>(
    collection: string,
    id: string,
    value: T,
    options: WriteOptions = {},
  ): Promise<StoredRecord<T>> {
    checkName('collection', collection);
    checkName('id', id);
    checkValue(value);
    const { backend, hub } = await this.#store;
    const record = (await this.#write(() =>
      backend.update({ community: this.community, collection, id }, (current) =>
        nextRevision(current, id, value, options.expectedRev, this.author, new Date()),
      ),
    )) as StoredRecord<T>;
    hub.publish({ community: this.community, type: 'put', collection, id, record });
    return record;
  }

  async remove(collection: string, id: string, options: WriteOptions = {}): Promise<void> {
    checkName('collection', collection);
    checkName('id', id);
    const { backend, hub } = await this.#store;
    await this.#write(() =>
      backend.update({ community: this.community, collection, id }, (current) => {
        checkRemoval(current, id, options.expectedRev);
        return null;
      }),
    );
    hub.publish({ community: this.community, type: 'remove', collection, id });
  }

  subscribe<T = unknown>(collection: string, listener: ChangeListener<T>): () => void {
    checkName('collection', collection);
    let set = this.#listeners.get(collection);
    if (!set) this.#listeners.set(collection, (set = new Set()));
    set.add(listener as ChangeListener);
    return () => set.delete(listener as ChangeListener);
  }

  subscribeStatus(listener: StatusListener): () => void {
    this.#statusListeners.add(listener);
    return () => this.#statusListeners.delete(listener);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#listeners.clear();
    this.#statusListeners.clear();
    // The hub and backend may be shared with other adapters (a MemoryStore): their owner closes them.
    void this.#store.then(
      ({ unsubscribe }) => unsubscribe(),
      () => undefined,
    );
  }

  /** Runs a write; a failure is recorded in `status.problem` and rethrown as a typed error. */
  async #write<R>(run: () => Promise<R>): Promise<R> {
    try {
      const result = await run();
      if (this.#status.problem) this.#setStatus({ problem: undefined });
      return result;
    } catch (error) {
      const typed = toStorageError(error, 'Saving failed');
      // Conflicts and invalid values are the caller's to handle, not a problem with the store.
      if (typed.code !== 'conflict' && typed.code !== 'not-found' && typed.code !== 'invalid')
        this.#setStatus({ problem: typed });
      throw typed;
    }
  }

  #deliver(message: ChangeMessage): void {
    if (this.#closed || message.community !== this.community) return;
    const { community: _community, ...change } = message;
    for (const listener of [...(this.#listeners.get(change.collection) ?? [])])
      (listener as (c: RecordChange) => void)(change);
  }

  #setStatus(patch: Partial<AdapterStatus> & { problem?: StorageError | undefined }): void {
    const next = { ...this.#status, ...patch };
    if (!next.problem) delete next.problem;
    this.#status = next;
    for (const listener of [...this.#statusListeners]) listener(next);
  }
}
