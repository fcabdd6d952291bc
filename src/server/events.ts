/**
 * Live changes: every process reads the `tend_changes` log from its own position and fans each
 * change out to its Server-Sent Events clients, filtered for each viewer. Processes wake each
 * other with NOTIFY (payload: a seq, nothing else); PGlite lives in one process, which wakes
 * itself after each write.
 *
 * Writes here wake the other processes with at most one NOTIFY every few milliseconds, sent after
 * the writes committed; a slow poll catches anything a lost notification would have missed.
 *
 * The log says which records changed, never what they said: each event carries the record as it
 * is NOW, filtered by the viewer's rights now. A viewer who may not see a record gets nothing
 * about it, not even a `remove`, unless a version they could see existed (the log keeps whether
 * each version was seen by others) or it is theirs.
 *
 * A position in the log is `<tx>-<seq>` (see db.ts); event ids are `<log id>.<tx>-<seq>`, the log
 * id being random per database, so an id from another database is not mistaken for a place in
 * this one. The reader only takes changes whose transaction is older than every transaction
 * still running, so a change that commits late is never skipped; a client that reconnects with
 * `Last-Event-ID` gets the present state of each record changed after it, once, or `reset` when
 * the id is unknown, from another database, past the end, or older than the log keeps.
 */
import { randomBytes } from 'node:crypto';
import type { Database } from './db.js';
import type { Logger } from './logger.js';
import { CHANGES_CHANNEL, metaValue, recordJson } from './records.js';
import { seesPublic, sharedForm, type SharedForm } from './list-cache.js';
import { shownJson, type CollectionRule, type Identity, type Rules } from './rights.js';

/** A place in the changes log. */
export interface Position {
  tx: bigint;
  seq: bigint;
}

export const formatPosition = (p: Position): string => `${p.tx}-${p.seq}`;

export function parsePosition(text: string | null | undefined): Position | undefined {
  const match = /^(\d{1,20})-(\d{1,20})$/.exec(text?.trim() ?? '');
  return match ? { tx: BigInt(match[1]!), seq: BigInt(match[2]!) } : undefined;
}

const after = (a: Position, b: Position): boolean => a.tx > b.tx || (a.tx === b.tx && a.seq > b.seq);

/** One change as read from the log, with the record as it is now. */
export interface LoggedChange {
  position: Position;
  community: string;
  collection: string;
  id: string;
  kind: 'put' | 'remove';
  /** Whose record it was at this change. */
  owner: string;
  /** Whether the version before, and the one after, this change was seen by anyone but its owner. */
  wasPublic: boolean;
  isPublic: boolean;
  /** The record as it is now (JSON text), and its owner; null when it no longer exists. */
  current: string | null;
  currentOwner: string | null;
}

interface LogRow {
  tx: string;
  seq: string;
  community: string;
  collection: string;
  id: string;
  kind: 'put' | 'remove';
  owner: string;
  was_public: boolean;
  is_public: boolean;
  current: string | null;
  current_owner: string | null;
  xmin: string;
}

const BATCH = 500;
/** At most one NOTIFY this often (ms): many writes, one wake-up. */
const NOTIFY_EVERY_MS = 10;
/** How often the log is read even without a NOTIFY (PostgreSQL): a lost one delays a change by this much at most. */
const SAFETY_POLL_MS = 1000;
/** Longest a timer may wait in Node (about 24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The next changes after a position, each with its record as it is now. */
const LOG_QUERY = (filter: string) => `
  SELECT c.tx::text AS tx, c.seq::text AS seq, c.community, c.collection, c.id, c.kind, c.owner,
    c.was_public, c.is_public,
    CASE WHEN r.id IS NULL THEN NULL ELSE ${recordJson('r')} END AS current, r.owner AS current_owner,
    (SELECT pg_snapshot_xmin(pg_current_snapshot()))::text AS xmin
  FROM tend_changes c
  LEFT JOIN tend_records r ON r.community = c.community AND r.collection = c.collection AND r.id = c.id
  WHERE (c.tx, c.seq) > ($1::xid8, $2::bigint) ${filter}
  ORDER BY c.tx, c.seq
  LIMIT ${BATCH}`;

