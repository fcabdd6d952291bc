/**
 * tend-server's HTTP API (v1): records in collections of a community, with
 * revisions, rights checked by the domain rules, live changes over Server-Sent Events.
 *
 *   GET    /health
 *   GET    /v1/:community/:collection              → {"items":[record…]}
 *   GET    /v1/:community/:collection/:id          → record | 404
 *   PUT    /v1/:community/:collection/:id          body {"value":…}, If-Match: <rev> (absent: create)
 *   DELETE /v1/:community/:collection/:id          If-Match: <rev> (absent: whatever is there)
 *   POST   /v1/:community/:collection/:id/ops      a named operation (claim, …, count), see routes/operations.ts
 *   POST   /v1/:community/concerns/:id/ops         raise, follow, add, reopen, answer, set-state (routes/concerns.ts)
 *   GET    /v1/:community/aggregates/circle?circle=…&kinds=a,b   the circle's figures (routes/aggregates.ts)
 *   GET    /v1/:community/aggregates/moderation?board=…          how many posts are hidden (added)
 *   GET    /v1/:community/:collection/events       text/event-stream
 *   GET    /v1/:community/events?collections=a,b   one stream for several collections (added)
 *   POST   /dev/token                              --dev only: {"sub","name","role"} → {"token"}
 *
 * Writes may carry `Idempotency-Key`: the same key from the same person within a day, on the
 * same request, gets the first answer again instead of a second write (another request: 422).
 *
 * Here: `startServer` (database, rules, caches, feed, listen, close) and `buildApp`, which only
 * wires middleware/ (one module per concern) and mounts routes/ (one module per route group).
 * Error codes live in errors.ts, shared request helpers in http.ts, the hono `Env` in env.ts.
 */
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { createAdaptorServer } from '@hono/node-server';
import { createVerifier } from './auth.js';
import { checkDevMode, StartupError, type ServerConfig } from './config.js';
import { openDatabase, type Database } from './db.js';
import type { AppDeps, Env } from './env.js';
import { errorResponse, failure, httpError, noSuchRoute } from './errors.js';
import { ChangeFeed } from './events.js';
import { ListCache } from './list-cache.js';
import { createLogger, type Logger } from './logger.js';
import { createAuth } from './middleware/auth.js';
import { cors } from './middleware/cors.js';
import { refuseWhileClosing, track, unnamedInLog } from './middleware/lifecycle.js';
import { readLimit, writeLimits } from './middleware/rate-limit.js';
import { HiddenPostCounts } from './moderation.js';
import { concernRoutes } from './routes/concerns.js';
import { prune, PutBatcher } from './records.js';
import { Rules } from './rights.js';
import { devRoutes } from './routes/dev.js';
import { eventRoutes } from './routes/events.js';
import { healthRoutes } from './routes/health.js';
import { operationRoutes } from './routes/operations.js';
import { aggregateRoutes } from './routes/aggregates.js';
import { CircleAggregates } from './aggregates.js';
import { recordRoutes } from './routes/records.js';

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
  /** The HS256 secret of --dev tokens (bin.ts keeps one in the data folder); never a site's secret. */
  devSecret?: string;
}

/** Why listening failed, in words an operator can act on. */
function listenFailure(error: NodeJS.ErrnoException, config: ServerConfig): Error {
  if (error.code === 'EADDRINUSE')
    return new StartupError(`port ${config.port} is in use: stop the other program or set --port`);
  if (error.code === 'EACCES')
    return new StartupError(`port ${config.port} needs privileges this user lacks: set --port above 1023`);
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND')
    return new StartupError(`${config.host} is not an address of this computer: set --host`);
  return error;
}

/** The answer to every request while the database opens. */
const starting = () =>
  errorResponse(
    httpError('starting', 'tend-server is starting: try again in a moment', {}, { 'retry-after': '1' }),
  );

/**
 * Starts a tend-server: listens first (a taken port is told at once), answering 503 `starting`
 * while it opens and migrates the database, then serves.
 */
