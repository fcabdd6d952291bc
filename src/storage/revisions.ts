/**
 * The one compare-and-set rule every adapter applies inside its own atomic step, so that
 * "a stale revision fails" means the same thing in memory, in the browser and on the server.
 */
import type { StoredRecord } from './adapter.js';
import { ConflictError, NotFoundError } from './errors.js';

/** The record a put makes from the current one, or a `ConflictError` when the expectation is stale. */
export function nextRevision<T>(
  current: StoredRecord | undefined,
  id: string,
  value: T,
  expectedRev: number | null | undefined,
  author: string,
  now: Date,
): StoredRecord<T> {
  if (expectedRev === undefined || expectedRev === null) {
    if (current) throw new ConflictError(`"${id}" already exists (revision ${current.rev})`, current.rev);
  } else if (!current) {
    throw new ConflictError(`"${id}" no longer exists`, undefined);
  } else if (current.rev !== expectedRev) {
    throw new ConflictError(
      `"${id}" changed: expected revision ${expectedRev}, found ${current.rev}`,
      current.rev,
    );
  }
  return { id, rev: (current?.rev ?? 0) + 1, value, author, updatedAt: now.toISOString() };
}

/** Checks a remove: the record must exist and, when `expectedRev` is given, be at that revision. */
export function checkRemoval(
  current: StoredRecord | undefined,
  id: string,
  expectedRev: number | null | undefined,
): void {
  if (!current) throw new NotFoundError(`"${id}" does not exist`);
  if (expectedRev !== undefined && expectedRev !== null && current.rev !== expectedRev) {
    throw new ConflictError(
      `"${id}" changed: expected revision ${expectedRev}, found ${current.rev}`,
      current.rev,
    );
  }
}

/** Orders records by id, the order `list` promises. */
export function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