function toChange(row: LogRow): LoggedChange {
  return {
    position: { tx: BigInt(row.tx), seq: BigInt(row.seq) },
    community: row.community,
    collection: row.collection,
    id: row.id,
    kind: row.kind,
    owner: row.owner,
    wasPublic: row.was_public === true || (row.was_public as unknown) === 't',
    isPublic: row.is_public === true || (row.is_public as unknown) === 't',
    current: row.current,
    currentOwner: row.current_owner,
  };
}

/** Reads stable changes after `from`: those whose transaction finished before any running one. */
async function readLog(db: Database, from: Position, filter = '', params: unknown[] = []) {
  const rows = await db.query<LogRow>(LOG_QUERY(filter), [
    from.tx.toString(),
    from.seq.toString(),
    ...params,
  ]);
  const xmin = rows.length ? BigInt(rows[0]!.xmin) : 0n;
  const stable: LoggedChange[] = [];
  let unsettled = false;
  for (const row of rows) {
    if (BigInt(row.tx) >= xmin) {
      unsettled = true;
      break;
    }
    stable.push(toChange(row));
  }
  return { stable, unsettled, full: rows.length === BATCH };
}

/** The changes of one record in a stretch of the log: what a viewer is told about it. */
interface Touched {
  change: LoggedChange;
  /** Some version in the stretch was seen by others. */
  anyPublic: boolean;
  /** Everyone the record belonged to in the stretch. */
  owners: Set<string>;
}

/** One record's change as fanned out: its public frame shared by every viewer with no tie to it. */
interface SharedChange extends Touched {
  rule: CollectionRule;
  form: SharedForm | undefined;
  id: string;
  publicFrame: Uint8Array | undefined;
}

/** Folds changes into one entry per record, ordered by each record's last change. */
function touch(into: Map<string, Touched>, changes: readonly LoggedChange[]): Map<string, Touched> {
  for (const change of changes) {
    const key = `${change.community}\u0000${change.collection}\u0000${change.id}`;
    const held = into.get(key);
    into.delete(key);
    const owners = held?.owners ?? new Set<string>();
    owners.add(change.owner);
    into.set(key, {
      change,
      anyPublic: (held?.anyPublic ?? false) || change.wasPublic || change.isPublic,
      owners,
    });
  }
  return into;
}

const encoder = new TextEncoder();

/** One SSE frame; data lines split so a newline inside the JSON cannot end the event early. */
function frame(fields: { id?: string; event?: string; data: string }): Uint8Array {
  let text = '';
  if (fields.event) text += `event: ${fields.event}\n`;
  if (fields.id) text += `id: ${fields.id}\n`;
  text += `data: ${fields.data.replace(/\r\n|\r|\n/g, '\ndata: ')}\n\n`;
  return encoder.encode(text);
}

/** Where an event stream is written: Node's `ServerResponse` (it buffers what the socket cannot take yet). */
export interface EventSink {
  write(bytes: Uint8Array): boolean;
  /** Bytes written and not yet taken by the socket. */
  readonly writableLength: number;
  end(): void;
  destroy(): void;
  once(event: 'close', listener: () => void): unknown;
}

/** A connected SSE client. */
interface Client {
  community: string;
  /** Collections it listens to; `null`: every collection it may read. */
  collections: ReadonlySet<string> | null;
  viewer: Identity | undefined;
  position: Position;
  /** False until it has caught up with the log (a resumed client). */
  live: boolean;
  send(bytes: Uint8Array): boolean;
  close(): void;
}

export interface ChangeFeedOptions {
  db: Database;
  rules: Rules;
  logger: Logger;
  /** Called for every change read from the log, before it is fanned out (list caches listen). */
  onChange?: (change: LoggedChange) => void;
  /** Comment line sent to keep idle connections open. Default every 25 s. */
  heartbeatMs?: number;
  /**
   * How much may wait unsent for one client (bytes). A stream that falls further behind is sent
   * `reset` and closed: it reconnects and reads afresh. Default 1 MiB.
   */
  maxBufferedBytes?: number;
  /** How long a stream that was sent `reset` may take to read it before its connection is cut. Default 10 s. */
  resetGraceMs?: number;
}

