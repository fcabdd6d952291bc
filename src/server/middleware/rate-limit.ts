/**
 * Write limits: a token bucket per key (a person's id, an address). In memory, per process:
 * with several processes behind a balancer each keeps its own buckets.
 */
import { createMiddleware } from 'hono/factory';
import type { RateLimit, ServerConfig } from '../config.js';
import type { Env } from '../env.js';
import { httpError } from '../errors.js';
import { clientAddress } from '../http.js';

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

/**
 * Middleware: one write from the request's address and, once signed in (`c.var.identity`), from
 * its person; a 429 with `Retry-After` when either has none left. Passes everything without
 * `config.rateLimit`.
 */
export function writeLimit(config: ServerConfig) {
  const perIdentity = config.rateLimit ? new RateLimiter(config.rateLimit.perIdentity) : undefined;
  const perAddress = config.rateLimit ? new RateLimiter(config.rateLimit.perAddress) : undefined;
  return createMiddleware<Env>(async (c, next) => {
    if (perIdentity && perAddress) {
      const identity = c.get('identity');
      const wait = Math.max(
        perAddress.take(`a:${clientAddress(c, config.trustProxy)}`),
        identity ? perIdentity.take(`i:${identity.id}`) : 0,
      );
      if (wait > 0)
        throw httpError(
          'rate-limited',
          `too many writes: try again in ${wait} s`,
          { retryAfter: wait },
          { 'retry-after': String(wait) },
        );
    }
    await next();
  });
}
