/**
 * tend-server's settings, from command-line flags and environment variables (flags win).
 * Every setting has a safe default, so `npx tend-server` runs with none.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isLogLevel, type LogLevel } from './logger.js';

/** A token bucket: `burst` requests at once, refilled at `perMinute`. */
export interface RateLimit {
  burst: number;
  perMinute: number;
}

export interface ServerConfig {
  /** Port to listen on (0: any free port). Default 8787. */
  port: number;
  /** Address to listen on. Default `0.0.0.0` (`127.0.0.1` in --dev mode). */
  host: string;
  /** PGlite's data folder when no `databaseUrl` is given. Default `./tend-data`. */
  dataDir: string;
  /** A PostgreSQL connection string; several server processes may share one database. */
  databaseUrl?: string | undefined;
  /** Connections in the PostgreSQL pool. Default 10. */
  poolSize: number;
  /** Mints tokens for local demos (`POST /dev/token`) and allows any localhost origin. Insecure. */
  dev: boolean;
  /** HS256 secret that signs tokens (TEND_JWT_SECRET). */
  jwtSecret?: string | undefined;
  /** A JWKS URL whose keys sign tokens (TEND_JWKS_URL). */
  jwksUrl?: string | undefined;
  /** Required `iss` and `aud` claims, when set. */
  jwtIssuer?: string | undefined;
  jwtAudience?: string | undefined;
  /** Communities anyone may read without a token (`*`: all). Writes always need one. */
  publicCommunities: '*' | ReadonlySet<string>;
  /** Origins that browsers may call from (CORS). Empty: none. */
  allowedOrigins: readonly string[];
  /** Largest request body, in bytes; larger ones get 413. Default 64 KiB. */
  maxBodyBytes: number;
  /** Longest string (value or key) in a record of a known collection. Default 4000. */
  maxStringLength: number;
  /** Collections beyond the built-in ones, with the generic rule (TEND_COLLECTIONS=a,b). */
  extraCollections: readonly string[];
  /**
   * Collections beyond the built-in ones that any signed-in person may change, not only the
   * record's creator (TEND_OPEN_COLLECTIONS=a,b): a shared list everybody edits. Deleting still
   * takes the creator or a moderator.
   */
  openCollections: readonly string[];
  /**
   * Request limits; `false` turns them all off (benchmarks). Writes count per person and per
   * address; reads and event-stream connects have their own buckets, each per person and per
   * address. A `false` member turns that one off.
   */
  rateLimit:
    | false
    | {
        perIdentity: RateLimit | false;
        perAddress: RateLimit | false;
        reads: RateLimit | false;
        streams: RateLimit | false;
      };
  /**
   * Anonymous concerns (raising, adding, reopening), per community: an anonymous raiser's person is
   * kept nowhere, so no person's bucket can hold them back (TEND_RATE_LIMIT_ANONYMOUS). `false`: off.
   */
  anonymousLimit: RateLimit | false;
  /**
   * How many reverse proxies stand in front (0: none). The client address is the one the
   * farthest trusted proxy saw: the N-th address of X-Forwarded-For counted from the right.
   */
  trustProxy: number;
  /** The smallest group a circle's figure describes (--min-group, TEND_MIN_GROUP). Default and floor 3. */
  minGroup: number;
  /** How often the circle's figures are made again (TEND_AGGREGATE_INTERVAL_MS). Default 30 s. */
  aggregateIntervalMs: number;
  /** How long a shutdown waits for requests in flight. Default 10 s. */
  shutdownTimeoutMs: number;
  /**
   * How much may wait unsent for one event stream (TEND_STREAM_BUFFER_BYTES) before it is sent
   * `reset` and closed. Default 1 MiB.
   */
  streamBufferBytes: number;
  /** How often an idle event stream gets a comment line (TEND_HEARTBEAT_MS). Default 25 s. */
  heartbeatMs: number;
  logLevel: LogLevel;
}

export const DEFAULT_PORT = 8787;

export function defaultConfig(): ServerConfig {
  return {
    port: DEFAULT_PORT,
    host: '0.0.0.0',
    dataDir: resolve('tend-data'),
    databaseUrl: undefined,
    poolSize: 10,
    dev: false,
    publicCommunities: new Set(),
    allowedOrigins: [],
    maxBodyBytes: 64 * 1024,
    maxStringLength: 4000,
    extraCollections: [],
    openCollections: [],
    rateLimit: {
      perIdentity: { burst: 30, perMinute: 120 },
      perAddress: { burst: 200, perMinute: 1200 },
      reads: { burst: 600, perMinute: 6000 },
      streams: { burst: 30, perMinute: 120 },
    },
    anonymousLimit: { burst: 10, perMinute: 2 },
    trustProxy: 0,
    minGroup: 3,
    aggregateIntervalMs: 30_000,
    shutdownTimeoutMs: 10_000,
    streamBufferBytes: 1024 * 1024,
    heartbeatMs: 25_000,
    logLevel: 'info',
  };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A start that failed for a reason the operator can fix; its message is one plain line. */
export class StartupError extends Error {
  override name = 'StartupError';
}

const list = (text: string | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

function integer(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min)
    throw new ConfigError(`${name} must be a whole number ≥ ${min}, not "${text}"`);
  return value;
}

/** Parses `burst/perMinute`, e.g. `30/120`, or `off`. */
function rateLimit(name: string, text: string): RateLimit | false {
  if (text === 'off') return false;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match) throw new ConfigError(`${name} must look like 30/120 (burst/per minute) or off, not "${text}"`);
  return { burst: integer(name, match[1]!, 1), perMinute: integer(name, match[2]!, 1) };
}