export class ChangeFeed {
  readonly #db: Database;
  readonly #rules: Rules;
  readonly #logger: Logger;
  readonly #onChange: ((change: LoggedChange) => void) | undefined;
  readonly #clients = new Set<Client>();
  readonly #heartbeatMs: number;
  readonly #maxBuffered: number;
  readonly #resetGraceMs: number;
  /** Where this process has read the log up to. */
  #position: Position = { tx: 0n, seq: 0n };
  /** One read of the log at a time, in order: polls and catch-ups never interleave. */
  #lane: Promise<void> = Promise.resolve();
  #pollQueued = false;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #retryDelay = 10;
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  #safetyPoll: ReturnType<typeof setInterval> | undefined;
  /** The newest seq written here and not yet announced to other processes. */
  #unannounced: string | undefined;
  #notifyTimer: ReturnType<typeof setTimeout> | undefined;
  #lastNotify = 0;
  #notifying: Promise<void> = Promise.resolve();
  #closed = false;
  /** This database's log id: the prefix of every event id. */
  #logId = '';
  readonly #listeners = new Set<(change: LoggedChange) => void>();
  readonly #closers: (() => void)[] = [];

  constructor(options: ChangeFeedOptions) {
    this.#db = options.db;
    this.#rules = options.rules;
    this.#logger = options.logger;
    this.#onChange = options.onChange;
    this.#heartbeatMs = options.heartbeatMs ?? 25_000;
    this.#maxBuffered = options.maxBufferedBytes ?? 1024 * 1024;
    this.#resetGraceMs = options.resetGraceMs ?? 10_000;
  }

  get position(): Position {
    return this.#position;
  }

