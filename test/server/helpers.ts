/**
 * What the server tests share: a real tend-server over HTTP on PGlite (a fresh copy of a
 * migrated data folder, so no test pays PGlite's 4-second first start) or on the PostgreSQL of
 * TEND_TEST_DATABASE_URL; tokens; a small SSE reader; spawning the real `tend-server` bin for
 * the crash, restart and two-process tests; and the attacker-side tests' people and views.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, renameSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startServer, type StartOptions, type TendServer } from '../../src/server/app.js';
import { signToken } from '../../src/server/auth.js';
import { defaultConfig, type ServerConfig } from '../../src/server/config.js';
import { openDatabase, SCHEMA_FINGERPRINT } from '../../src/server/db.js';
import { createLogger } from '../../src/server/logger.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SECRET = 'test-secret-that-is-long-enough-0123456789';
export const PG_URL = process.env.TEND_TEST_DATABASE_URL || undefined;

export type Engine = 'pglite' | 'postgres';
/** The engines to run on: PGlite always, PostgreSQL when TEND_TEST_DATABASE_URL is set. */
export const ENGINES: Engine[] = PG_URL ? ['pglite', 'postgres'] : ['pglite'];

let unique = 0;
/** A name no other test (or earlier run on the same PostgreSQL) uses. */
/** An hour from now, for a check-in that has not expired. */
const soon = () => new Date(Date.now() + 3600_000).toISOString();

/** A check-in of `person` in the circle "street", shared as `visibility`, with a note of theirs. */
export const checkIn = (person: string, visibility: string, extra: Record<string, unknown> = {}) => ({
  circle: 'street',
  personId: person,
  personName: `${person} name`,
  level: 'plenty',
  kinds: ['listening'],
  note: `note of ${person}`,
  expiresAt: soon(),
  visibility,
  updatedAt: new Date().toISOString(),
  ...extra,
});

export const uniqueName = (prefix = 'c') => `${prefix}-${process.pid}-${Date.now().toString(36)}-${unique++}`;

const pgliteVersion = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
    version: string;
  }
).version;
const TEMPLATE = join(tmpdir(), `tend-test-pglite-${pgliteVersion}-schema${SCHEMA_FINGERPRINT}`);

/** A migrated PGlite data folder, made once per machine and copied for each server. */
async function template(): Promise<string> {
  if (existsSync(join(TEMPLATE, 'PG_VERSION'))) return TEMPLATE;
  const building = mkdtempSync(join(tmpdir(), 'tend-test-template-'));
  const db = await openDatabase({
    dataDir: building,
    poolSize: 1,
    logger: createLogger({ level: 'silent' }),
  });
  await db.close();
  try {
    renameSync(building, TEMPLATE);
  } catch {
    // Another test file made it first.
    rmSync(building, { recursive: true, force: true });
  }
  return TEMPLATE;
}

/** A fresh, migrated PGlite data folder; removed by the returned function. */
export async function freshDataDir(): Promise<{ dir: string; remove: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'tend-test-data-'));
  cpSync(await template(), dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function testConfig(engine: Engine, overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    ...defaultConfig(),
    port: 0,
    host: '127.0.0.1',
    jwtSecret: SECRET,
    databaseUrl: engine === 'postgres' ? PG_URL : undefined,
    extraCollections: ['notes', 'slots', 'offers'],
    openCollections: ['shared'],
    rateLimit: false,
    logLevel: (process.env.TEND_TEST_LOG as ServerConfig['logLevel']) || 'silent',
    shutdownTimeoutMs: 3000,
    ...overrides,
  };
}

export interface TestServer extends TendServer {
  engine: Engine;
  /** Stops the server and removes its data folder (PGlite). */
  stop(): Promise<void>;
}

/** A tend-server in this process, on a fresh PGlite folder or the test PostgreSQL. */
export async function startTestServer(
  engine: Engine,
  overrides: Partial<ServerConfig> = {},
  options: StartOptions = {},
): Promise<TestServer> {
  const data = engine === 'pglite' && !overrides.dataDir ? await freshDataDir() : undefined;
  const config = testConfig(engine, { ...(data ? { dataDir: data.dir } : {}), ...overrides });
  const server = await startServer(config, options);
  return Object.assign(server, {
    engine,
    async stop() {
      await server.close();
      data?.remove();
    },
  });
}

