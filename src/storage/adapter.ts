/**
 * The storage contract: a store of versioned records in named collections, scoped to one
 * community. Adapters know records and revisions, never offers or reflections.
 */
import type { StorageError } from './errors.js';

/** One stored record. `rev` starts at 1 and grows by one with every write. */
export interface StoredRecord<T = unknown> {
  id: string;
  rev: number;
  value: T;
  /** The id of the person who last wrote it. */
  author: string;
  /** When it was last written, as an ISO 8601 string. */
  updatedAt: string;
}

/** Options of a write. */
export interface WriteOptions {
  /**
   * The revision the caller last read. Absent or `null`: create, and fail with a
   * `ConflictError` if the record exists. A stale revision fails with a `ConflictError`.
   */
  expectedRev?: number | null;
}

/** A change to one record, delivered to subscribers (from this instance, another tab or another person). */
export interface RecordChange<T = unknown> {
  type: 'put' | 'remove';
  collection: string;
  id: string;
  /** The record after a put; absent after a remove. */
  record?: StoredRecord<T>;
}

/** A listener of changes in one collection. */
export type ChangeListener<T = unknown> = (change: RecordChange<T>) => void;

/** What an element needs to say about where records live and how saving goes. */
export interface AdapterStatus {
  /** Where records live: `memory`, `indexeddb`, `localstorage`, `server`, or a custom name. */
  location: string;
  /** Records survive closing the page. When false, say "saving only until you close this page". */
  persistent: boolean;
  /** Other people can see records (a shared server). Private widgets stay on the device when false. */
  shared: boolean;
  /** Writes waiting to be sent ("waiting to sync (2)"). */
  pending: number;
  /** The latest problem, cleared when a later write succeeds. */
  problem?: StorageError;
}

/** A listener of status changes. */
export type StatusListener = (status: AdapterStatus) => void;

/** The contract every adapter meets; `test/storage/` runs one conformance suite against each. */
export interface StorageAdapter {
  /** The community every record of this adapter belongs to. */
  readonly community: string;
  /** The person writes are attributed to. */
  readonly author: string;
  /** Where records live and how saving goes now. */
  readonly status: AdapterStatus;

  get<T = unknown>(collection: string, id: string): Promise<StoredRecord<T> | undefined>;
  /** Every record of a collection, ordered by id. */
  list<T = unknown>(collection: string): Promise<StoredRecord<T>[]>;
  put<T = unknown>(
    collection: string,
    id: string,
    value: T,
    options?: WriteOptions,
  ): Promise<StoredRecord<T>>;
  /** Removes a record. With `expectedRev`, a stale revision fails with a `ConflictError`; a missing record with a `NotFoundError`. */
  remove(collection: string, id: string, options?: WriteOptions): Promise<void>;
  /** Listens to changes of one collection, wherever they were made. Returns the unsubscribe function. */
  subscribe<T = unknown>(collection: string, listener: ChangeListener<T>): () => void;
  /** Listens to status changes. Returns the unsubscribe function. */
  subscribeStatus(listener: StatusListener): () => void;
  /** Releases connections, channels and listeners. */
  close(): void;
}

/** Options every built-in adapter takes. */
export interface AdapterOptions {
  /** The community the records belong to. Default `default`. */
  community?: string;
  /** The person writes are attributed to. Default `anonymous`. */
  author?: string;
}

// One definition for the browser and the server (src/domain/ carries no DOM code).
export { SAFE_NAME } from '../domain/record-ids.js';
