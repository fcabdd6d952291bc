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

/**
 * A named change a person asks the store to make to the current record, by the store's own
 * rules: claim a slot, release it, add one anonymous count. Someone who does not own a record
 * changes it only this way, so no private field of it ever passes through their hands.
 */
export interface RecordOperation {
  /** The operation's name, e.g. `claim`. */
  type: string;
  [field: string]: unknown;
}

/** Options of an operation. */
export interface OperateOptions {
  /** Fail with a `ConflictError` unless the record is still at this revision. Absent: apply to whatever is current. */
  expectedRev?: number;
  /**
   * The value the caller expects (computed with the same domain rule): shown as a provisional
   * record while the operation waits to be sent. Absent: nothing is shown until the store answers.
   */
  provisional?: unknown;
}

/** A listener of a figure the store computes; `undefined` while it cannot be read. */
export type AggregateListener<T = unknown> = (value: T | undefined, error?: StorageError) => void;

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
  /**
   * Optional: applies a named operation to the current record with the store's rules (a
   * tend-server). Adapters without it leave the operation to the caller, who applies the same
   * domain rule through `get` and `put` (every record on one device belongs to one person).
   */
  operate?<T = unknown>(
    collection: string,
    id: string,
    operation: RecordOperation,
    options?: OperateOptions,
  ): Promise<StoredRecord<T>>;
  /**
   * Optional: watches a figure the store computes over records the viewer may not read (e.g.
   * `circle`: how many people have room, with the store's minimum group size). The listener gets
   * the current value, then every change. Without it the caller computes what it can from the
   * records it reads. Returns the unsubscribe function.
   */
  watchAggregate?<T = unknown>(
    name: string,
    params: Readonly<Record<string, string>>,
    listener: AggregateListener<T>,
  ): () => void;
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
