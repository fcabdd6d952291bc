/** `POST /dev/token` (--dev only): `{"sub","name","role"}` → a signed token for any person. */
import { randomUUID } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import { isPersonText, signToken } from '../auth.js';
import type { ServerConfig } from '../config.js';
import type { Env } from '../env.js';
import { httpError } from '../errors.js';
import { readBody } from '../http.js';

export function devRoutes(config: ServerConfig, secret: string, limit: MiddlewareHandler<Env>): Hono<Env> {
  return new Hono<Env>().post('/dev/token', limit, async (c) => {
    let body: { sub?: unknown; name?: unknown; role?: unknown } = {};
    const text = await readBody(c, config.maxBodyBytes);
    if (text) {
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        throw httpError('invalid-json', 'the body is not JSON');
      }
    }
    const sub = typeof body.sub === 'string' && body.sub ? body.sub : `dev-${randomUUID().slice(0, 8)}`;
    if (!isPersonText(sub))
      throw httpError('invalid', 'sub is at most 200 characters, with no control characters');
    // A name the verifier would drop is not put in the token.
    const name = isPersonText(body.name) ? body.name : undefined;
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
