/**
 * tend-server's HTTP API (v1, see DESIGN.md): records in collections of a community, with
 * revisions, rights checked by the domain rules, live changes over Server-Sent Events.
 *
 *   GET    /health
 *   GET    /v1/:community/:collection              → {"items":[record…]}
 *   GET    /v1/:community/:collection/:id          → record | 404
 *   PUT    /v1/:community/:collection/:id          body {"value":…}, If-Match: <rev> (absent: create)
 *   DELETE /v1/:community/:collection/:id          If-Match: <rev> (absent: whatever is there)
 *   GET    /v1/:community/:collection/events       text/event-stream
 *   GET    /v1/:community/events?collections=a,b   one stream for several collections (added)
 *   POST   /dev/token                              --dev only: {"sub","name","role"} → {"token"}
 *
 * Writes may carry `Idempotency-Key`: the same key from the same person within a day gets the
 * first answer again instead of a second write.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Hono, type Context } from 'hono';
import { createAdaptorServer, type HttpBindings } from '@hono/node-server';
import { AuthError, createVerifier, signToken, type TokenVerifier } from './auth.js';
import type { ServerConfig } from './config.js';
import { openDatabase, sqlState, type Database } from './db.js';
import { ChangeFeed } from './events.js';
import { ListCache } from './list-cache.js';
import { createLogger, type Logger } from './logger.js';
import { RateLimiter } from './rate-limit.js';
import {
  findResponse,
  getRecord,
  parseStored,
  prune,
  PutBatcher,
  removeRecord,
  type Idempotency,
  type RecordKey,
  type StoredRow,
} from './records.js';
import { Rules, type CollectionRule, type Identity, type OutgoingRecord } from './rights.js';

/** Names a community, collection or id may use (the storage contract's SAFE_NAME). */
const SAFE_NAME = /^[A-Za-z0-9_.:~-]{1,200}$/;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:~-]{1,200}$/;
/** Deepest nesting of a value. */
const MAX_DEPTH = 32;

type Env = { Bindings: HttpBindings; Variables: { identity: Identity | undefined; requestId: string } };
type Ctx = Context<Env>;

/** An answer the handlers give by throwing: an error status with a code and words. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function errorResponse(error: HttpError): Response {
  return new Response(
    JSON.stringify({ error: { code: error.code, message: error.message, ...error.extra } }),
    {
      status: error.status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...error.headers },
    },
  );
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** A request header, read from Node's parsed headers (a web Headers object costs more to build). */
function header(c: Ctx, name: string): string | undefined {
  const value = c.env.incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** Checks every string and key of a value against a length, and the nesting depth. */
function checkShape(value: unknown, maxString: number, path = 'value', depth = 0): void {
  if (depth > MAX_DEPTH)
    throw new HttpError(400, 'too-deep', `${path} is nested more than ${MAX_DEPTH} levels`);
  if (typeof value === 'string') {
    if (value.length > maxString)
      throw new HttpError(400, 'too-long', `${path} is longer than ${maxString} characters`, { field: path });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkShape(item, maxString, `${path}[${i}]`, depth + 1));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key.length > maxString)
      throw new HttpError(400, 'too-long', `a field name in ${path} is too long`, { field: path });
    checkShape(item, maxString, `${path}.${key}`, depth + 1);
  }
}

/** The revision an `If-Match` header names: `3`, `"3"` or `W/"3"`; `null` when absent. */
function parseIfMatch(header: string | undefined): number | null {
  if (header === undefined || header.trim() === '') return null;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw new HttpError(400, 'bad-if-match', 'If-Match must name one revision, like If-Match: 3');
  return Number(match[1]);
}

export interface TendServer {
  /** The base URL, e.g. http://127.0.0.1:8787. */
  readonly url: string;
  readonly port: number;
  readonly config: ServerConfig;
  readonly db: Database;
  readonly feed: ChangeFeed;
  readonly logger: Logger;
  /** Finishes requests in flight, closes event streams and the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** An HS256 secret for --dev tokens when TEND_JWT_SECRET is not set (bin.ts keeps one in the data folder). */
  devSecret?: string;
}