  /** Calls `listener` for every change read from the log (after the list caches). Returns the unsubscribe function. */
  onChange(listener: (change: LoggedChange) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Calls `listener` when the feed closes (things that send on its streams stop then). */
  onClose(listener: () => void): void {
    this.#closers.push(listener);
  }

  /** Sends one event that names no record (e.g. `aggregate`) to every stream of a community. */
  sendToCommunity(community: string, event: string, data: string): void {
    const bytes = frame({ event, data });
    for (const client of this.#clients) if (client.community === community) client.send(bytes);
  }

  /** An event id for a position: `<log id>.<tx>-<seq>`. */
  #eventId(position: Position): string {
    return `${this.#logId}.${formatPosition(position)}`;
  }

  /** The position an event id names in this log, or undefined (another log, an old format, nonsense). */
  #parseEventId(text: string): Position | undefined {
    const dot = text.indexOf('.');
    if (dot < 0 || text.slice(0, dot) !== this.#logId) return undefined;
    return parsePosition(text.slice(dot + 1));
  }

  /** Starts reading from the log's present and listening for other processes. */
  async start(): Promise<void> {
    this.#logId = await metaValue(this.#db, 'log_id', () => randomBytes(6).toString('hex'));
    const rows = await this.#db.query<{ xmin: string }>(
      'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin',
    );
    // Everything of a transaction older than every running one is history; the rest is to come.
    this.#position = { tx: BigInt(rows[0]!.xmin), seq: 0n };
    await this.#db.listen(
      CHANGES_CHANNEL,
      () => this.poll(),
      () => this.poll(),
    );
    this.#heartbeat = setInterval(() => this.#broadcast(encoder.encode(': ping\n\n')), this.#heartbeatMs);
    this.#heartbeat.unref();
    if (this.#db.kind === 'postgres') {
      this.#safetyPoll = setInterval(() => this.poll(), SAFETY_POLL_MS);
      this.#safetyPoll.unref();
    }
    this.poll();
  }

  /**
   * A change with `seq` was committed here: read it (for this process's streams) and wake the
   * other processes — right away when all is quiet, else with the next NOTIFY, which comes
   * within a few milliseconds and stands for every write since the last one.
   */
  announce(seq: string): void {
    this.poll();
    if (this.#db.kind !== 'postgres') return;
    if (this.#unannounced === undefined || BigInt(seq) > BigInt(this.#unannounced)) this.#unannounced = seq;
    if (this.#notifyTimer) return;
    const wait = Math.max(0, this.#lastNotify + NOTIFY_EVERY_MS - Date.now());
    this.#notifyTimer = setTimeout(() => this.#notify(), wait);
  }

  #notify(): void {
    clearTimeout(this.#notifyTimer);
    this.#notifyTimer = undefined;
    const seq = this.#unannounced;
    if (seq === undefined) return;
    this.#unannounced = undefined;
    this.#lastNotify = Date.now();
    this.#notifying = this.#db
      .query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, seq])
      .then(() => undefined)
      .catch((error: unknown) =>
        this.#logger.warn('NOTIFY failed; other processes catch up by polling', { error }),
      );
  }

  /** Reads new changes soon (after a write here, or a NOTIFY from another process). */
  poll(): void {
    if (this.#pollQueued || this.#closed) return;
    this.#pollQueued = true;
    this.#enqueue(async () => {
      this.#pollQueued = false;
      await this.#pollNow();
    });
  }

  /** Resolves once every change committed before the call has been read, sent and announced. */
  async settle(): Promise<void> {
    this.poll();
    this.#notify();
    await this.#lane;
    await this.#notifying;
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#lane.then(task).catch((error: unknown) => {
      if (!this.#closed) this.#logger.error('reading the changes log failed', { error });
      this.#scheduleRetry();
    });
    this.#lane = run;
    return run;
  }

  async #pollNow(): Promise<void> {
    for (;;) {
      const { stable, unsettled, full } = await readLog(this.#db, this.#position);
      const from = this.#position;
      if (stable.length) {
        this.#position = stable[stable.length - 1]!.position;
        for (const change of stable) {
          this.#onChange?.(change);
          for (const listener of this.#listeners) listener(change);
        }
        this.#fanOut(stable, from);
      }
      if (full && stable.length) continue;
      // A transaction still running holds changes back: look again shortly (its NOTIFY may come first).
      if (unsettled) this.#scheduleRetry();
      else this.#retryDelay = 10;
      return;
    }
  }

  #scheduleRetry(): void {
    if (this.#retry || this.#closed) return;
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      this.poll();
    }, this.#retryDelay);
    this.#retry.unref?.();
    this.#retryDelay = Math.min(1000, this.#retryDelay * 2);
  }

  /**
   * Sends new changes to every live client. Each record's change is worked out once: its public
   * form (what a viewer with no tie to it sees) becomes one frame shared by all those viewers;
   * only the people tied to it (its owners, a post's claimants, moderators) have `view` asked
   * for them alone.
   */
  #fanOut(changes: LoggedChange[], from: Position): void {
    let byCommunity: Map<string, SharedChange[]> | undefined;
    for (const client of this.#clients) {
      if (!client.live) continue;
      if (after(client.position, from)) {
        // It resumed from further on (another process was ahead): it skips what it has seen.
        this.#deliver(
          client,
          changes.filter((c) => after(c.position, client.position)),
        );
      } else {
        byCommunity ??= this.#share(changes);
        const shared = byCommunity.get(client.community);
        if (shared) this.#deliverShared(client, shared);
      }
      if (after(this.#position, client.position)) client.position = this.#position;
    }
  }

  /** The changes of each community, one per record, with their shared forms. */
  #share(changes: LoggedChange[]): Map<string, SharedChange[]> {
    const touched = new Map<string, Map<string, Touched>>();
    for (const change of changes) {
      let community = touched.get(change.community);
      if (!community) touched.set(change.community, (community = new Map()));
      touch(community, [change]);
    }
    const shared = new Map<string, SharedChange[]>();
    for (const [community, records] of touched) {
      const list: SharedChange[] = [];
      for (const t of records.values()) {
        const rule = this.#rules.get(t.change.collection);
        if (!rule) continue;
        const form =
          t.change.current === null
            ? undefined
            : sharedForm(rule, t.change.current, t.change.currentOwner ?? '');
        const id = this.#eventId(t.change.position);
        const data = eventData(rule, t.change, undefined, t.anyPublic);
        list.push({
          ...t,
          rule,
          form,
          id,
          publicFrame: data === undefined ? undefined : frame({ id, data }),
        });
      }
      shared.set(community, list);
    }
    return shared;
  }

  /** Sends `changes` to one client: each record's present state, as that client's viewer may see it now. */
  #deliver(client: Client, changes: LoggedChange[]): void {
    const mine = changes.filter(
      (c) =>
        c.community === client.community && (!client.collections || client.collections.has(c.collection)),
    );
    if (mine.length) this.#deliverTouched(client, touch(new Map(), mine));
  }

  #deliverTouched(client: Client, touched: Map<string, Touched>): void {
    for (const { change, anyPublic, owners } of touched.values()) {
      const rule = this.#rules.get(change.collection);
      if (!rule) continue;
      const data = eventData(rule, change, client.viewer, anyPublic || owners.has(client.viewer?.id ?? ''));
      if (data === undefined) continue;
      if (!client.send(frame({ id: this.#eventId(change.position), data }))) return;
    }
  }

  #deliverShared(client: Client, shared: readonly SharedChange[]): void {
    const viewer = client.viewer;
    for (const s of shared) {
      if (client.collections && !client.collections.has(s.change.collection)) continue;
      const own =
        viewer !== undefined &&
        (s.owners.has(viewer.id) || (s.form !== undefined && !seesPublic(s.rule, s.form, viewer)));
      let bytes = s.publicFrame;
      if (own) {
        const data = eventData(s.rule, s.change, viewer, s.anyPublic || s.owners.has(viewer.id));
        bytes = data === undefined ? undefined : frame({ id: s.id, data });
      }
      if (bytes && !client.send(bytes)) return;
    }
  }

  #broadcast(bytes: Uint8Array): void {
    for (const client of this.#clients) client.send(bytes);
  }

  /**
   * Opens an event stream for one client. `lastEventId` resumes after that position; without it
   * the stream starts at this process's present. An id this log does not know (another database,
   * an old format, past the end) or older than what the log still keeps gets a `reset` event: the
   * client should read the whole collection again. The stream ends when the viewer's token
   * expires, so the client reconnects with a fresh one.
   */
  connect(options: {
    community: string;
    collections: ReadonlySet<string> | null;
    viewer: Identity | undefined;
    lastEventId?: string | undefined;
    /** Where the stream is written: the response, its head already sent. */
    out: EventSink;
  }): void {
    const resumeFrom = options.lastEventId ? this.#parseEventId(options.lastEventId) : undefined;
    const start = resumeFrom ?? this.#position;
    const out = options.out;
    let open = true;
    let expiry: ReturnType<typeof setTimeout> | undefined;
    const forget = () => {
      open = false;
      clearTimeout(expiry);
      this.#clients.delete(client);
    };
    const client: Client = {
      community: options.community,
      collections: options.collections,
      viewer: options.viewer,
      position: start,
      live: resumeFrom === undefined,
      send: (bytes) => {
        if (!open) return false;
        // What waits unsent sits in the response's buffer: bounded, never more than the limit.
        if (out.writableLength + bytes.length > this.#maxBuffered) {
          // It cannot keep up: rather than hold its backlog, tell it to read afresh, and end it.
          this.#logger.warn('an event stream fell behind: sent reset and closed', {
            community: client.community,
          });
          out.write(frame({ event: 'reset', data: '{"reason":"too-slow"}' }));
          client.close();
          // One that does not even read that is cut off.
          const cut = setTimeout(() => out.destroy(), this.#resetGraceMs);
          cut.unref?.();
          out.once('close', () => clearTimeout(cut));
          return false;
        }
        out.write(bytes);
        return true;
      },
      close: () => {
        if (!open) return;
        forget();
        out.end();
      },
    };
    out.once('close', forget);
    out.write(encoder.encode('retry: 2000\n\n'));
    const expiresAt = options.viewer?.expiresAt;
    if (expiresAt !== undefined)
      expiry = setTimeout(() => client.close(), Math.min(MAX_TIMER_MS, Math.max(0, expiresAt - Date.now())));
    expiry?.unref?.();
    this.#clients.add(client);
    if (options.lastEventId && !resumeFrom) {
      client.send(frame({ event: 'reset', data: '{"reason":"unknown-position"}' }));
      client.send(frame({ event: 'ready', id: this.#eventId(start), data: '{}' }));
    } else if (client.live) {
      client.send(frame({ event: 'ready', id: this.#eventId(start), data: '{}' }));
    } else {
      void this.#enqueue(() => this.#catchUp(client));
    }
  }

  /** Whether a position lies past the end of the log: no client was ever given it. */
  async #pastTheEnd(position: Position): Promise<boolean> {
    const rows = await this.#db.query<{ xmin: string; last: string; called: boolean | string }>(
      `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin, last_value::text AS last, is_called AS called
       FROM tend_change_seq`,
    );
    const row = rows[0]!;
    const lastSeq = row.called === true || row.called === 't' ? BigInt(row.last) : 0n;
    // Ids handed out are of settled changes (tx below the oldest running one) or `ready` positions.
    return position.tx > BigInt(row.xmin) || position.seq > lastSeq;
  }

  /** Sends a resumed client the present state of each record changed since, then lets it follow live changes. */
  async #catchUp(client: Client): Promise<void> {
    try {
      const pruned = await this.#db.query<{ value: string }>(
        "SELECT value FROM tend_meta WHERE key = 'pruned_through'",
      );
      const prunedThrough = parsePosition(pruned[0]?.value);
      if (
        (prunedThrough && after(prunedThrough, client.position)) ||
        (await this.#pastTheEnd(client.position))
      ) {
        client.send(frame({ event: 'reset', data: '{"reason":"unknown-position"}' }));
        client.position = this.#position;
      }
      const until = this.#position;
      const touched = new Map<string, Touched>();
      let read = client.position;
      while (after(until, read)) {
        const { stable } = await readLog(
          this.#db,
          read,
          'AND c.community = $3 AND (c.tx, c.seq) <= ($4::xid8, $5::bigint)',
          [client.community, until.tx.toString(), until.seq.toString()],
        );
        if (!stable.length) break;
        const wanted = stable.filter((c) => !client.collections || client.collections.has(c.collection));
        touch(touched, wanted);
        read = stable[stable.length - 1]!.position;
      }
      // Once per record, as it is now: a record changed twice since is sent once.
      this.#deliverTouched(client, touched);
      if (after(until, client.position)) client.position = until;
      client.live = true;
      client.send(frame({ event: 'ready', id: this.#eventId(client.position), data: '{}' }));
    } catch (error) {
      this.#logger.error('catching up an event stream failed', { error });
      client.close();
    }
  }

  /** Ends every stream (clients reconnect, to this process or another) and stops reading. */
  close(): void {
    this.#closed = true;
    for (const closer of this.#closers.splice(0)) closer();
    clearInterval(this.#heartbeat);
    clearInterval(this.#safetyPoll);
    clearTimeout(this.#retry);
    for (const client of [...this.#clients]) client.close();
  }
}

/**
 * The `data:` of one record's change for one viewer: the record as it is now when they may see
 * it; a `remove` when they may not but could see a version (`couldSee`); otherwise nothing.
 */
function eventData(
  rule: CollectionRule,
  change: LoggedChange,
  viewer: Identity | undefined,
  couldSee: boolean,
): string | undefined {
  const head = `"collection":${JSON.stringify(change.collection)},"id":${JSON.stringify(change.id)}`;
  const shown =
    change.current === null ? undefined : shownJson(rule, change.current, change.currentOwner ?? '', viewer);
  if (shown !== undefined) return `{"type":"put",${head},"record":${shown}}`;
  return couldSee ? `{"type":"remove",${head}}` : undefined;
}
