/**
 * Request limits: a token bucket per key (a person's id, an address), with separate buckets for
 * writes, reads and event-stream connects. In memory, per process: with several processes
 * behind a balancer each keeps its own buckets.
 */
import type { MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { RateLimit, ServerConfig } from '../config.js';
import type { Ctx, Env } from '../env.js';
import { httpError } from '../errors.js';
import { clientAddress } from '../http.js';
import type { Identity } from '../rights.js';

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  readonly #limit: RateLimit;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMs: number;

  constructor(limit: RateLimit, now: () => number = Date.now) {
    this.#limit = limit;
    this.#now = now;
    this.#perMs = limit.perMinute / 60_000;
  }

  /** Takes one request from `key`'s bucket: 0 when allowed, else the seconds to wait. */
  take(key: string): number {
    const now = this.#now();
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      if (this.#buckets.size >= 100_000) this.sweep();
      bucket = { tokens: this.#limit.burst, at: now };
      this.#buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(this.#limit.burst, bucket.tokens + (now - bucket.at) * this.#perMs);
      bucket.at = now;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000));
  }

  /** Drops buckets that have filled up again (they hold nothing worth keeping). */
  sweep(): void {
    const now = this.#now();
    for (const [key, bucket] of this.#buckets)
      if (bucket.tokens + (now - bucket.at) * this.#perMs >= this.#limit.burst) this.#buckets.delete(key);
  }
}

/** A 429 telling when to try again. */
function tooMany(what: string, wait: number) {
  return httpError(
    'rate-limited',
    `too many ${what}: try again in ${wait} s`,
    { retryAfter: wait },
    { 'retry-after': String(wait) },
  );
}

const limiter = (limit: RateLimit | false | undefined) => (limit ? new RateLimiter(limit) : undefined);

/** The write limits: the middleware most writes take, and the checks a route makes itself. */
export interface WriteLimits {
  /** Middleware: one write from the request's address and, once signed in, from its person. */
  readonly middleware: MiddlewareHandler<Env>;
  /** One write from the request's address only (a request whose person must not be kept). */
  address(c: Ctx): void;
  /** One write from a person. */
  person(identity: Identity): void;
  /** One anonymous concern in a community (its bucket names no one). */
  anonymous(community: string): void;
}

/**
 * The write limits of a server: a 429 with `Retry-After` when a bucket has none left. One set
 * of buckets, whichever way a route asks.
 */
export function writeLimits(config: ServerConfig): WriteLimits {
  const perIdentity = limiter(config.rateLimit && config.rateLimit.perIdentity);
  const perAddress = limiter(config.rateLimit && config.rateLimit.perAddress);
  const perCommunity = limiter(config.anonymousLimit);
  const check = (wait: number, what = 'writes') => {
    if (wait > 0) throw tooMany(what, wait);
  };
  const address = (c: Ctx) => perAddress?.take(`a:${clientAddress(c, config.trustProxy)}`) ?? 0;
  const person = (identity: Identity | undefined) =>
    identity ? (perIdentity?.take(`i:${identity.id}`) ?? 0) : 0;
  return {
    middleware: createMiddleware<Env>(async (c, next) => {
      check(Math.max(address(c), person(c.get('identity'))));
      await next();
    }),
    address: (c) => check(address(c)),
    person: (identity) => check(person(identity)),
    anonymous: (community) =>
      check(perCommunity?.take(`c:${community}`) ?? 0, 'anonymous concerns in this community'),
  };
}

/**
 * Middleware: one write from the request's address and, once signed in (`c.var.identity`), from
 * its person; a 429 with `Retry-After` when either has none left.
 */
export function writeLimit(config: ServerConfig): MiddlewareHandler<Env> {
  return writeLimits(config).middleware;
}

/** `/v1/:community/events` and `/v1/:community/:collection/events`. */
const STREAM_PATH = /^\/v1\/[^/]+\/(?:[^/]+\/)?events$/;

/**
 * Middleware for every GET: one read, or one event-stream connect, from the request's address
 * and from its person (a bad token is refused here already); a 429 with `Retry-After` when
 * either has none left. Reads and connects have their own buckets, apart from writes.
 */
export function readLimit(config: ServerConfig, identify: (c: Ctx) => Promise<Identity | undefined>) {
  const reads = limiter(config.rateLimit && config.rateLimit.reads);
  const streams = limiter(config.rateLimit && config.rateLimit.streams);
  return createMiddleware<Env>(async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      const stream = STREAM_PATH.test(c.req.path);
      const bucket = stream ? streams : reads;
      if (bucket) {
        const identity = await identify(c);
        const wait = Math.max(
          bucket.take(`a:${clientAddress(c, config.trustProxy)}`),
          identity ? bucket.take(`i:${identity.id}`) : 0,
        );
        if (wait > 0) throw tooMany(stream ? 'event-stream connects' : 'reads', wait);
      }
    }
    await next();
  });
}
