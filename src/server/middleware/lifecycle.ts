/**
 * A request's life in the server: refused while the server closes, counted while in flight (so
 * `close()` can wait for it), its errors turned into answers, and one log line when it is done.
 */
import { createMiddleware } from 'hono/factory';
import type { Env, Lifecycle } from '../env.js';
import { errorResponse, failure, httpError } from '../errors.js';
import type { Logger } from '../logger.js';

/** A 503 for every request but `/health` and preflights once the server is closing. */
export function refuseWhileClosing(state: Lifecycle) {
  return createMiddleware<Env>(async (c, next) => {
    if (state.closing && c.req.path !== '/health' && c.req.method !== 'OPTIONS')
      return errorResponse(
        httpError(
          'unavailable',
          'the server is shutting down',
          {},
          { connection: 'close', 'retry-after': '1' },
        ),
      );
    await next();
  });
}

/** Counts the request in flight, answers what it throws, and logs it (at info). */
export function track(state: Lifecycle, logger: Logger) {
  const logRequests = logger.enabled('info');
  return createMiddleware<Env>(async (c, next) => {
    const started = performance.now();
    state.inFlight++;
    try {
      await next();
    } catch (error) {
      c.res = failure(error, c, logger);
    } finally {
      state.inFlight--;
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
}

/** Leaves the person out of the request's log line (mounted after `track`), however it ends. */
export const unnamedInLog = createMiddleware<Env>(async (c, next) => {
  try {
    await next();
  } finally {
    c.set('identity', undefined);
  }
});
