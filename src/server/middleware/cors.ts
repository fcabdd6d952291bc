/**
 * Cross-origin access: pages on the allowed origins (any localhost one in --dev) may call the
 * API. Preflights are answered here; every other answer to such a page carries its origin.
 */
import { createMiddleware } from 'hono/factory';
import type { ServerConfig } from '../config.js';
import type { Env } from '../env.js';
import { header } from '../http.js';

const DEV_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

export function cors(config: ServerConfig) {
  const allowedOrigins = new Set(config.allowedOrigins);
  const originAllowed = (origin: string) =>
    allowedOrigins.has(origin) || allowedOrigins.has('*') || (config.dev && DEV_ORIGIN.test(origin));

  return createMiddleware<Env>(async (c, next) => {
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
    await next();
    if (corsOk) {
      c.res.headers.set('access-control-allow-origin', origin);
      c.res.headers.set('access-control-expose-headers', 'etag, retry-after, idempotent-replayed');
      c.res.headers.append('vary', 'origin');
    }
  });
}
