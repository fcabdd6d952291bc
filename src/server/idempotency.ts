/**
 * `Idempotency-Key` on writes: the same key from the same person within a day, on the same
 * request (method, collection, record and body), gets the first answer again instead of a second
 * write, whichever way the retry arrives (a refusal, a conflict, or a race where both tries reach
 * the database). The same key on another request answers 422, never the first answer.
 */
import { createHash } from 'node:crypto';
import { SAFE_NAME } from '../domain/record-ids.js';
import { sqlState, type Database } from './db.js';
import type { Ctx } from './env.js';
import { httpError, type HttpError } from './errors.js';
import { header, recordResponse } from './http.js';
import { findResponse, type Idempotency, type RecordKey } from './records.js';
import type { CollectionRule, Identity, OutgoingRecord } from './rights.js';

/** PostgreSQL's unique_violation: the idempotency row of the same key was written first. */
const DUPLICATE_KEY = '23505';

/** SHA-256 of a request body, hex. */
export const bodyHash = (body: string): string => createHash('sha256').update(body).digest('hex');

/**
 * The request's `Idempotency-Key` for `actor`, checked, bound to this request (`body`: its text);
 * `undefined` without one.
 */
export function idempotencyOf(c: Ctx, actor: Identity, body = ''): Idempotency | undefined {
  const key = header(c, 'idempotency-key');
  if (key === undefined) return undefined;
  // Keys follow the same alphabet as names.
  if (!SAFE_NAME.test(key))
    throw httpError('bad-idempotency-key', 'Idempotency-Key must be 1–200 letters, digits or -_.:~');
  return { actor: actor.id, key, method: c.req.method, bodyHash: bodyHash(body) };
}

/** One write under an optional idempotency key: the first answer again, when it was already done. */
export class IdempotentWrite {
  constructor(
    private readonly db: Database,
    private readonly target: RecordKey,
    readonly idem: Idempotency | undefined,
    private readonly rule: CollectionRule,
    private readonly actor: Identity,
  ) {}

  /** The first answer to this key again, if the write was already done. */
  async replay(): Promise<Response | undefined> {
    if (!this.idem) return undefined;
    const stored = await findResponse(this.db, this.idem);
    if (!stored) return undefined;
    if (
      stored.method !== this.idem.method ||
      stored.community !== this.target.community ||
      stored.collection !== this.target.collection ||
      stored.id !== this.target.id ||
      stored.bodyHash !== this.idem.bodyHash
    )
      throw httpError(
        'idempotency-key-reused',
        'this Idempotency-Key was used for another request: send a new key with each new request',
      );
    const headers = { 'idempotent-replayed': 'true' };
    if (stored.body === null) return new Response(null, { status: stored.status, headers });
    const record = JSON.parse(stored.body) as OutgoingRecord;
    const view = this.rule.view ? this.rule.view(record, this.actor.id, this.actor) : record;
    return recordResponse(stored.status, view ? JSON.stringify(view) : stored.body, record.rev, headers);
  }

  /** Throws `error`, unless this is a retry of a write that was done: then the first answer. */
  async refuse(error: HttpError): Promise<never> {
    const replayed = await this.replay();
    if (replayed) throw replayed;
    throw error;
  }

  /** Runs the write; if the same key raced in twice, the first one's answer stands (thrown). */
  async run<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (this.idem && sqlState(error) === DUPLICATE_KEY) {
        const again = await this.replay();
        if (again) throw again;
      }
      throw error;
    }
  }
}
