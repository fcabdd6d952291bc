/**
 * What the HTTP app is built from and what each request carries: the hono `Env` every route and
 * middleware shares, and the parts `startServer` hands to `buildApp`.
 */
import type { HttpBindings } from '@hono/node-server';
import type { Context } from 'hono';
import type { TokenVerifier } from './auth.js';
import type { ServerConfig } from './config.js';
import type { Database } from './db.js';
import type { ChangeFeed } from './events.js';
import type { ListCache } from './list-cache.js';
import type { Logger } from './logger.js';
import type { PutBatcher } from './records.js';
import type { Identity, Rules } from './rights.js';

/** Node's request and response as bindings; the person behind a request once it is known. */
export type Env = {
  Bindings: HttpBindings;
  Variables: { identity: Identity | undefined; requestId: string };
};

export type Ctx = Context<Env>;

/** Requests in flight and whether the server is closing, shared by the app and `close()`. */
export interface Lifecycle {
  inFlight: number;
  closing: boolean;
}

/** Everything the routes and middleware use, ready: an open database, rules, caches, the feed. */
export interface AppDeps {
  config: ServerConfig;
  db: Database;
  rules: Rules;
  lists: ListCache;
  puts: PutBatcher;
  feed: ChangeFeed;
  logger: Logger;
  verifier: TokenVerifier | undefined;
  devSecret: string | undefined;
  state: Lifecycle;
}
