/**
 * Record reads and writes in SQL. Each write is ONE statement: the compare-and-set on the
 * record, its row in the changes log (which record changed and whether its versions before and
 * after were seen by others, never what it said: a client that resumes gets the present state of
 * each record) and the idempotency entry commit together or not at all, in one round trip. The database builds the JSON that goes out. Other processes are woken
 * after the commit (see ChangeFeed.announce): a NOTIFY inside every write would serialise the
 * commits and halve what PostgreSQL can write.
 */
import type { Queryable } from './db.js';
import type { Stored } from './rights.js';

export interface RecordKey {
  community: string;
  collection: string;
  id: string;
}

/** The NOTIFY channel; payloads carry a change's seq only (the log is the truth). */
export const CHANGES_CHANNEL = 'tend_changes';

/** A record as JSON text in the public shape {id, rev, value, author, updatedAt}. */
export const recordJson = (t: string) =>
  `json_build_object('id', ${t}.id, 'rev', ${t}.rev, 'value', ${t}.value, 'author', ${t}.author, ` +
  `'updatedAt', to_char(${t}.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text`;

export interface StoredRow extends Stored {
  /** The record as JSON text, as it goes out. */
  json: string;
}

interface Row {
  json: string;
  owner: string;
}

/** Parses a stored row's JSON (values are only parsed when a rule needs to look at them). */
export function parseStored(row: Row): StoredRow {
  const record = JSON.parse(row.json) as { id: string; rev: number; value: unknown; author: string };
  return { ...record, owner: row.owner, json: row.json };
}

const GET_SQL = `SELECT ${recordJson('r')} AS json, r.owner FROM tend_records r
  WHERE r.community = $1 AND r.collection = $2 AND r.id = $3`;

export async function getRecord(db: Queryable, key: RecordKey): Promise<Row | undefined> {
  const rows = await db.query<Row>(GET_SQL, [key.community, key.collection, key.id]);
  return rows[0];
}

const GET_MANY_SQL = `SELECT k.i, ${recordJson('r')} AS json, r.owner
  FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS k(community, collection, id, i)
  JOIN tend_records r ON r.community = k.community AND r.collection = k.collection AND r.id = k.id`;

/**
 * Reads records in batches: the reads asked for in one turn of the event loop go to the database
 * as one statement. Operations read the record they change before each write; under load, one
 * round trip then serves many of them.
 */
export class RecordReader {
  readonly #db: Queryable;
  #queue: { key: RecordKey; resolve(row: Row | undefined): void; reject(error: unknown): void }[] = [];

  constructor(db: Queryable) {
    this.#db = db;
  }

  /** Like {@link getRecord}. */
  get(key: RecordKey): Promise<Row | undefined> {
    return new Promise((resolve, reject) => {
      if (!this.#queue.length) setImmediate(() => void this.#run());
      this.#queue.push({ key, resolve, reject });
    });
  }

  async #run(): Promise<void> {
    const batch = this.#queue;
    this.#queue = [];
    if (batch.length === 1) {
      const [one] = batch as [(typeof batch)[number]];
      await getRecord(this.#db, one.key).then(one.resolve, one.reject);
      return;
    }
    try {
      const rows = await this.#db.query<Row & { i: string }>(GET_MANY_SQL, [
        batch.map((b) => b.key.community),
        batch.map((b) => b.key.collection),
        batch.map((b) => b.key.id),
      ]);
      const byIndex = new Map(rows.map((row) => [Number(row.i), row]));
      batch.forEach((b, i) => {
        const row = byIndex.get(i + 1);
        b.resolve(row && { json: row.json, owner: row.owner });
      });
    } catch (error) {
      for (const b of batch) b.reject(error);
    }
  }
}

/** The JSON array of a collection's records, ordered by id (code point order, like the contract). */
export async function listJson(
  db: Queryable,
  community: string,
  collection: string,
  owner?: string,
): Promise<string> {
  const rows = await db.query<{ json: string }>(
    `SELECT coalesce(json_agg(${recordJson('r').replace(/::text$/, '')} ORDER BY r.id COLLATE "C"), '[]'::json)::text AS json
     FROM tend_records r
     WHERE r.community = $1 AND r.collection = $2 ${owner === undefined ? '' : 'AND r.owner = $3'}`,
    owner === undefined ? [community, collection] : [community, collection, owner],
  );
  return rows[0]?.json ?? '[]';
}

