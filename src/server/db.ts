/**
 * The database behind tend-server, as one small interface over two engines: PGlite (PostgreSQL
 * compiled to WebAssembly, embedded, one process) and a real PostgreSQL through `pg` (any number
 * of server processes). The same SQL runs on both: PGlite embeds a newer PostgreSQL than
 * Debian's 15, so the schema uses nothing newer than 15.
 */
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { StartupError } from './config.js';
import type { Logger } from './logger.js';

export interface Queryable {
  /** Runs one statement; `$1…` parameters. Rows come back as plain objects. */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `body` in one transaction on one connection; rolls back when it throws. */
  transaction<T>(body: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Calls `onNotify` for every NOTIFY on `channel`, and `onResume` after the listening connection
   * was lost and is back (notifications may have been missed meanwhile). PGlite has no other
   * process to hear from: there it does nothing.
   */
  listen(channel: string, onNotify: (payload: string) => void, onResume: () => void): Promise<void>;
  close(): Promise<void>;
}

/** A PostgreSQL error code (`23505`, …) of an error thrown by either engine. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

const cannotWrite = (dataDir: string) =>
  new StartupError(`cannot write the data folder ${dataDir}: check its permissions or use --data`);

/** The lock file in a PGlite folder: it holds the pid of the one process that has the folder open. */
export const LOCK_FILE = 'tend-server.lock';

/** Lock files this process holds, removed when it exits however it exits (short of a kill -9). */
const heldLocks = new Set<string>();
process.once('exit', () => {
  for (const file of heldLocks)
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
});

/** The pid a lock file names; `undefined` while its owner is still writing it. */
function lockOwner(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the process `pid` still holds `file` (our own pid from an earlier life, as pid 1 in a container, does not). */
function holds(pid: number, file: string): boolean {
  if (pid === process.pid) return heldLocks.has(file);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the PGlite folder for this process: two processes on one folder would both accept writes
 * and one would lose them. A lock left by a process that is gone is taken over. Returns the unlock.
 */
async function lockFolder(dataDir: string): Promise<() => void> {
  const file = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o644);
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      heldLocks.add(file);
      return () => {
        if (heldLocks.delete(file)) unlinkSync(file);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw cannotWrite(dataDir);
    }
    const owner = lockOwner(file);
    if (owner === undefined && attempt < 10) {
      // Just created by a process that has not written its pid yet (or left empty by a crash).
      await new Promise((resolve) => setTimeout(resolve, 20));
      continue;
    }
    if (owner !== undefined && holds(owner, file))
      throw new StartupError(
        `${dataDir} is in use by another tend-server (pid ${owner}); stop it or use --data for another folder`,
      );
    // Stale. Moving it aside is atomic, so of two processes taking over only one moves it.
    const aside = `${file}.${process.pid}.stale`;
    try {
      renameSync(file, aside);
    } catch {
      continue;
    }
    if (lockOwner(aside) !== owner)
      try {
        // A live lock taken meanwhile was moved: put it back, unless another took its place.
        linkSync(aside, file);
      } catch {
        // Someone holds the folder now; the next round says who.
      }
    unlinkSync(aside);
  }
  throw new StartupError(`cannot lock the data folder ${dataDir}: another tend-server keeps starting there`);
}

async function openPGlite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch {
    throw cannotWrite(dataDir);
  }
  const unlock = await lockFolder(dataDir);
  let pg: import('@electric-sql/pglite').PGlite;
  try {
    pg = await PGlite.create({ dataDir });
  } catch (error) {
    unlock();
    throw error;
  }
  return {
    kind: 'pglite',
    async query<R>(sql: string, params?: readonly unknown[]) {
      return (await pg.query<R>(sql, params as unknown[] | undefined)).rows;
    },
    transaction<T>(body: (tx: Queryable) => Promise<T>) {
      return pg.transaction((tx) =>
        body({
          query: async <R>(sql: string, params?: readonly unknown[]) =>
            (await tx.query<R>(sql, params as unknown[])).rows,
        }),
      );
    },
    async listen() {},
    async close() {
      try {
        await pg.close();
      } finally {
        unlock();
      }
    },
  };
}