export function token(
  sub: string,
  options: {
    name?: string;
    role?: 'moderator';
    expiresInSeconds?: number;
    now?: number;
    secret?: string;
  } = {},
): Promise<string> {
  return signToken(
    options.secret ?? SECRET,
    { sub, name: options.name, role: options.role },
    { expiresInSeconds: options.expiresInSeconds ?? 3600, now: options.now },
  );
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

/** One HTTP request; a JSON body is sent as JSON, a string as it is. */
export async function call(
  base: string,
  method: string,
  path: string,
  options: { token?: string | undefined; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(base + path, { method, headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** A client of one server, as one person. */
export function client(base: string, bearer?: string) {
  return {
    get: (path: string) => call(base, 'GET', path, { token: bearer }),
    put: (path: string, value: unknown, rev?: number, headers: Record<string, string> = {}) =>
      call(base, 'PUT', path, {
        token: bearer,
        body: { value },
        headers: rev === undefined ? headers : { ...headers, 'if-match': String(rev) },
      }),
    /** A named operation on the record at `path` (`POST <path>/ops`). */
    op: (path: string, operation: unknown, rev?: number, headers: Record<string, string> = {}) =>
      call(base, 'POST', `${path}/ops`, {
        token: bearer,
        body: operation,
        headers: rev === undefined ? headers : { ...headers, 'if-match': String(rev) },
      }),
    del: (path: string, rev?: number) =>
      call(base, 'DELETE', path, {
        token: bearer,
        headers: rev === undefined ? {} : { 'if-match': String(rev) },
      }),
  };
}

export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

/** Reads a text/event-stream over fetch (EventSource cannot send a token). */
export async function openEvents(url: string, options: { token?: string; lastEventId?: string } = {}) {
  const controller = new AbortController();
  const headers: Record<string, string> = { accept: 'text/event-stream' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.lastEventId) headers['last-event-id'] = options.lastEventId;
  const response = await fetch(url, { headers, signal: controller.signal });
  const events: SseEvent[] = [];
  const waiters = new Set<() => void>();
  let ended = false;
  let lastId: string | undefined;
  const done = (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    let current: SseEvent = { event: 'message', data: '' };
    let hasData = false;
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let newline: number;
        while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
          if (line === '') {
            if (hasData) {
              events.push(current);
              for (const wake of waiters) wake();
            }
            current = { event: 'message', data: '' };
            hasData = false;
            continue;
          }
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') {
            current.data = hasData ? `${current.data}\n${value}` : value;
            hasData = true;
          } else if (field === 'event') current.event = value;
          else if (field === 'id') current.id = lastId = value;
        }
      }
    } catch {
      // Aborted.
    } finally {
      ended = true;
      for (const wake of waiters) wake();
    }
  })();
  return {
    status: response.status,
    headers: response.headers,
    events,
    get ended() {
      return ended;
    },
    get lastEventId() {
      return lastId;
    },
    /** Waits for an event matching `match` (by default any), up to `timeoutMs`. */
    async next(
      match: (event: SseEvent) => boolean = () => true,
      timeoutMs = 5000,
      from = 0,
    ): Promise<SseEvent> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.slice(from).find(match);
        if (found) return found;
        if (ended)
          throw new Error(`the stream ended without a matching event; got ${JSON.stringify(events)}`);
        const left = deadline - Date.now();
        if (left <= 0)
          throw new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          const wake = () => {
            waiters.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, left);
          waiters.add(wake);
        });
      }
    },
    /** The `data` of change events as parsed JSON. */
    changes: () =>
      events
        .filter((e) => e.event === 'message')
        .map((e) => JSON.parse(e.data) as { type: string; id: string; collection: string; record?: any }), // eslint-disable-line @typescript-eslint/no-explicit-any
    async close() {
      controller.abort();
      await done;
    },
    done,
  };
}