/** A collection's records one by one (for collections whose records each viewer sees differently). */
export async function listRows(db: Queryable, community: string, collection: string): Promise<Row[]> {
  return db.query<Row>(
    `SELECT ${recordJson('r')} AS json, r.owner FROM tend_records r
     WHERE r.community = $1 AND r.collection = $2 ORDER BY r.id COLLATE "C"`,
    [community, collection],
  );
}

/** An idempotency key and the request it was sent with: the same key answers only the same request. */
export interface Idempotency {
  actor: string;
  key: string;
  method: string;
  /** SHA-256 of the request body, hex. */
  bodyHash: string;
}

/** A response stored for an idempotency key, and the request it answered. */
export interface StoredResponse {
  status: number;
  body: string | null;
  method: string;
  community: string;
  collection: string;
  id: string;
  bodyHash: string;
}

export async function findResponse(db: Queryable, idem: Idempotency): Promise<StoredResponse | undefined> {
  const rows = await db.query<StoredResponse & { body_sha256: string }>(
    `SELECT status, body, method, community, collection, id, body_sha256 FROM tend_idempotency WHERE actor = $1 AND key = $2`,
    [idem.actor, idem.key],
  );
  const row = rows[0];
  return row
    ? {
        status: Number(row.status),
        body: row.body,
        method: row.method,
        community: row.community,
        collection: row.collection,
        id: row.id,
        bodyHash: row.body_sha256,
      }
    : undefined;
}

/**
 * Logs the change of each row of `w`: which record, its revision and owner, and whether the
 * version before ($w) and after ($p) it were seen by anyone but the owner; never the value.
 */
const logChange = (kind: 'put' | 'remove', w: string, p: string) =>
  `c AS (
    INSERT INTO tend_changes (community, collection, id, kind, rev, owner, was_public, is_public)
    SELECT w.community, w.collection, w.id, '${kind}', w.rev, w.owner, ${w}::boolean, ${p}::boolean FROM w
    RETURNING seq
  )`;

/**
 * Stores the response for an idempotency key with the request it answers ($a: actor, $k: key,
 * $m: method, $h: body hash; no key: nothing stored).
 */
const remember = (status: string, body: string, a: string, k: string, m: string, h: string) =>
  `i AS (
    INSERT INTO tend_idempotency (actor, key, method, community, collection, id, body_sha256, status, body)
    SELECT ${a}::text, ${k}::text, ${m}::text, w.community, w.collection, w.id, ${h}::text, ${status}, ${body} FROM w
    WHERE ${k}::text IS NOT NULL
  )`;

/** Builds the write statement once (the same text each time, so its prepared plan is reused). */
function putSql(create: boolean): string {
  // `author` is who created the record: an update never changes it.
  const write = create
    ? `w AS (
        INSERT INTO tend_records AS r (community, collection, id, rev, value, author, owner, updated_at)
        VALUES ($1, $2, $3, 1, $4::json, $5, $5, now())
        ON CONFLICT (community, collection, id) DO NOTHING
        RETURNING r.*
      )`
    : `w AS (
        UPDATE tend_records AS r
        SET rev = r.rev + 1, value = $4::json, updated_at = now()
        WHERE r.community = $1 AND r.collection = $2 AND r.id = $3 AND r.rev = $12
          -- The writer ($5) is not stored: named so both statements take the same parameters.
          AND $5::text IS NOT NULL
        RETURNING r.*
      )`;
  return `WITH ${write},
    ${logChange('put', '$8', '$9')},
    ${remember(create ? '201' : '200', recordJson('w'), '$6', '$7', '$10', '$11')}
    SELECT ${recordJson('w')} AS json, w.rev, c.seq::text AS seq FROM w, c`;
}

const CREATE_SQL = putSql(true);
const UPDATE_SQL = putSql(false);