/** `TEND_TRUST_PROXY`: how many proxies stand in front; `true` means one, as it always did. */
function proxyHops(text: string | undefined): number {
  if (!text || text === 'false') return 0;
  if (text === 'true') return 1;
  return integer('TEND_TRUST_PROXY', text, 0);
}

/** The connection string, once it is known to be one: `pg` would otherwise look up odd host names. */
function postgresUrl(text: string): string {
  let protocol: string | undefined;
  try {
    protocol = new URL(text).protocol;
  } catch {
    protocol = undefined;
  }
  // The message never repeats the text: it may hold a password.
  if (protocol !== 'postgres:' && protocol !== 'postgresql:')
    throw new ConfigError('DATABASE_URL is not a PostgreSQL URL (postgres://user:pass@host:5432/db)');
  return text;
}

/** Addresses only this computer can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * --dev hands a token for anyone to whoever asks: it stays on this computer, and never signs
 * with a secret that real sites' tokens are checked against.
 */
export function checkDevMode(config: Pick<ServerConfig, 'host' | 'jwtSecret' | 'jwksUrl'>): void {
  if (!isLoopback(config.host))
    throw new ConfigError(
      `--dev listens only on this computer (127.0.0.1, ::1 or localhost), not ${config.host}: drop --host, or run without --dev`,
    );
  const production = config.jwtSecret ? 'TEND_JWT_SECRET' : config.jwksUrl ? 'TEND_JWKS_URL' : undefined;
  if (production)
    throw new ConfigError(
      `--dev refuses to start with ${production} set: dev tokens must never be signed with a production secret. Unset it, or run without --dev`,
    );
}

export const USAGE = `Usage: tend-server [options]

  --port N          port to listen on (PORT, default ${DEFAULT_PORT})
  --host ADDR       address to listen on (HOST, default 0.0.0.0; 127.0.0.1 with --dev)
  --data DIR        embedded database folder (TEND_DATA_DIR, default ./tend-data)
  --dev             local demo mode: mints tokens at POST /dev/token. INSECURE.
                    Listens on this computer only (127.0.0.1, ::1, localhost), and refuses
                    to start when TEND_JWT_SECRET or TEND_JWKS_URL is set.
  --min-group N     fewest people a circle's figure may describe (TEND_MIN_GROUP, default 3, never lower)
  --help            show this help

Environment:
  DATABASE_URL              use this PostgreSQL instead of the embedded database
  TEND_DEV=1                the same as --dev
  TEND_JWT_SECRET           HS256 secret of the tokens your site signs
  TEND_JWKS_URL             or: a JWKS URL with the keys that sign them
  TEND_JWT_ISSUER, TEND_JWT_AUDIENCE   required iss / aud claims
  TEND_ALLOWED_ORIGINS      origins browsers may call from, comma-separated
  TEND_PUBLIC_COMMUNITIES   communities readable without a token, comma-separated, or *
  TEND_COLLECTIONS          extra collections: anyone signed in creates, the creator changes
  TEND_OPEN_COLLECTIONS     extra collections anyone signed in may change, comma-separated
  TEND_MAX_BODY_BYTES       largest request body (default 65536)
  TEND_MAX_STRING_LENGTH    longest text field (default 4000)
  TEND_RATE_LIMIT           writes per person: burst/per-minute (default 30/120) or off
  TEND_RATE_LIMIT_ADDRESS   writes per address (default 200/1200) or off
  TEND_RATE_LIMIT_READ      reads per person and per address (default 600/6000) or off
  TEND_RATE_LIMIT_STREAM    event-stream connects per person and per address (default 30/120) or off
                            (a refused request gets 429 with Retry-After)
  TEND_RATE_LIMIT_ANONYMOUS anonymous concerns per community (default 10/2) or off
  TEND_TRUST_PROXY=N        N reverse proxies stand in front (1 or true: one; default none): the
                            client address is the N-th address of X-Forwarded-For from the right,
                            the one your farthest proxy saw, never one the client wrote
  TEND_POOL_SIZE            PostgreSQL connections (default 10)
  TEND_AGGREGATE_INTERVAL_MS  how often the circle's figures are made again (default 30000)
  TEND_STREAM_BUFFER_BYTES  most bytes waiting for one event stream before it is sent reset and
                            closed (default 1048576)
  TEND_HEARTBEAT_MS         how often an idle event stream gets a comment line (default 25000)
  TEND_LOG_LEVEL            debug, info, warn, error or silent (default info)
`;

