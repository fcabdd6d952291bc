/**
 * Concerns and moderation in SQL (docs/moderation.md): concerns and their key hashes, the audit
 * log written in the same transaction as the step it records, and the count of hidden posts the
 * board shows.
 *
 * An anonymous concern keeps no person anywhere: its record's author and owner are `anonymous`,
 * its log rows say `raiser`, its idempotency rows are bound to the hash of its key, and the only
 * thing that ties it to its raiser is that key, which the server never stores (only its SHA-256).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  MODERATION_LOG_COLLECTION,
  moderationLogId,
  type ModerationFigures,
  type ModerationLogEntry,
} from '../domain/concerns.js';
import { POSTS_COLLECTION, type Post } from '../domain/offers.js';
import type { Database, Queryable } from './db.js';
import type { ChangeFeed } from './events.js';
import type { Logger } from './logger.js';
import {
  putRecord,
  recordJson,
  removeRecord,
  type Idempotency,
  type PutInput,
  type PutResult,
  type RecordKey,
} from './records.js';

/** Who the audit log's records say wrote them: the server, never a person. */
export const LOG_AUTHOR = 'tend-server';

/** SHA-256 of a concern key, hex. */
export const keyHash = (key: string): string => createHash('sha256').update(key).digest('hex');

/** Compared against when a concern has no key, so a wrong key and a missing concern take the same work. */
const NO_KEY = keyHash('no concern has this key');

/** Whether `key` is the one whose hash is `stored` (constant time; `stored` absent: never). */
export function keyMatches(stored: string | null | undefined, key: string): boolean {
  const given = Buffer.from(keyHash(key), 'hex');
  const held = Buffer.from(stored ?? NO_KEY, 'hex');
  return held.length === given.length && timingSafeEqual(held, given) && stored != null;
}

/** A concern as stored, with the hash of its key (anonymous ones only). */
export interface ConcernRow {
  json: string;
  owner: string;
  keyHash: string | null;
}

/** A concern and its key hash, in one read (the same work whether or not either exists). */
export async function getConcern(db: Queryable, key: RecordKey): Promise<ConcernRow | undefined> {
  const rows = await db.query<{ json: string | null; owner: string | null; key_sha256: string | null }>(
    `SELECT CASE WHEN r.id IS NULL THEN NULL ELSE ${recordJson('r')} END AS json, r.owner, k.key_sha256
     FROM (SELECT $1::text AS community, $2::text AS collection, $3::text AS id) q
     LEFT JOIN tend_records r ON r.community = q.community AND r.collection = q.collection AND r.id = q.id
     LEFT JOIN tend_concern_keys k ON k.community = q.community AND k.id = q.id`,
    [key.community, key.collection, key.id],
  );
  const row = rows[0];
  return row?.json ? { json: row.json, owner: row.owner!, keyHash: row.key_sha256 } : undefined;
}

/** A step for the audit log; its time is the write's. */
export type LogStep = Omit<ModerationLogEntry, 'at'>;

const INSERT_LOG_SQL = `WITH w AS (
    INSERT INTO tend_records AS r (community, collection, id, rev, value, author, owner, updated_at)
    VALUES ($1, '${MODERATION_LOG_COLLECTION}', $2, 1, $3::json, '${LOG_AUTHOR}', '${LOG_AUTHOR}', now())
    RETURNING r.*
  ),
  c AS (
    INSERT INTO tend_changes (community, collection, id, kind, rev, owner, was_public, is_public)
    SELECT w.community, w.collection, w.id, 'put', 1, w.owner, false, false FROM w
    RETURNING seq
  )
  SELECT c.seq::text AS seq FROM c`;

/** Adds one step to a community's audit log (inside the caller's transaction). Returns its seq. */
export async function appendLog(tx: Queryable, community: string, step: LogStep, at: Date): Promise<string> {
  const entry: ModerationLogEntry = { at: at.toISOString(), ...step };
  const id = moderationLogId(at, randomBytes(4).toString('hex'));
  const rows = await tx.query<{ seq: string }>(INSERT_LOG_SQL, [community, id, JSON.stringify(entry)]);
  return rows[0]!.seq;
}