const REMOVE_SQL = `WITH w AS (
      DELETE FROM tend_records r
      WHERE r.community = $1 AND r.collection = $2 AND r.id = $3 AND r.rev = $4
      RETURNING r.*
    ),
    ${logChange('remove', '$7', 'false')},
    ${remember('204', 'NULL', '$5', '$6', '$8', '$9')}
    SELECT c.seq::text AS seq FROM c`;

export interface PutResult {
  /** The record as JSON text. */
  json: string;
  rev: number;
  /** The change's seq in the log. */
  seq: string;
}

/**
 * Writes a record if it is still at `expectedRev` (`null`: only if it does not exist). Returns
 * undefined when the record moved on meanwhile (the caller answers 409).
 */
export async function putRecord(
  db: Queryable,
  key: RecordKey,
  input: PutInput,
): Promise<PutResult | undefined> {
  const create = input.expectedRev === null;
  const sql = create ? CREATE_SQL : UPDATE_SQL;
  const params: unknown[] = [
    key.community,
    key.collection,
    key.id,
    input.valueJson,
    input.actor,
    input.idempotency?.actor ?? null,
    input.idempotency?.key ?? null,
    input.wasPublic,
    input.isPublic,
    input.idempotency?.method ?? null,
    input.idempotency?.bodyHash ?? null,
  ];
  if (!create) params.push(input.expectedRev);
  const rows = await db.query<{ json: string; rev: number; seq: string }>(sql, params);
  const row = rows[0];
  return row ? { json: row.json, rev: Number(row.rev), seq: row.seq } : undefined;
}

/** Deletes a record if it is still at `rev`. Returns the change's seq, or undefined when it moved on or is gone. */
export async function removeRecord(
  db: Queryable,
  key: RecordKey,
  input: { rev: number; wasPublic: boolean; idempotency?: Idempotency | undefined },
): Promise<string | undefined> {
  const rows = await db.query<{ seq: string }>(REMOVE_SQL, [
    key.community,
    key.collection,
    key.id,
    input.rev,
    input.idempotency?.actor ?? null,
    input.idempotency?.key ?? null,
    input.wasPublic,
    input.idempotency?.method ?? null,
    input.idempotency?.bodyHash ?? null,
  ]);
  return rows[0]?.seq;
}

/** Who a count record says wrote it: nobody. */
export const ANONYMOUS = 'anonymous';

/**
 * Adds one to a post's count record (creating it at 1), unless `mark` (an HMAC of the person,
 * see routes/operations.ts) was already counted: then nothing is written and undefined returned.
 * The mark and the count commit together; neither holds the person.
 */
const COUNT_SQL = `WITH m AS (
      INSERT INTO tend_count_marks (mark) VALUES ($4) ON CONFLICT (mark) DO NOTHING RETURNING mark
    ),
    w AS (
      INSERT INTO tend_records AS r (community, collection, id, rev, value, author, owner, updated_at)
      SELECT $1, $2, $3, 1, json_build_object('postId', $5::text, 'count', 1), '${ANONYMOUS}', '${ANONYMOUS}', now() FROM m
      ON CONFLICT (community, collection, id) DO UPDATE
        SET rev = r.rev + 1, updated_at = now(),
          value = json_build_object('postId', $5::text, 'count', coalesce((r.value->>'count')::int, 0) + 1)
      RETURNING r.*
    ),
    c AS (
      INSERT INTO tend_changes (community, collection, id, kind, rev, owner, was_public, is_public)
      SELECT w.community, w.collection, w.id, 'put', w.rev, w.owner,
        (w.value->>'count')::int - 1 >= $6, (w.value->>'count')::int >= $6 FROM w
      RETURNING seq
    )
    SELECT ${recordJson('w')} AS json, w.rev, c.seq::text AS seq FROM w, c`;

export async function countOnce(
  db: Queryable,
  key: RecordKey,
  input: { mark: string; postId: string; shownFrom: number },
): Promise<PutResult | undefined> {
  const rows = await db.query<{ json: string; rev: number; seq: string }>(COUNT_SQL, [
    key.community,
    key.collection,
    key.id,
    input.mark,
    input.postId,
    input.shownFrom,
  ]);
  const row = rows[0];
  return row ? { json: row.json, rev: Number(row.rev), seq: row.seq } : undefined;
}