/** Network errors that mean nothing answers at the address. */
const NO_ANSWER = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/** Why the first connection failed, as one line naming where (never the password). */
function unreachable(error: unknown, url: string): unknown {
  const parsed = new URL(url);
  const where = `${parsed.searchParams.get('host') ?? (parsed.hostname || 'localhost')}:${parsed.port || '5432'}`;
  const first = (error as { errors?: unknown[] }).errors?.[0] ?? error;
  const code = sqlState(error) ?? sqlState(first);
  if (
    (code !== undefined && NO_ANSWER.has(code)) ||
    /timeout/i.test((error as Error | undefined)?.message ?? '')
  )
    return new StartupError(`cannot reach PostgreSQL at ${where}: is it running?`);
  if (code === '28P01' || code === '28000')
    return new StartupError(
      `PostgreSQL at ${where} refused user "${decodeURIComponent(parsed.username)}": check the user and password in DATABASE_URL`,
    );
  if (code === '3D000')
    return new StartupError(
      `PostgreSQL at ${where} has no database "${decodeURIComponent(parsed.pathname.slice(1))}": create it or fix DATABASE_URL`,
    );
  return error;
}

async function openPostgres(url: string, poolSize: number, logger: Logger): Promise<Database> {
  const { default: pg } = await import('pg');
  // Fail at start, clearly, when the database cannot be reached.
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await probe.connect();
  } catch (error) {
    throw unreachable(error, url);
  } finally {
    await probe.end().catch(() => undefined);
  }
  const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'tend-server' });
  // An idle client that loses its connection emits here; the pool replaces it.
  pool.on('error', (error) => logger.warn('database connection lost', { error }));
  let listener: import('pg').Client | undefined;
  let closing = false;

  const connectListener = async (
    channel: string,
    onNotify: (payload: string) => void,
    onResume: () => void,
    attempt: number,
  ): Promise<void> => {
    const client = new pg.Client({ connectionString: url, application_name: 'tend-server:listen' });
    client.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    const retry = (error: unknown) => {
      if (closing || listener !== client) return;
      listener = undefined;
      logger.warn('lost the LISTEN connection; reconnecting', { error });
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      const delay = Math.min(5000, 100 * 2 ** attempt);
      setTimeout(() => {
        if (!closing)
          connectListener(channel, onNotify, onResume, attempt + 1).catch((e: unknown) => retry(e));
      }, delay).unref();
    };
    listener = client;
    client.on('error', retry);
    client.on('end', () => retry(new Error('connection ended')));
    await client.connect();
    await client.query(`LISTEN ${channel}`);
    if (attempt > 0) {
      logger.info('LISTEN connection back');
      onResume();
    }
  };

  // Every statement is prepared once per connection and its plan reused: planning the write
  // statement costs about as much as running it. The server's statements are a small, fixed set.
  const names = new Map<string, string>();
  const named = (text: string, values?: readonly unknown[]) => {
    let name = names.get(text);
    if (!name) names.set(text, (name = `tend_${names.size + 1}`));
    return { name, text, values: values as unknown[] | undefined };
  };

  return {
    kind: 'postgres',
    async query<R>(sql: string, params?: readonly unknown[]) {
      return (await pool.query(named(sql, params))).rows as R[];
    },
    async transaction<T>(body: (tx: Queryable) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await body({
          query: async <R>(sql: string, params?: readonly unknown[]) =>
            (await client.query(sql, params as unknown[] | undefined)).rows as R[],
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    listen(channel, onNotify, onResume) {
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`bad channel name ${channel}`);
      return connectListener(channel, onNotify, onResume, 0);
    },
    async close() {
      closing = true;
      const client = listener;
      listener = undefined;
      await client?.end().catch(() => undefined);
      await pool.end();
    },
  };
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; without it, PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize: number;
  logger: Logger;
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.poolSize, options.logger)
    : await openPGlite(options.dataDir);
  try {
    await migrate(db, options.logger);
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  return db;
}

// ---------------------------------------------------------------------------------------------
// Schema

/**
 * Records, and the log of every change (which record, not its value: see migration 2). A change's place in the log is (tx, seq): `tx` is the
 * id of the transaction that wrote it, so a reader that only takes rows whose transaction is
 * older than every transaction still running never skips one that commits late (sequence
 * numbers alone are handed out before commit, and commits finish in any order).
 */
const MIGRATIONS: { version: number; name: string; statements: string[] }[] = [
  {
    version: 1,
    name: 'records, changes, idempotency',
    statements: [
      `CREATE TABLE tend_records (
        community text NOT NULL,
        collection text NOT NULL,
        id text NOT NULL,
        rev integer NOT NULL,
        value json NOT NULL,
        author text NOT NULL,
        owner text NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (community, collection, id)
      )`,
      `CREATE SEQUENCE tend_change_seq`,
      `CREATE TABLE tend_changes (
        seq bigint NOT NULL DEFAULT nextval('tend_change_seq'),
        tx xid8 NOT NULL DEFAULT pg_current_xact_id(),
        community text NOT NULL,
        collection text NOT NULL,
        id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('put', 'remove')),
        rev integer NOT NULL,
        owner text NOT NULL,
        record text,
        at timestamptz NOT NULL DEFAULT now(),
        -- Readers walk the log in this order. No other index: every index is paid on every write
        -- (pruning by age scans the table once an hour instead).
        PRIMARY KEY (tx, seq)
      )`,
      `CREATE TABLE tend_idempotency (
        actor text NOT NULL,
        key text NOT NULL,
        status smallint NOT NULL,
        body text,
        at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (actor, key)
      )`,
      `CREATE TABLE tend_meta (key text PRIMARY KEY, value text NOT NULL)`,
    ],
  },
  {
    version: 2,
    name: 'privacy: a log without values, idempotency bound to its request, count marks',
    statements: [
      // The log keeps which record changed, not what it said; readers join the record as it is now.
      `ALTER TABLE tend_changes DROP COLUMN record`,
      // Whether the version before and after a change was seen by anyone but its owner: a remove
      // goes only to viewers who could have seen one.
      `ALTER TABLE tend_changes ADD COLUMN was_public boolean NOT NULL DEFAULT false`,
      `ALTER TABLE tend_changes ADD COLUMN is_public boolean NOT NULL DEFAULT false`,
      // Old keys were bound to nothing but their person: forget them rather than replay them elsewhere.
      `DELETE FROM tend_idempotency`,
      `ALTER TABLE tend_idempotency ADD COLUMN method text NOT NULL DEFAULT ''`,
      `ALTER TABLE tend_idempotency ADD COLUMN community text NOT NULL DEFAULT ''`,
      `ALTER TABLE tend_idempotency ADD COLUMN collection text NOT NULL DEFAULT ''`,
      `ALTER TABLE tend_idempotency ADD COLUMN id text NOT NULL DEFAULT ''`,
      `ALTER TABLE tend_idempotency ADD COLUMN body_sha256 text NOT NULL DEFAULT ''`,
      // One count per person per post: an HMAC of community, post and person under a secret in
      // tend_meta. No person column, and the mark cannot be computed without the secret.
      `CREATE TABLE tend_count_marks (mark text PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())`,
    ],
  },
  {
    version: 3,
    name: 'concerns: the hash of each anonymous concern key',
    statements: [
      // The raiser of an anonymous concern proves it with a key only their browser holds; the
      // server keeps its SHA-256, apart from the record (whose value moderators read), and no person.
      `CREATE TABLE tend_concern_keys (
        community text NOT NULL,
        id text NOT NULL,
        key_sha256 text NOT NULL,
        PRIMARY KEY (community, id)
      )`,
    ],
  },
];

/** The schema version this code expects. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Changes whenever any migration's SQL does (tests key their template databases on it). */
export const SCHEMA_FINGERPRINT = (() => {
  let hash = 2166136261;
  for (const char of JSON.stringify(MIGRATIONS)) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return `${SCHEMA_VERSION}-${hash.toString(16)}`;
})();

/** Applies the migrations this database lacks, one transaction each, one process at a time. */
export async function migrate(db: Database, logger: Logger): Promise<void> {
  await db.transaction(async (tx) => {
    // Several processes may start together against one database: one migrates, the others wait.
    await tx.query('SELECT pg_advisory_xact_lock(87870001)');
    await tx.query(
      `CREATE TABLE IF NOT EXISTS tend_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    const rows = await tx.query<{ version: number }>('SELECT version FROM tend_migrations');
    const applied = new Set(rows.map((row) => Number(row.version)));
    const newest = Math.max(0, ...applied);
    if (newest > SCHEMA_VERSION)
      throw new StartupError(
        `the database schema (version ${newest}) is newer than this tend-server (${SCHEMA_VERSION}): upgrade tend-server`,
      );
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO tend_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      logger.info('migrated the database', {
        version: migration.version,
        migration: migration.name,
        engine: db.kind,
      });
    }
  });
}