/** The greater of two seqs (as text). */
const later = (a: string, b: string) => (BigInt(a) > BigInt(b) ? a : b);

/**
 * A put (see {@link putRecord}) and its steps in the audit log, in one transaction: both or
 * neither. Undefined when the record moved on meanwhile.
 */
export async function putWithLog(
  db: Database,
  key: RecordKey,
  input: PutInput,
  steps: readonly LogStep[],
): Promise<PutResult | undefined> {
  return db.transaction(async (tx) => {
    const result = await putRecord(tx, key, input);
    if (!result) return undefined;
    let seq = result.seq;
    const at = new Date();
    for (const step of steps) seq = later(seq, await appendLog(tx, key.community, step, at));
    return { ...result, seq };
  });
}

/**
 * A delete (see {@link removeRecord}) and its step in the audit log, in one transaction.
 * Undefined when the record moved on or is gone.
 */
export async function removeWithLog(
  db: Database,
  key: RecordKey,
  input: Parameters<typeof removeRecord>[2],
  step: LogStep,
): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    const seq = await removeRecord(tx, key, input);
    if (seq === undefined) return undefined;
    return later(seq, await appendLog(tx, key.community, step, new Date()));
  });
}

const CREATE_CONCERN_SQL = `WITH w AS (
    INSERT INTO tend_records AS r (community, collection, id, rev, value, author, owner, updated_at)
    VALUES ($1, $2, $3, 1, $4::json, $5, $5, now())
    ON CONFLICT (community, collection, id) DO NOTHING
    RETURNING r.*
  ),
  k AS (
    INSERT INTO tend_concern_keys (community, id, key_sha256)
    SELECT w.community, w.id, $6::text FROM w WHERE $6::text IS NOT NULL
  ),
  c AS (
    INSERT INTO tend_changes (community, collection, id, kind, rev, owner, was_public, is_public)
    SELECT w.community, w.collection, w.id, 'put', w.rev, w.owner, false, false FROM w
    RETURNING seq
  )
  SELECT ${recordJson('w')} AS json, w.rev, c.seq::text AS seq FROM w, c`;

const UPDATE_CONCERN_SQL = `WITH w AS (
    UPDATE tend_records AS r SET rev = r.rev + 1, value = $4::json, updated_at = now()
    WHERE r.community = $1 AND r.collection = $2 AND r.id = $3 AND r.rev = $5
    RETURNING r.*
  ),
  c AS (
    INSERT INTO tend_changes (community, collection, id, kind, rev, owner, was_public, is_public)
    SELECT w.community, w.collection, w.id, 'put', w.rev, w.owner, false, false FROM w
    RETURNING seq
  )
  SELECT ${recordJson('w')} AS json, w.rev, c.seq::text AS seq FROM w, c`;

export interface ConcernWrite {
  /** The concern's new value. */
  value: unknown;
  /** Create (`null`), or the revision to update. */
  expectedRev: number | null;
  /** On create: who the record names (the raiser, or `anonymous`). */
  owner?: string;
  /** On create of an anonymous concern: the hash of its key. */
  keyHash?: string | undefined;
  step: LogStep;
  idempotency?: Idempotency | undefined;
  /** What the actor is answered, from the stored record's JSON: kept for a retry of the same key. */
  answer(json: string): string;
}

/**
 * Creates or updates a concern, with its key hash, its log step and its idempotency entry, in
 * one transaction. Undefined when the id exists (create) or the concern moved on (update).
 * Returns the stored record's JSON and the actor's answer.
 */
