/**
 * Record reads and writes in SQL. Each write is ONE statement: the compare-and-set on the
 * record, its row in the changes log, the idempotency entry and the NOTIFY commit together or
 * not at all, in one round trip. The database builds the JSON that goes out.
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
const recordJson = (t: string) =>
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

export async function getRecord(db: Queryable, key: RecordKey): Promise<Row | undefined> {
  const rows = await db.query<Row>(
    `SELECT ${recordJson('r')} AS json, r.owner FROM tend_records r
     WHERE r.community = $1 AND r.collection = $2 AND r.id = $3`,
    [key.community, key.collection, key.id],
  );
  return rows[0];
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

export interface Idempotency {
  actor: string;
  key: string;
}

/** A response stored for an idempotency key, replayed when the same write comes again. */
export interface StoredResponse {
  status: number;
  body: string | null;
}

export async function findResponse(db: Queryable, idem: Idempotency): Promise<StoredResponse | undefined> {
  const rows = await db.query<{ status: number; body: string | null }>(
    'SELECT status, body FROM tend_idempotency WHERE actor = $1 AND key = $2',
    [idem.actor, idem.key],
  );
  const row = rows[0];
  return row ? { status: Number(row.status), body: row.body } : undefined;
}

const logChange = (source: string, kind: 'put' | 'remove') =>
  `c AS (
    INSERT INTO tend_changes (seq, community, collection, id, kind, rev, owner)
    SELECT s.seq, w.community, w.collection, w.id, '${kind}', w.rev, w.owner FROM ${source} w, s
    RETURNING seq
  ),
  n AS (SELECT pg_notify('${CHANGES_CHANNEL}', seq::text) FROM c)`;

/** Stores the response for an idempotency key ($a: actor, $k: key; no key: nothing stored). */
const remember = (source: string, status: string, body: string, a: string, k: string) =>
  `i AS (
    INSERT INTO tend_idempotency (actor, key, status, body)
    SELECT ${a}::text, ${k}::text, ${status}, ${body} FROM ${source} w WHERE ${k}::text IS NOT NULL
  )`;

export interface PutResult {
  /** The record as JSON text. */
  json: string;
  rev: number;
}

/**
 * Writes a record if it is still at `expectedRev` (`null`: only if it does not exist). Returns
 * undefined when the record moved on meanwhile (the caller answers 409).
 */
export async function putRecord(
  db: Queryable,
  key: RecordKey,
  input: {
    valueJson: string;
    actor: string;
    expectedRev: number | null;
    idempotency?: Idempotency | undefined;
  },
): Promise<PutResult | undefined> {
  const create = input.expectedRev === null;
  const write = create
    ? `w AS (
        INSERT INTO tend_records AS r (community, collection, id, rev, value, author, owner, updated_at, change_seq)
        SELECT $1, $2, $3, 1, $4::json, $5, $5, now(), s.seq FROM s
        ON CONFLICT (community, collection, id) DO NOTHING
        RETURNING r.*
      )`
    : `w AS (
        UPDATE tend_records AS r
        SET rev = r.rev + 1, value = $4::json, author = $5, updated_at = now(), change_seq = s.seq
        FROM s
        WHERE r.community = $1 AND r.collection = $2 AND r.id = $3 AND r.rev = $8
        RETURNING r.*
      )`;
  const sql = `WITH s AS (SELECT nextval('tend_change_seq') AS seq),
    ${write},
    ${logChange('w', 'put')},
    ${remember('w', create ? '201' : '200', recordJson('w'), '$6', '$7')}
    SELECT ${recordJson('w')} AS json, w.rev, (SELECT count(*) FROM n)::int AS notified FROM w`;
  const params: unknown[] = [
    key.community,
    key.collection,
    key.id,
    input.valueJson,
    input.actor,
    input.idempotency?.actor ?? null,
    input.idempotency?.key ?? null,
  ];
  if (!create) params.push(input.expectedRev);
  const rows = await db.query<{ json: string; rev: number }>(sql, params);
  const row = rows[0];
  return row ? { json: row.json, rev: Number(row.rev) } : undefined;
}

/** Deletes a record if it is still at `rev`. Returns false when it moved on or is gone. */
export async function removeRecord(
  db: Queryable,
  key: RecordKey,
  input: { rev: number; idempotency?: Idempotency | undefined },
): Promise<boolean> {
  const sql = `WITH s AS (SELECT nextval('tend_change_seq') AS seq),
    w AS (
      DELETE FROM tend_records r
      WHERE r.community = $1 AND r.collection = $2 AND r.id = $3 AND r.rev = $4
      RETURNING r.*
    ),
    ${logChange('w', 'remove')},
    ${remember('w', '204', 'NULL::text', '$5', '$6')}
    SELECT w.rev, (SELECT count(*) FROM n)::int AS notified FROM w`;
  const rows = await db.query(sql, [
    key.community,
    key.collection,
    key.id,
    input.rev,
    input.idempotency?.actor ?? null,
    input.idempotency?.key ?? null,
  ]);
  return rows.length > 0;
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