/** Reads flags and environment. Returns `undefined` when `--help` was asked for. */
export function loadConfig(
  argv: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
): ServerConfig | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        dev: { type: 'boolean' },
        'min-group': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const flags = parsed.values;
  if (flags.help) return undefined;
  const config = defaultConfig();
  config.dev = flags.dev === true || env.TEND_DEV === '1' || env.TEND_DEV === 'true';
  if (config.dev) config.host = '127.0.0.1';
  const port = flags.port ?? env.PORT;
  if (port !== undefined) config.port = integer('--port', port, 0);
  const host = flags.host ?? env.HOST;
  if (host) config.host = host;
  const data = flags.data ?? env.TEND_DATA_DIR;
  if (data) config.dataDir = resolve(data);
  config.databaseUrl = env.DATABASE_URL ? postgresUrl(env.DATABASE_URL) : undefined;
  if (env.TEND_POOL_SIZE) config.poolSize = integer('TEND_POOL_SIZE', env.TEND_POOL_SIZE, 1);
  config.jwtSecret = env.TEND_JWT_SECRET || undefined;
  config.jwksUrl = env.TEND_JWKS_URL || undefined;
  config.jwtIssuer = env.TEND_JWT_ISSUER || undefined;
  config.jwtAudience = env.TEND_JWT_AUDIENCE || undefined;
  if (config.jwtSecret && config.jwtSecret.length < 32)
    throw new ConfigError('TEND_JWT_SECRET must be at least 32 characters long');
  if (config.dev) checkDevMode(config);
  const publicCommunities = list(env.TEND_PUBLIC_COMMUNITIES);
  config.publicCommunities = publicCommunities.includes('*') ? '*' : new Set(publicCommunities);
  config.allowedOrigins = list(env.TEND_ALLOWED_ORIGINS);
  config.extraCollections = list(env.TEND_COLLECTIONS);
  config.openCollections = list(env.TEND_OPEN_COLLECTIONS);
  if (env.TEND_MAX_BODY_BYTES)
    config.maxBodyBytes = integer('TEND_MAX_BODY_BYTES', env.TEND_MAX_BODY_BYTES, 256);
  if (env.TEND_MAX_STRING_LENGTH)
    config.maxStringLength = integer('TEND_MAX_STRING_LENGTH', env.TEND_MAX_STRING_LENGTH, 1);
  const limits = defaultConfig().rateLimit as Exclude<ServerConfig['rateLimit'], false>;
  const limitFrom = (name: string, fallback: RateLimit | false) =>
    env[name] ? rateLimit(name, env[name]) : fallback;
  limits.perIdentity = limitFrom('TEND_RATE_LIMIT', limits.perIdentity);
  limits.perAddress = limitFrom('TEND_RATE_LIMIT_ADDRESS', limits.perAddress);
  limits.reads = limitFrom('TEND_RATE_LIMIT_READ', limits.reads);
  limits.streams = limitFrom('TEND_RATE_LIMIT_STREAM', limits.streams);
  config.rateLimit = Object.values(limits).every((limit) => limit === false) ? false : limits;
  if (env.TEND_RATE_LIMIT_ANONYMOUS)
    config.anonymousLimit = rateLimit('TEND_RATE_LIMIT_ANONYMOUS', env.TEND_RATE_LIMIT_ANONYMOUS);
  config.trustProxy = proxyHops(env.TEND_TRUST_PROXY);
  const minGroup = flags['min-group'] ?? env.TEND_MIN_GROUP;
  // Never below 3, whatever is asked: a smaller group could single someone out.
  if (minGroup !== undefined) config.minGroup = Math.max(3, integer('--min-group', minGroup, 1));
  if (env.TEND_AGGREGATE_INTERVAL_MS)
    config.aggregateIntervalMs = integer('TEND_AGGREGATE_INTERVAL_MS', env.TEND_AGGREGATE_INTERVAL_MS, 10);
  if (env.TEND_STREAM_BUFFER_BYTES)
    config.streamBufferBytes = integer('TEND_STREAM_BUFFER_BYTES', env.TEND_STREAM_BUFFER_BYTES, 1024);
  if (env.TEND_HEARTBEAT_MS) config.heartbeatMs = integer('TEND_HEARTBEAT_MS', env.TEND_HEARTBEAT_MS, 100);
  if (env.TEND_LOG_LEVEL) {
    if (!isLogLevel(env.TEND_LOG_LEVEL))
      throw new ConfigError(
        `TEND_LOG_LEVEL must be debug, info, warn, error or silent, not "${env.TEND_LOG_LEVEL}"`,
      );
    config.logLevel = env.TEND_LOG_LEVEL;
  }
  return config;
}