export async function writeConcern(
  db: Database,
  key: RecordKey,
  write: ConcernWrite,
): Promise<(PutResult & { answer: string }) | undefined> {
  return db.transaction(async (tx) => {
    const value = JSON.stringify(write.value);
    const rows =
      write.expectedRev === null
        ? await tx.query<{ json: string; rev: number; seq: string }>(CREATE_CONCERN_SQL, [
            key.community,
            key.collection,
            key.id,
            value,
            write.owner,
            write.keyHash ?? null,
          ])
        : await tx.query<{ json: string; rev: number; seq: string }>(UPDATE_CONCERN_SQL, [
            key.community,
            key.collection,
            key.id,
            value,
            write.expectedRev,
          ]);
    const row = rows[0];
    if (!row) return undefined;
    const seq = later(row.seq, await appendLog(tx, key.community, write.step, new Date()));
    const answer = write.answer(row.json);
    const idem = write.idempotency;
    if (idem)
      await tx.query(
        `INSERT INTO tend_idempotency (actor, key, method, community, collection, id, body_sha256, status, body)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          idem.actor,
          idem.key,
          idem.method,
          key.community,
          key.collection,
          key.id,
          idem.bodyHash,
          write.expectedRev === null ? 201 : 200,
          answer,
        ],
      );
    return { json: row.json, rev: Number(row.rev), seq, answer };
  });
}

// ---------------------------------------------------------------------------------------------
// "N posts hidden by a moderator"

/**
 * How many posts of each board are hidden, per community. Like the circle's figures
 * (aggregates.ts): a snapshot made again on a fixed clock, not the moment a moderator acts, and
 * `event: aggregate` (`{"name":"moderation","board"}`) on every stream of the community when a
 * board's figure changed.
 */
export class HiddenPostCounts {
  readonly #db: Queryable;
  readonly #feed: ChangeFeed;
  readonly #logger: Logger;
  readonly #snapshots = new Map<string, Promise<Map<string, number>>>();
  readonly #dirty = new Set<string>();
  readonly #timer: ReturnType<typeof setInterval>;
  readonly #unsubscribe: () => void;
  #ticking = false;

  constructor(options: { db: Queryable; feed: ChangeFeed; logger: Logger; intervalMs: number }) {
    this.#db = options.db;
    this.#feed = options.feed;
    this.#logger = options.logger;
    this.#unsubscribe = options.feed.onChange((change) => {
      if (change.collection === POSTS_COLLECTION && this.#snapshots.has(change.community))
        this.#dirty.add(change.community);
    });
    this.#timer = setInterval(() => void this.#tick(), options.intervalMs);
    this.#timer.unref();
  }

  /** The figure of one board, from the community's snapshot. */
  async figures(community: string, board: string): Promise<ModerationFigures> {
    let snapshot = this.#snapshots.get(community);
    if (!snapshot) {
      // Communities nobody asked about for a while go first.
      if (this.#snapshots.size >= 2000) this.#snapshots.delete(this.#snapshots.keys().next().value!);
      snapshot = this.#make(community);
      this.#snapshots.set(community, snapshot);
      snapshot.catch(() => this.#snapshots.delete(community));
    }
    return { board, hiddenPosts: (await snapshot).get(board) ?? 0 };
  }

  close(): void {
    clearInterval(this.#timer);
    this.#unsubscribe();
  }

  async #tick(): Promise<void> {
    if (this.#ticking) return;
    this.#ticking = true;
    try {
      for (const community of [...this.#dirty]) {
        this.#dirty.delete(community);
        const previous = await this.#snapshots.get(community)?.catch(() => undefined);
        if (!previous) continue;
        const next = await this.#make(community);
        this.#snapshots.set(community, Promise.resolve(next));
        for (const board of new Set([...previous.keys(), ...next.keys()]))
          if ((previous.get(board) ?? 0) !== (next.get(board) ?? 0))
            this.#feed.sendToCommunity(community, 'aggregate', JSON.stringify({ name: 'moderation', board }));
      }
    } catch (error) {
      this.#logger.warn('counting hidden posts failed; trying again on the next tick', { error });
    } finally {
      this.#ticking = false;
    }
  }

  async #make(community: string): Promise<Map<string, number>> {
    // Values are read and looked at here, as aggregates.ts does: a JSON operator in SQL could run
    // on any row (PostgreSQL tests conditions in the order it likes) and fail on one it cannot read.
    const rows = await this.#db.query<{ value: unknown }>(
      `SELECT value FROM tend_records WHERE community = $1 AND collection = '${POSTS_COLLECTION}'`,
      [community],
    );
    const counts = new Map<string, number>();
    for (const { value } of rows) {
      const post = value as Partial<Post> | null;
      if (post && typeof post === 'object' && post.hidden !== undefined && typeof post.board === 'string')
        counts.set(post.board, (counts.get(post.board) ?? 0) + 1);
    }
    return counts;
  }
}