/** A value kept in `tend_meta`, made by `make` and stored the first time it is asked for. */
export async function metaValue(db: Queryable, key: string, make: () => string): Promise<string> {
  await db.query('INSERT INTO tend_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
    key,
    make(),
  ]);
  const rows = await db.query<{ value: string }>('SELECT value FROM tend_meta WHERE key = $1', [key]);
  return rows[0]!.value;
}

/** Drops idempotency entries and log rows older than their keep times. */
export async function prune(
  db: Queryable,
  keep: { changesDays: number; idempotencyHours: number },
): Promise<string | undefined> {
  await db.query(`DELETE FROM tend_idempotency WHERE at < now() - make_interval(hours => $1)`, [
    keep.idempotencyHours,
  ]);
  // Remember the newest position dropped: a client resuming from before it has missed changes for good.
  const rows = await db.query<{ position: string | null }>(
    `WITH d AS (DELETE FROM tend_changes WHERE at < now() - make_interval(days => $1) RETURNING tx, seq),
     newest AS (SELECT tx::text || '-' || seq::text AS position FROM d ORDER BY tx DESC, seq DESC LIMIT 1),
     saved AS (
       INSERT INTO tend_meta (key, value) SELECT 'pruned_through', position FROM newest
       ON CONFLICT (key) DO UPDATE SET value = excluded.value
     )
     SELECT position FROM newest`,
    [keep.changesDays],
  );
  return rows[0]?.position ?? undefined;
}

// ---------------------------------------------------------------------------------------------
// Writes in batches

/** Many puts in one statement: one round trip and one commit for all of them. */
const BATCH_PUT_SQL = `WITH input AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[],
        $9::boolean[], $10::boolean[], $11::text[], $12::text[])
      AS t(community, collection, id, value, actor, expected, idem_actor, idem_key, was_public, is_public, idem_method, idem_hash)
  ),
  created AS (
    INSERT INTO tend_records AS r (community, collection, id, rev, value, author, owner, updated_at)
    SELECT i.community, i.collection, i.id, 1, i.value::json, i.actor, i.actor, now()
    FROM input i WHERE i.expected IS NULL
    ON CONFLICT (community, collection, id) DO NOTHING
    RETURNING r.*
  ),
  updated AS (
    UPDATE tend_records AS r
    SET rev = r.rev + 1, value = i.value::json, updated_at = now()
    FROM input i
    WHERE i.expected IS NOT NULL AND r.community = i.community AND r.collection = i.collection AND r.id = i.id
      AND r.rev = i.expected
    RETURNING r.*
  ),
  w AS (
    SELECT w0.*, ${recordJson('w0')} AS json, input.was_public, input.is_public, input.idem_actor, input.idem_key,
      input.idem_method, input.idem_hash
    FROM (SELECT created.*, 201 AS status FROM created UNION ALL SELECT updated.*, 200 AS status FROM updated) w0
    JOIN input ON input.community = w0.community AND input.collection = w0.collection AND input.id = w0.id
  ),
  c AS (
    INSERT INTO tend_changes (community, collection, id, kind, rev, owner, was_public, is_public)
    SELECT w.community, w.collection, w.id, 'put', w.rev, w.owner, w.was_public, w.is_public FROM w
    RETURNING seq, community, collection, id
  ),
  i AS (
    INSERT INTO tend_idempotency (actor, key, method, community, collection, id, body_sha256, status, body)
    SELECT w.idem_actor, w.idem_key, w.idem_method, w.community, w.collection, w.id, w.idem_hash, w.status, w.json
    FROM w WHERE w.idem_key IS NOT NULL
  )
  SELECT c.community, c.collection, c.id, c.seq::text AS seq, w.json, w.rev
  FROM c JOIN w ON w.community = c.community AND w.collection = c.collection AND w.id = c.id`;