export interface SpawnedServer {
  url: string;
  child: ChildProcess;
  /** Lines the server logged. */
  logs: string[];
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs the real `bin/tend-server.js` in its own process and waits until it listens. */
export async function spawnServer(
  env: Record<string, string | undefined>,
  args: string[] = [],
): Promise<SpawnedServer> {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin/tend-server.js'), '--port', '0', '--host', '127.0.0.1', ...args],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        TEND_JWT_SECRET: SECRET,
        TEND_COLLECTIONS: 'notes,slots,offers',
        TEND_RATE_LIMIT: 'off',
        TEND_RATE_LIMIT_ADDRESS: 'off',
        TEND_RATE_LIMIT_READ: 'off',
        TEND_RATE_LIMIT_STREAM: 'off',
        TEND_LOG_LEVEL: 'info',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const logs: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let pending = '';
    const onData = (chunk: Buffer) => {
      pending += chunk.toString();
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        logs.push(line);
        if (line.includes('"tend-server listening"')) resolve((JSON.parse(line) as { url: string }).url);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) =>
      reject(new Error(`tend-server exited (${code}) before listening:\n${logs.join('\n')}`)),
    );
    setTimeout(
      () => reject(new Error(`tend-server did not start within 30 s:\n${logs.join('\n')}`)),
      30_000,
    ).unref();
  });
  return {
    url,
    child,
    logs,
    exited,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Waits until `check` passes (returns truthy), polling. */
export async function eventually<T>(
  check: () => Promise<T> | T,
  timeoutMs = 5000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const result = await check();
      if (result) return result;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(`${what} did not hold within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export type Client = ReturnType<typeof client>;
export type EventStream = Awaited<ReturnType<typeof openEvents>>;

/** Who the attacker-side tests sign in: members by name, moderators by key. */
export interface AttackerSetupOptions {
  /** Members, each signed in under their own name as id (the name upper-cased). `zed` is always one. */
  members: string[];
  /** Moderators, by the key tests use for them (`mod`, `mod2`, …). */
  moderators: Record<string, { sub: string; name?: string }>;
  /** Server settings beyond the log level (always `info`, to read the request log). */
  config?: Partial<ServerConfig>;
}

/**
 * What privacy.test.ts and moderation.test.ts share: one server for a `describe` (started in its
 * `before`, stopped in its `after`) that keeps its request log, the people signed in on it, and
 * the ways an attacker reads it: both event streams opened, resumes from any id, the streams
 * settled, and every answer compared with a missing id's. A server error is printed, not hidden.
 */
export function attackerSetup(engine: Engine, options: AttackerSetupOptions) {
  let started: TestServer | undefined;
  const logLines: string[] = [];
  const tokens: Record<string, string> = {};
  const people: Record<string, Client> = {};

  before(async () => {
    started = await startTestServer(
      engine,
      { logLevel: 'info', ...options.config },
      {
        logger: createLogger({
          level: 'info',
          write: (line, level) => {
            logLines.push(line);
            if (level === 'error') process.stderr.write(`${line}\n`);
          },
        }),
      },
    );
    for (const who of new Set([...options.members, 'zed'])) {
      tokens[who] = await token(who, { name: who.toUpperCase() });
      people[who] = client(started.url, tokens[who]);
    }
    for (const [key, { sub, name }] of Object.entries(options.moderators)) {
      tokens[key] = await token(sub, { name, role: 'moderator' });
      people[key] = client(started.url, tokens[key]);
    }
  });
  after(() => started?.stop());

  const server = (): TestServer => {
    if (!started) throw new Error('the server starts in the describe’s before()');
    return started;
  };

  /**
   * An attacker's view of a community: both streams open, and a position in the middle of the
   * log (after a marker someone else wrote) to resume from later.
   */
  async function watch(c: string, collection: string, who: string) {
    const { url } = server();
    const streams = [
      await openEvents(`${url}/v1/${c}/events`, { token: tokens[who] }),
      await openEvents(`${url}/v1/${c}/${collection}/events`, { token: tokens[who] }),
    ];
    for (const s of streams) await s.next((e) => e.event === 'ready');
    const marker = uniqueName('m');
    await people.zed!.put(`/v1/${c}/notes/${marker}`, { marker });
    const seen = await streams[0]!.next((e) => e.event === 'message' && e.data.includes(marker));
    return { streams, who, mid: seen.id!, c, collection };
  }

  /**
   * Writes a marker and waits until the community stream (`streams[0]`) has it: every stream of
   * this process is sent each change in the same turn, so anything before it has reached them all.
   */
  async function settle(streams: EventStream[], c: string) {
    const marker = uniqueName('end');
    await people.zed!.put(`/v1/${c}/notes/${marker}`, { marker });
    await streams[0]!.next((e) => e.event === 'message' && e.data.includes(marker));
  }

  /** Everything a resume gives `who`, from `lastEventId`, up to its `ready`. */
  async function resume(url: string, who: string, lastEventId: string) {
    const s = await openEvents(url, { token: tokens[who], lastEventId });
    await s.next((e) => e.event === 'ready');
    await s.close();
    return s.events;
  }

  /** The answer as text with one id put in another's place (messages name the id). */
  const as = (answer: Answer, from: string, to: string) =>
    `${answer.status} ${answer.text.split(JSON.stringify(from).slice(1, -1)).join(to)}`;

  /**
   * None of `secrets` in a view's live streams, nor in a resume of either stream from the middle
   * of the log, from an old-format id (answered with `reset`) or from this log's start.
   */
  async function assertStreamsSilent(view: Awaited<ReturnType<typeof watch>>, secrets: string[]) {
    const { c, collection, who, streams, mid } = view;
    const { url } = server();
    await settle(streams, c);
    const leaks = (text: string) => secrets.filter((secret) => text.includes(secret));
    for (const s of streams) assert.deepEqual(leaks(JSON.stringify(s.events)), [], `${who}: a live stream`);
    const logId = mid.split('.')[0]!;
    for (const from of [mid, '0-0', `${logId}.0-0`])
      for (const stream of [`${url}/v1/${c}/events`, `${url}/v1/${c}/${collection}/events`]) {
        const events = await resume(stream, who, from);
        assert.deepEqual(leaks(JSON.stringify(events)), [], `${who}: a resume from ${from}`);
        if (from === '0-0') assert.equal(events[0]!.event, 'reset', 'an old-format id is unknown: reset');
      }
  }

  return {
    /** The running server (from the describe's `before` on). */
    get server() {
      return server();
    },
    logLines,
    tokens,
    people,
    watch,
    settle,
    resume,
    as,
    assertStreamsSilent,
  };
}

export type AttackerView = Awaited<ReturnType<ReturnType<typeof attackerSetup>['watch']>>;