/** Starts a tend-server: opens and migrates the database, then listens. */
export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<TendServer> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.poolSize,
    logger,
  });
  const rules = new Rules({
    extraCollections: config.extraCollections,
    openCollections: config.openCollections,
    maxStringLength: config.maxStringLength,
  });
  const lists = new ListCache(db);
  // PGlite runs one statement at a time: there, every put that waits joins the next batch.
  const puts = new PutBatcher(db, { maxInFlight: db.kind === 'pglite' ? 1 : config.poolSize });
  const feed = new ChangeFeed({
    db,
    rules,
    logger,
    onChange: (change) => lists.invalidate(change.community, change.collection),
  });
  try {
    await feed.start();
  } catch (error) {
    await db.close();
    throw error;
  }

  const devSecret = config.dev ? (config.jwtSecret ?? options.devSecret) : undefined;
  if (config.dev && !devSecret) throw new Error('--dev needs a secret to sign tokens with');
  const verifier = createVerifier({
    secret: config.jwtSecret ?? devSecret,
    jwksUrl: config.jwksUrl,
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
  });
  if (!verifier)
    logger.warn(
      'no TEND_JWT_SECRET or TEND_JWKS_URL: nobody can sign in, so every write will be refused. Set one, or run with --dev for a local demo.',
    );

  const state = { inFlight: 0, closing: false };
  const app = buildApp({ config, db, rules, lists, puts, feed, logger, verifier, devSecret, state });
  const server = createAdaptorServer({ fetch: app.fetch, hostname: config.host });
  // Long event streams must not be cut by Node's request timeout.
  (server as import('node:http').Server).requestTimeout = 0;
  (server as import('node:http').Server).headersTimeout = 30_000;
  (server as import('node:http').Server).keepAliveTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;

  const pruneTimer = setInterval(() => {
    prune(db, { changesDays: 30, idempotencyHours: 48 }).catch((error: unknown) =>
      logger.warn('pruning failed', { error }),
    );
  }, 3600_000);
  pruneTimer.unref();

  if (config.dev)
    logger.warn(
      '*** DEV MODE: INSECURE. Anyone who can reach this server can get a token for any person (POST /dev/token), and any localhost page may call it. Never use --dev for real people. ***',
    );
  logger.info('tend-server listening', {
    url,
    engine: db.kind,
    ...(db.kind === 'pglite' ? { dataDir: config.dataDir } : {}),
    collections: rules.names,
  });

  let closed: Promise<void> | undefined;
  const close = () =>
    (closed ??= (async () => {
      state.closing = true;
      clearInterval(pruneTimer);
      const http = server as import('node:http').Server;
      const stopped = new Promise<void>((resolve) => http.close(() => resolve()));
      // Event streams end first (clients reconnect elsewhere); requests in flight finish.
      feed.close();
      const deadline = Date.now() + config.shutdownTimeoutMs;
      while (state.inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      if (state.inFlight > 0)
        logger.warn('shutdown timed out with requests in flight', { inFlight: state.inFlight });
      http.closeIdleConnections();
      const forced = setTimeout(() => http.closeAllConnections(), 1000);
      await stopped;
      clearTimeout(forced);
      await feed.settle().catch(() => undefined);
      await db.close();
      logger.info('tend-server stopped');
    })());

  return { url, port: address.port, config, db, feed, logger, close };
}

interface AppDeps {
  config: ServerConfig;
  db: Database;
  rules: Rules;
  lists: ListCache;
  puts: PutBatcher;
  feed: ChangeFeed;
  logger: Logger;
  verifier: TokenVerifier | undefined;
  devSecret: string | undefined;
  state: { inFlight: number; closing: boolean };
}