export interface PutInput {
  valueJson: string;
  actor: string;
  expectedRev: number | null;
  /** The version before this write was seen by anyone but its owner (false for a create). */
  wasPublic: boolean;
  /** The version this write makes is. */
  isPublic: boolean;
  idempotency?: Idempotency | undefined;
}

interface Pending {
  key: RecordKey;
  input: PutInput;
  resolve(result: PutResult | undefined): void;
  reject(error: unknown): void;
}

/**
 * Puts go to the database in batches: a put that arrives while `maxInFlight` statements are
 * already running waits, and the waiting ones then go together in one statement. When the
 * server is quiet each put goes alone, at once; under load, one round trip and one commit carry
 * many. Two puts of one record never share a batch. A batch that fails as a whole (say, one
 * idempotency key racing another) is retried one put at a time, so each gets its own answer.
 */
export class PutBatcher {
  readonly #db: Queryable;
  readonly #maxInFlight: number;
  readonly #maxBatch: number;
  #queue: Pending[] = [];
  #inFlight = 0;
  #scheduled = false;

  constructor(db: Queryable, options: { maxInFlight: number; maxBatch?: number }) {
    this.#db = db;
    this.#maxInFlight = Math.max(1, options.maxInFlight);
    this.#maxBatch = options.maxBatch ?? 100;
  }

  /** Like {@link putRecord}: the stored record, or undefined when the record moved on (409). */
  put(key: RecordKey, input: PutInput): Promise<PutResult | undefined> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ key, input, resolve, reject });
      this.#schedule();
    });
  }

  /**
   * Starts batches after the requests that arrived together have all queued their puts (the
   * next turn of the event loop). PGlite runs each statement on this thread, blocking it: started
   * at once, every batch would hold exactly one put.
   */
  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#inFlight < this.#maxInFlight && this.#queue.length) {
      const batch: Pending[] = [];
      const rest: Pending[] = [];
      const taken = new Set<string>();
      for (const item of this.#queue) {
        const id = `${item.key.community}\u0000${item.key.collection}\u0000${item.key.id}`;
        if (batch.length < this.#maxBatch && !taken.has(id)) {
          taken.add(id);
          batch.push(item);
        } else rest.push(item);
      }
      this.#queue = rest;
      this.#inFlight++;
      void this.#run(batch).finally(() => {
        this.#inFlight--;
        this.#schedule();
      });
    }
  }

  async #run(batch: Pending[]): Promise<void> {
    if (batch.length === 1) {
      const [item] = batch as [Pending];
      await putRecord(this.#db, item.key, item.input).then(item.resolve, item.reject);
      return;
    }
    type Row = { community: string; collection: string; id: string; seq: string; json: string; rev: number };
    let rows: Row[];
    try {
      rows = await this.#db.query<Row>(BATCH_PUT_SQL, [
        batch.map((b) => b.key.community),
        batch.map((b) => b.key.collection),
        batch.map((b) => b.key.id),
        batch.map((b) => b.input.valueJson),
        batch.map((b) => b.input.actor),
        batch.map((b) => b.input.expectedRev),
        batch.map((b) => b.input.idempotency?.actor ?? null),
        batch.map((b) => b.input.idempotency?.key ?? null),
        batch.map((b) => b.input.wasPublic),
        batch.map((b) => b.input.isPublic),
        batch.map((b) => b.input.idempotency?.method ?? null),
        batch.map((b) => b.input.idempotency?.bodyHash ?? null),
      ]);
    } catch {
      // One of them spoiled the batch: each on its own, so only that one fails.
      await Promise.all(
        batch.map((item) => putRecord(this.#db, item.key, item.input).then(item.resolve, item.reject)),
      );
      return;
    }
    // A batch holds each record once, so (community, collection, id) finds each put's row.
    const byKey = new Map(rows.map((row) => [`${row.community}\u0000${row.collection}\u0000${row.id}`, row]));
    for (const item of batch) {
      const row = byKey.get(`${item.key.community}\u0000${item.key.collection}\u0000${item.key.id}`);
      // No row: the record exists (a create) or moved on (an update): the caller answers 409.
      item.resolve(row ? { json: row.json, rev: Number(row.rev), seq: row.seq } : undefined);
    }
  }
}
