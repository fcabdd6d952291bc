/**
 * Who is asking: the bearer token checked once per request, the person set as
 * `c.var.identity` (the request log names them), and who may read a community.
 */
import { createMiddleware } from 'hono/factory';
import type { TokenVerifier } from '../auth.js';
import type { ServerConfig } from '../config.js';
import type { Ctx, Env } from '../env.js';
import { unauthorized } from '../errors.js';
import { header } from '../http.js';
import type { Identity } from '../rights.js';

export interface Auth {
  /** The person behind the request, if it carries a token; a bad token is refused. */
  identify(c: Ctx): Promise<Identity | undefined>;
  /** A reader of `community`: a token, or none in a public community. */
  reader(c: Ctx, community: string): Promise<Identity | undefined>;
  /** Middleware: a 401 unless the request carries a good token; sets `c.var.identity`. */
  readonly signedIn: ReturnType<typeof createMiddleware<Env>>;
}

export function createAuth(verifier: TokenVerifier | undefined, config: ServerConfig): Auth {
  const identify = async (c: Ctx): Promise<Identity | undefined> => {
    // Checked once per request (the read limit asks before the route does).
    const known = c.get('identity');
    if (known) return known;
    const authorization = header(c, 'authorization');
    if (!authorization) return undefined;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw unauthorized('Authorization must be "Bearer <token>"');
    if (!verifier)
      throw unauthorized('this server has no way to check tokens (TEND_JWT_SECRET or TEND_JWKS_URL)', false);
    const identity = await verifier.verify(match[1]!);
    c.set('identity', identity);
    return identity;
  };

  const isPublic = (community: string) =>
    config.publicCommunities === '*' || config.publicCommunities.has(community);

  return {
    identify,
    async reader(c, community) {
      const identity = await identify(c);
      if (!identity && !isPublic(community))
        throw unauthorized('reading this community needs a token: send Authorization: Bearer <token>');
      return identity;
    },
    signedIn: createMiddleware<Env>(async (c, next) => {
      if (!(await identify(c))) throw unauthorized('sign in first: send Authorization: Bearer <token>');
      await next();
    }),
  };
}

/** The person `signedIn` let through. */
export function actor(c: Ctx): Identity {
  const identity = c.get('identity');
  if (!identity) throw new Error('actor() needs the signedIn middleware before it');
  return identity;
}
