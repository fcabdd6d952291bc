/**
 * The storage contract over a {@link RecordBackend}: revisions, change delivery and status.
 * `MemoryAdapter` and `BrowserAdapter` are this class with different backends.
 */
import type {
  AdapterOptions,
  AdapterStatus,
  ChangeListener,
  StatusListener,
  StorageAdapter,
  StoredRecord,
  WriteOptions,
} from './adapter.js';
import { ChangeListeners, StatusHolder, checkName, checkValue } from './adapter-support.js';
import type { ChangeHub, ChangeMessage } from './change-hub.js';
import { toStorageError } from './errors.js';
import type { RecordBackend } from './record-backend.js';
import { checkRemoval, nextRevision } from './revisions.js';

/** Where a local adapter's records live and how its changes travel, known once storage has been opened. */
export interface LocalStore {
  backend: RecordBackend;
  hub: ChangeHub;
}

export class LocalAdapter implements StorageAdapter {
  readonly community: string;
  readonly author: string;
  readonly #store: Promise<LocalStore & { unsubscribe: () => void }>;
  readonly #listeners = new ChangeListeners();
  readonly #status: StatusHolder;
  #closed = false;

  constructor(store: Promise<LocalStore>, initial: AdapterStatus, options: AdapterOptions = {}) {
    this.community = options.community ?? 'default';
    this.author = options.author ?? 'anonymous';
    checkName('community', this.community);
    this.#status = new StatusHolder(initial);
    this.#store = store.then((opened) => {
      this.#status.set({ location: opened.backend.location, persistent: opened.backend.persistent });
      const unsubscribe = opened.hub.subscribe((message) => this.#deliver(message));
      return { ...opened, unsubscribe };
    });
  }

  get status(): AdapterStatus {
    return this.#status.current;
  }

  /** Resolves once the adapter knows where records live (see `status.location`). */
  async ready(): Promise<AdapterStatus> {
    await this.#store;
    return this.#status.current;
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
    return this.#listeners.add(collection, listener);
  }

  subscribeStatus(listener: StatusListener): () => void {
    return this.#status.subscribe(listener);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#listeners.clear();
    this.#status.clear();
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
      if (this.#status.current.problem) this.#status.set({ problem: undefined });
      return result;
    } catch (error) {
      const typed = toStorageError(error, 'Saving failed');
      // Conflicts and invalid values are the caller's to handle, not a problem with the store.
      if (typed.code !== 'conflict' && typed.code !== 'not-found' && typed.code !== 'invalid')
        this.#status.set({ problem: typed });
      throw typed;
    }
  }

  #deliver(message: ChangeMessage): void {
    if (this.#closed || message.community !== this.community) return;
    const { community: _community, ...change } = message;
    this.#listeners.deliver(change);
  }
}