export async function startServer(config: ServerConfig, options: StartOptions = {}): Promise<TendServer> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  // Dev tokens are signed with a secret of their own, never the site's.
  const devSecret = config.dev ? options.devSecret : undefined;
  if (config.dev) checkDevMode(config);
  if (config.dev && !devSecret) throw new Error('--dev needs a secret to sign tokens with');
  const verifier = createVerifier({
    secret: config.jwtSecret ?? devSecret,
    jwksUrl: config.jwksUrl,
    issuer: config.jwtIssuer,
    audience: config.jwtAudience,
  });
  const rules = new Rules({
    extraCollections: config.extraCollections,
    openCollections: config.openCollections,
    maxStringLength: config.maxStringLength,
  });

  // Set once the database is open; until then every request is told `starting`.
  const serving: { app?: Hono<Env> } = {};
  const server = createAdaptorServer({
    fetch: (request, env) => (serving.app ? serving.app.fetch(request, env) : starting()),
    hostname: config.host,
  });
  const http = server as import('node:http').Server;
  // Long event streams must not be cut by Node's request timeout.
  http.requestTimeout = 0;
  http.headersTimeout = 30_000;
  http.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => reject(listenFailure(error, config));
    server.once('error', failed);
    server.listen(config.port, config.host, () => {
      server.off('error', failed);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  logger.info('tend-server starting', { url });

  let db: Database;
  let feed: ChangeFeed;
  let lists: ListCache;
  let puts: PutBatcher;
  try {
    db = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.poolSize,
      logger,
    });
    lists = new ListCache(db);
    // PGlite runs one statement at a time: there, every put that waits joins the next batch.
    puts = new PutBatcher(db, { maxInFlight: db.kind === 'pglite' ? 1 : config.poolSize });
    feed = new ChangeFeed({
      db,
      rules,
      logger,
      onChange: (change) => lists.changed(change),
      heartbeatMs: config.heartbeatMs,
      maxBufferedBytes: config.streamBufferBytes,
    });
    try {
      await feed.start();
    } catch (error) {
      await db.close();
      throw error;
    }
  } catch (error) {
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
    throw error;
  }

  if (!verifier)
    logger.warn(
      'no TEND_JWT_SECRET or TEND_JWKS_URL: nobody can sign in, so every write will be refused. Set one, or run with --dev for a local demo.',
    );
  const state = { inFlight: 0, closing: false };
  serving.app = buildApp({ config, db, rules, lists, puts, feed, logger, verifier, devSecret, state });

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
      logger.info('tend-server stopped', { listCache: lists.stats });
    })());

  return { url, port: address.port, config, db, feed, logger, close };
}

/** The routes, on a database and rules that are ready. */
export function buildApp(deps: AppDeps): Hono<Env> {
  const { config, logger, state } = deps;
  const auth = createAuth(deps.verifier, config);
  const limits = writeLimits(config);
  const limit = limits.middleware;
  const app = new Hono<Env>();

  // A closing server answers 503 before anything else (preflights still get their answer).
  app.use(refuseWhileClosing(state));
  app.use(cors(config));
  app.use(track(state, logger));
  app.use('/v1/*', readLimit(config, auth.identify));
  // The request log names nobody for concerns: not who asked about which one (docs/moderation.md).
  app.use('/v1/:community/concerns', unnamedInLog);
  app.use('/v1/:community/concerns/*', unnamedInLog);
  app.onError((error, c) => failure(error, c, logger));
  app.notFound(noSuchRoute);

  app.route('/', healthRoutes(state));
  if (config.dev && deps.devSecret) app.route('/', devRoutes(config, deps.devSecret, limit));
  // The circle's figures run on their own clock and stop with the feed's streams.
  const aggregates = new CircleAggregates({
    db: deps.db,
    feed: deps.feed,
    logger,
    minGroup: config.minGroup,
    intervalMs: config.aggregateIntervalMs,
  });
  const hidden = new HiddenPostCounts({
    db: deps.db,
    feed: deps.feed,
    logger,
    intervalMs: config.aggregateIntervalMs,
  });
  deps.feed.onClose(() => {
    aggregates.close();
    hidden.close();
  });
  // Events and aggregates first: `/v1/:community/events` must win over `/v1/:community/:collection`.
  app.route('/v1/:community', eventRoutes({ ...deps, auth }));
  app.route('/v1/:community', aggregateRoutes({ aggregates, hidden, auth }));
  // Concerns before the other operations: their requests keep no person (routes/concerns.ts).
  app.route('/v1/:community', concernRoutes({ ...deps, auth, limits }));
  app.route('/v1/:community', operationRoutes({ ...deps, auth, limit }));
  app.route('/v1/:community', recordRoutes({ ...deps, auth, limit }));
  return app;
}
