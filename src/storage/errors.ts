/**
 * Typed storage errors. Every adapter throws these (never a bare `Error`), so an element can
 * say plainly what happened and keep the person's draft.
 */

/** What went wrong, as a stable code an element can turn into words. */
export type StorageErrorCode =
  | 'conflict'
  | 'not-found'
  | 'quota'
  | 'unavailable'
  | 'offline'
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'rate-limited'
  | 'write-failed'
  | 'not-synced';

const BRAND = Symbol.for('tend.storage-error');

/** Base class of every error an adapter throws. */
export class StorageError extends Error {
  readonly code: StorageErrorCode;
  /**
   * The store's own reason, when it gives one beyond `code` (a tend-server's error code, such
   * as `slot-taken` or `full`), so a view can say what happened in its own words.
   */
  rule?: string;
  /** Marks storage errors across copies of this module (two bundles on one page). */
  readonly [BRAND] = true;

  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
    this.code = code;
  }
}

/** A write named a revision that is no longer the current one (or created a record that exists). */
export class ConflictError extends StorageError {
  /** The revision the store holds now; `undefined` when the record is gone. */
  readonly currentRev: number | undefined;

  constructor(message: string, currentRev: number | undefined) {
    super('conflict', message);
    this.name = 'ConflictError';
    this.currentRev = currentRev;
  }
}

/** The record does not exist. */
export class NotFoundError extends StorageError {
  constructor(message: string) {
    super('not-found', message);
    this.name = 'NotFoundError';
  }
}

/** The store is full (the browser's quota, or a server's size limit). */
export class QuotaError extends StorageError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('quota', message, options);
    this.name = 'QuotaError';
  }
}

/** The store cannot be used at all (blocked by the browser, or gone). */
export class UnavailableError extends StorageError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('unavailable', message, options);
    this.name = 'UnavailableError';
  }
}

/** The value was rejected as invalid. */
export class InvalidValueError extends StorageError {
  constructor(message: string) {
    super('invalid', message);
    this.name = 'InvalidValueError';
  }
}

/** A write failed for another reason; the caller still holds the value and may retry. */
export class WriteFailedError extends StorageError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('write-failed', message, options);
    this.name = 'WriteFailedError';
  }
}

/**
 * A write that waited while offline was refused when it was finally sent (someone changed the
 * record first, or it was not the person's to change). The value is kept here so a view can
 * offer it back: the change is not saved, but it is not lost.
 */
export class NotSyncedError extends StorageError {
  /** Why the server refused it (`conflict`, `forbidden`, …). */
  readonly reason: StorageErrorCode;
  readonly collection: string;
  readonly id: string;
  /** The value that was not saved (absent for a removal). */
  readonly value: unknown;

  constructor(
    message: string,
    reason: StorageErrorCode,
    change: { collection: string; id: string; value?: unknown },
  ) {
    super('not-synced', message);
    this.name = 'NotSyncedError';
    this.reason = reason;
    this.collection = change.collection;
    this.id = change.id;
    this.value = change.value;
  }
}

/** True when `error` is a {@link StorageError}, also one made by another copy of this module. */
export function isStorageError(error: unknown): error is StorageError {
  return error instanceof StorageError || (typeof error === 'object' && error !== null && BRAND in error);
}

/** Wraps anything thrown by a platform API into a {@link StorageError}. */
export function toStorageError(error: unknown, fallback: string): StorageError {
  if (isStorageError(error)) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (name === 'QuotaExceededError')
    return new QuotaError(`${fallback}: the storage is full`, { cause: error });
  if (name === 'SecurityError' || name === 'InvalidStateError')
    return new UnavailableError(`${fallback}: storage is blocked (${detail})`, { cause: error });
  return new WriteFailedError(`${fallback}: ${detail}`, { cause: error });
}