/** The routes, on a database and rules that are ready. */
export function buildApp(deps: AppDeps): Hono<Env> {
  const { config, db, rules, lists, puts, feed, logger, verifier, state } = deps;
  const app = new Hono<Env>();
  const perIdentity = config.rateLimit ? new RateLimiter(config.rateLimit.perIdentity) : undefined;
  const perAddress = config.rateLimit ? new RateLimiter(config.rateLimit.perAddress) : undefined;
  const logRequests = logger.enabled('info');
  const allowedOrigins = new Set(config.allowedOrigins);
  const devOrigin = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

  const originAllowed = (origin: string) =>
    allowedOrigins.has(origin) || allowedOrigins.has('*') || (config.dev && devOrigin.test(origin));

  const addressOf = (c: Ctx): string => {
    if (config.trustProxy) {
      const forwarded = header(c, 'x-forwarded-for');
      if (forwarded) return forwarded.split(',')[0]!.trim();
    }
    return c.env.incoming.socket.remoteAddress ?? 'unknown';
  };

  const limit = (c: Ctx, identity: Identity | undefined) => {
    if (!perIdentity || !perAddress) return;
    const wait = Math.max(
      perAddress.take(`a:${addressOf(c)}`),
      identity ? perIdentity.take(`i:${identity.id}`) : 0,
    );
    if (wait > 0)
      throw new HttpError(
        429,
        'rate-limited',
        `too many writes: try again in ${wait} s`,
        { retryAfter: wait },
        {
          'retry-after': String(wait),
        },
      );
  };

  // Logging, timing, CORS and errors, around every request.
  app.use('*', async (c, next) => {
    const started = performance.now();
    const origin = header(c, 'origin');
    const corsOk = origin !== undefined && originAllowed(origin);
    if (c.req.method === 'OPTIONS') {
      if (!corsOk) return new Response(null, { status: 403 });
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': 'GET, PUT, DELETE, POST, OPTIONS',
          'access-control-allow-headers':
            'authorization, content-type, if-match, idempotency-key, last-event-id',
          'access-control-max-age': '600',
          vary: 'origin',
        },
      });
    }
    if (state.closing && c.req.path !== '/health') {
      return errorResponse(
        new HttpError(
          503,
          'unavailable',
          'the server is shutting down',
          {},
          { connection: 'close', 'retry-after': '1' },
        ),
      );
    }
    state.inFlight++;
    try {
      await next();
    } catch (error) {
      c.res = failure(error, c);
    } finally {
      state.inFlight--;
    }
    if (corsOk) {
      c.res.headers.set('access-control-allow-origin', origin);
      c.res.headers.set('access-control-expose-headers', 'etag, retry-after, idempotent-replayed');
      c.res.headers.append('vary', 'origin');
    }
    if (logRequests)
      logger.info('request', {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        person: c.get('identity')?.id,
      });
  });

  const failure = (error: unknown, c: Ctx): Response => {
    // A replayed answer, thrown from deep inside a handler.
    if (error instanceof Response) return error;
    if (error instanceof HttpError) return errorResponse(error);
    if (error instanceof AuthError)
      return errorResponse(
        new HttpError(401, 'unauthorized', error.message, {}, { 'www-authenticate': 'Bearer' }),
      );
    const code = sqlState(error);
    if (
      code === '08006' ||
      code === '08001' ||
      code === '57P01' ||
      (error as { code?: string }).code === 'ECONNREFUSED'
    ) {
      logger.error('database unavailable', { error, path: c.req.path });
      return errorResponse(
        new HttpError(
          503,
          'unavailable',
          'the database cannot be reached; try again soon',
          {},
          { 'retry-after': '2' },
        ),
      );
    }
    logger.error('request failed', { error, method: c.req.method, path: c.req.path });
    return errorResponse(new HttpError(500, 'internal', 'something went wrong on the server'));
  };
  app.onError((error, c) => failure(error, c));
  app.notFound(() =>
    errorResponse(new HttpError(404, 'not-found', 'no such route: see /v1/:community/:collection[/:id]')),
  );

  /** The person behind the request, if it carries a token; a bad token is refused. */
  const identify = async (c: Ctx): Promise<Identity | undefined> => {
    const authorization = header(c, 'authorization');
    if (!authorization) return undefined;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match)
      throw new HttpError(
        401,
        'unauthorized',
        'Authorization must be "Bearer <token>"',
        {},
        { 'www-authenticate': 'Bearer' },
      );
    if (!verifier)
      throw new HttpError(
        401,
        'unauthorized',
        'this server has no way to check tokens (TEND_JWT_SECRET or TEND_JWKS_URL)',
      );
    const identity = await verifier.verify(match[1]!);
    c.set('identity', identity);
    return identity;
  };

  const requireIdentity = async (c: Ctx): Promise<Identity> => {
    const identity = await identify(c);
    if (!identity)
      throw new HttpError(
        401,
        'unauthorized',
        'sign in first: send Authorization: Bearer <token>',
        {},
        { 'www-authenticate': 'Bearer' },
      );
    return identity;
  };

  const isPublic = (community: string) =>
    config.publicCommunities === '*' || config.publicCommunities.has(community);

  /** A reader: a token, or none in a public community. */
  const reader = async (c: Ctx, community: string): Promise<Identity | undefined> => {
    const identity = await identify(c);
    if (!identity && !isPublic(community))
      throw new HttpError(
        401,
        'unauthorized',
        'reading this community needs a token: send Authorization: Bearer <token>',
        {},
        {
          'www-authenticate': 'Bearer',
        },
      );
    return identity;
  };

  const names = (c: Ctx, withId: boolean): { key: RecordKey; rule: CollectionRule } => {
    const { community, collection } = c.req.param() as { community: string; collection: string };
    const id = withId ? (c.req.param('id') as string) : '';
    for (const [what, name] of [
      ['community', community],
      ['collection', collection],
      ...(withId ? [['id', id]] : []),
    ] as const)
      if (!SAFE_NAME.test(name))
        throw new HttpError(400, 'invalid-name', `the ${what} must be 1–200 letters, digits or -_.:~`);
    const rule = rules.get(collection);
    if (!rule)
      throw new HttpError(400, 'unknown-collection', `this server keeps no collection "${collection}"`, {
        collections: rules.names,
      });
    return { key: { community, collection, id }, rule };
  };

  const shown = (
    rule: CollectionRule,
    json: string,
    owner: string,
    viewer: Identity | undefined,
  ): string | undefined => {
    if (!Rules.mayRead(rule, owner, viewer)) return undefined;
    if (!rule.view) return json;
    const record = JSON.parse(json) as OutgoingRecord;
    const view = rule.view(record, owner, viewer);
    return view === undefined ? undefined : view === record ? json : JSON.stringify(view);
  };

  const recordResponse = (status: number, json: string, rev: number, extra: Record<string, string> = {}) =>
    new Response(json, { status, headers: { 'content-type': JSON_TYPE, etag: `"${rev}"`, ...extra } });

  const idempotencyOf = (c: Ctx, actor: Identity): Idempotency | undefined => {
    const key = header(c, 'idempotency-key');
    if (key === undefined) return undefined;
    if (!IDEMPOTENCY_KEY.test(key))
      throw new HttpError(
        400,
        'bad-idempotency-key',
        'Idempotency-Key must be 1–200 letters, digits or -_.:~',
      );
    return { actor: actor.id, key };
  };

  /** The first answer to this key again, if the write was already done. */
  const replay = async (
    idem: Idempotency | undefined,
    rule: CollectionRule,
    actor: Identity,
  ): Promise<Response | undefined> => {
    if (!idem) return undefined;
    const stored = await findResponse(db, idem);
    if (!stored) return undefined;
    const headers = { 'idempotent-replayed': 'true' };
    if (stored.body === null) return new Response(null, { status: stored.status, headers });
    const record = JSON.parse(stored.body) as OutgoingRecord;
    const view = rule.view ? rule.view(record, actor.id, actor) : record;
    return recordResponse(stored.status, view ? JSON.stringify(view) : stored.body, record.rev, headers);
  };

  const readBody = async (c: Ctx): Promise<string> => {
    const declared = Number(header(c, 'content-length') ?? NaN);
    const tooLarge = () =>
      new HttpError(413, 'too-large', `the body is larger than ${config.maxBodyBytes} bytes`, {
        limit: config.maxBodyBytes,
      });
    if (declared > config.maxBodyBytes) throw tooLarge();
    // Straight from Node's request: a web ReadableStream around it costs more than the write.
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of c.env.incoming as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > config.maxBodyBytes) throw tooLarge();
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  };

  const conflict = (message: string, currentRev: number | undefined) =>
    new HttpError(409, 'conflict', message, currentRev === undefined ? {} : { currentRev });

  const written = (key: RecordKey, seq: string) => {
    lists.invalidate(key.community, key.collection);
    feed.announce(seq);
  };

  // ---------------------------------------------------------------------------------------------

  app.get('/health', (c) => (state.closing ? c.json({ ok: false }, 503) : c.json({ ok: true })));

  if (config.dev && deps.devSecret) {
    const secret = deps.devSecret;
    app.post('/dev/token', async (c) => {
      limit(c, undefined);
      let body: { sub?: unknown; name?: unknown; role?: unknown } = {};
      const text = await readBody(c);
      if (text) {
        try {
          body = JSON.parse(text) as typeof body;
        } catch {
          throw new HttpError(400, 'invalid-json', 'the body is not JSON');
        }
      }
      const sub = typeof body.sub === 'string' && body.sub ? body.sub : `dev-${randomUUID().slice(0, 8)}`;
      if (sub.length > 200) throw new HttpError(400, 'invalid', 'sub is at most 200 characters');
      const name = typeof body.name === 'string' ? body.name.slice(0, 200) : undefined;
      const role = body.role === 'moderator' ? 'moderator' : undefined;
      const expiresInSeconds = 12 * 3600;
      const token = await signToken(
        secret,
        { sub, name, role },
        { expiresInSeconds, issuer: config.jwtIssuer, audience: config.jwtAudience },
      );
      return c.json({
        token,
        sub,
        name,
        role,
        expiresAt: new Date(Date.now() + expiresInSeconds * 1000).toISOString(),
        insecure: true,
      });
    });
  }

  const events = async (c: Ctx, community: string, collections: ReadonlySet<string> | null) => {
    const viewer = await reader(c, community);
    const stream = feed.connect({
      community,
      collections,
      viewer,
      lastEventId: header(c, 'last-event-id') ?? c.req.query('lastEventId'),
      signal: c.req.raw.signal,
    });
    return new Response(stream, {
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
      },
    });
  };

  app.get('/v1/:community/events', async (c) => {
    const community = c.req.param('community');
    if (!SAFE_NAME.test(community))
      throw new HttpError(400, 'invalid-name', 'the community must be 1–200 letters, digits or -_.:~');
    const wanted = c.req.query('collections');
    let collections: Set<string> | null = null;
    if (wanted) {
      collections = new Set(wanted.split(',').filter(Boolean));
      for (const name of collections)
        if (!rules.get(name))
          throw new HttpError(400, 'unknown-collection', `this server keeps no collection "${name}"`, {
            collections: rules.names,
          });
    }
    return events(c, community, collections);
  });

  app.get('/v1/:community/:collection/events', async (c) => {
    const { key } = names(c, false);
    return events(c, key.community, new Set([key.collection]));
  });

  app.get('/v1/:community/:collection', async (c) => {
    const { key, rule } = names(c, false);
    const viewer = await reader(c, key.community);
    const items = await lists.items(key.community, rule, viewer);
    return new Response(`{"items":${items}}`, { headers: { 'content-type': JSON_TYPE } });
  });

  app.get('/v1/:community/:collection/:id', async (c) => {
    const { key, rule } = names(c, true);
    const viewer = await reader(c, key.community);
    const row = await getRecord(db, key);
    const json = row && shown(rule, row.json, row.owner, viewer);
    if (!row || json === undefined) throw new HttpError(404, 'not-found', `"${key.id}" does not exist`);
    return recordResponse(200, json, parseStored(row).rev);
  });

  app.put('/v1/:community/:collection/:id', async (c) => {
    const actor = await requireIdentity(c);
    limit(c, actor);
    const { key, rule } = names(c, true);
    const expectedRev = parseIfMatch(header(c, 'if-match'));
    const idem = idempotencyOf(c, actor);

    const text = await readBody(c);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'invalid-json', 'the body is not valid JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body) || !('value' in body))
      throw new HttpError(400, 'invalid-body', 'the body must be {"value": …}');
    if (Object.keys(body).length !== 1)
      throw new HttpError(400, 'invalid-body', 'the body holds only "value"');
    const value = (body as { value: unknown }).value;
    checkShape(value, rule.maxStringLength);

    /** A 409, unless this is a retry of a write that was done: then the first answer again. */
    const conflictOr = async (message: string, current: StoredRow | undefined): Promise<never> => {
      const replayed = await replay(idem, rule, actor);
      if (replayed) throw replayed;
      // Someone else's private record: say no more than that the id is taken.
      if (current && !Rules.mayRead(rule, current.owner, actor))
        throw conflict(`"${key.id}" is taken`, undefined);
      throw conflict(message, current?.rev);
    };

    // A create needs no read first: the insert refuses an existing record by itself.
    let before: StoredRow | undefined;
    if (expectedRev !== null) {
      const row = await getRecord(db, key);
      before = row ? parseStored(row) : undefined;
      if (!before || !Rules.mayRead(rule, before.owner, actor))
        return conflictOr(`"${key.id}" no longer exists`, before);
      if (before.rev !== expectedRev)
        return conflictOr(
          `"${key.id}" changed: expected revision ${expectedRev}, found ${before.rev}`,
          before,
        );
    }

    const checked = rule.checkPut({ actor, id: key.id, now: new Date() }, before, value);
    if ('status' in checked) {
      if (idem) {
        const replayed = await replay(idem, rule, actor);
        if (replayed) return replayed;
      }
      throw new HttpError(checked.status, checked.code, checked.message);
    }

    let result;
    try {
      result = await puts.put(key, {
        valueJson: JSON.stringify(checked.value),
        actor: actor.id,
        expectedRev,
        idempotency: idem,
      });
    } catch (error) {
      // The same key raced in twice: the first one's answer stands.
      if (idem && sqlState(error) === '23505') {
        const again = await replay(idem, rule, actor);
        if (again) return again;
      }
      throw error;
    }
    if (!result) {
      const row = await getRecord(db, key);
      const current = row ? parseStored(row) : undefined;
      return conflictOr(
        expectedRev === null
          ? `"${key.id}" already exists (revision ${current?.rev ?? 'none'})`
          : `"${key.id}" changed while saving (revision ${current?.rev ?? 'none'})`,
        current,
      );
    }
    written(key, result.seq);
    const json = shown(rule, result.json, before?.owner ?? actor.id, actor) ?? result.json;
    return recordResponse(expectedRev === null ? 201 : 200, json, result.rev);
  });

  app.delete('/v1/:community/:collection/:id', async (c) => {
    const actor = await requireIdentity(c);
    limit(c, actor);
    const { key, rule } = names(c, true);
    const expectedRev = parseIfMatch(header(c, 'if-match'));
    const idem = idempotencyOf(c, actor);
    const refuse = async (error: HttpError): Promise<Response> => {
      const replayed = await replay(idem, rule, actor);
      if (replayed) return replayed;
      throw error;
    };
    const row = await getRecord(db, key);
    const before = row ? parseStored(row) : undefined;
    if (!before || !Rules.mayRead(rule, before.owner, actor))
      return refuse(new HttpError(404, 'not-found', `"${key.id}" does not exist`));
    if (expectedRev !== null && before.rev !== expectedRev)
      return refuse(
        conflict(`"${key.id}" changed: expected revision ${expectedRev}, found ${before.rev}`, before.rev),
      );
    const refusal = rule.checkRemove({ actor, id: key.id, now: new Date() }, before);
    if (refusal) throw new HttpError(refusal.status, refusal.code, refusal.message);
    let removed: string | undefined;
    try {
      removed = await removeRecord(db, key, { rev: before.rev, idempotency: idem });
    } catch (error) {
      if (idem && sqlState(error) === '23505') {
        const again = await replay(idem, rule, actor);
        if (again) return again;
      }
      throw error;
    }
    if (!removed) {
      const now = await getRecord(db, key);
      if (!now) return refuse(new HttpError(404, 'not-found', `"${key.id}" does not exist`));
      const rev = parseStored(now).rev;
      return refuse(conflict(`"${key.id}" changed while deleting (revision ${rev})`, rev));
    }
    written(key, removed);
    return new Response(null, { status: 204 });
  });

  return app;
}
