/**
 * Who is asking: `Authorization: Bearer <JWT>`, signed by the host site with HS256 (a shared
 * secret) or with a key from its JWKS URL. Claims: `sub` (the person's id), `name`, and
 * `role: "moderator"` for moderators; `exp` is required. `sub` may not be `anonymous`: the server
 * owns records that keep no person (anonymous concerns, reflection counts) under that id.
 *
 * Verifying a signature costs more than the rest of a cached read, so a verified token is kept
 * (by its exact text) until it expires: a person's next request only looks it up.
 */
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { ANONYMOUS } from './records.js';
import type { Identity } from './rights.js';

export class AuthError extends Error {
  override name = 'AuthError';
}

export interface VerifierOptions {
  /** The HS256 secret. */
  secret?: string | undefined;
  /** A JWKS URL for asymmetric keys (RS256, ES256, EdDSA, …). */
  jwksUrl?: string | undefined;
  issuer?: string | undefined;
  audience?: string | undefined;
  /** Verified tokens kept at most (oldest dropped first). Default 10,000. */
  cacheSize?: number;
  /** The clock, in ms (tests). */
  now?: () => number;
}

export interface TokenVerifier {
  /** The identity a token proves; throws an {@link AuthError} when it proves nothing. */
  verify(token: string): Promise<Identity>;
}

const MAX_ID = 200;
const ASYMMETRIC = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];
/** Seconds of clock difference tolerated between the signing site and this server. */
const CLOCK_TOLERANCE = 5;

/** Imports an HS256 secret once (jose would import a raw secret again on every verify). */
export function importSecret(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
}

/** Control characters (NUL among them): PostgreSQL cannot store NUL, and none belongs in an id or a name. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** True when `text` may name a person: 1–200 characters, none of them a control character. */
export function isPersonText(text: unknown): text is string {
  return typeof text === 'string' && text.length > 0 && text.length <= MAX_ID && !CONTROL.test(text);
}

function identityOf(payload: JWTPayload): Identity {
  const { sub, name, role } = payload as JWTPayload & { name?: unknown; role?: unknown };
  if (typeof sub !== 'string' || !sub || sub.length > MAX_ID)
    throw new AuthError('the token names no person (sub)');
  if (!isPersonText(sub)) throw new AuthError('the token names its person (sub) with control characters');
  // Records with no person (anonymous concerns, counts) are owned by this id: a person holding it
  // would be told of them (a stream sends an owner the removal of what they could not see).
  if (sub === ANONYMOUS)
    throw new AuthError(`"${ANONYMOUS}" names no person here: the server keeps it (sub)`);
  if (typeof payload.exp !== 'number') throw new AuthError('the token has no expiry (exp)');
  return {
    id: sub,
    name: isPersonText(name) ? name : undefined,
    moderator: role === 'moderator',
    expiresAt: payload.exp * 1000,
  };
}

export function createVerifier(options: VerifierOptions): TokenVerifier | undefined {
  if (!options.secret && !options.jwksUrl) return undefined;
  const now = options.now ?? Date.now;
  const cacheSize = options.cacheSize ?? 10_000;
  const cache = new Map<string, { identity: Identity; expiresAt: number }>();
  const secretKey = options.secret ? importSecret(options.secret) : undefined;
  const jwks = options.jwksUrl ? createRemoteJWKSet(new URL(options.jwksUrl)) : undefined;
  const claims = {
    issuer: options.issuer,
    audience: options.audience,
    clockTolerance: CLOCK_TOLERANCE,
    requiredClaims: ['sub', 'exp'],
    currentDate: undefined as Date | undefined,
  };

  async function verifySignature(token: string): Promise<JWTPayload> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new AuthError('the token is not a JWT');
    }
    const at = { ...claims, currentDate: new Date(now()) };
    try {
      if (alg === 'HS256' && secretKey)
        return (await jwtVerify(token, await secretKey, { ...at, algorithms: ['HS256'] })).payload;
      if (alg && ASYMMETRIC.includes(alg) && jwks)
        return (await jwtVerify(token, jwks, { ...at, algorithms: ASYMMETRIC })).payload;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') throw new AuthError('the token has expired');
      if (code === 'ERR_JWKS_TIMEOUT' || code === 'ERR_JOSE_GENERIC') throw error;
      throw new AuthError(`the token was refused: ${(error as Error).message}`);
    }
    throw new AuthError(`tokens signed with ${alg ?? 'no algorithm'} are not accepted here`);
  }

  return {
    async verify(token) {
      const cached = cache.get(token);
      if (cached) {
        if (cached.expiresAt > now()) return cached.identity;
        cache.delete(token);
        throw new AuthError('the token has expired');
      }
      const payload = await verifySignature(token);
      const identity = identityOf(payload);
      if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
      cache.set(token, { identity, expiresAt: payload.exp! * 1000 });
      return identity;
    },
  };
}

/** Signs a token as a host site would (the --dev token endpoint, tests, benchmarks). */
export async function signToken(
  secret: string | CryptoKey,
  claims: { sub: string; name?: string | undefined; role?: 'moderator' | undefined },
  options: {
    expiresInSeconds?: number;
    issuer?: string | undefined;
    audience?: string | undefined;
    now?: number;
  } = {},
): Promise<string> {
  const key = typeof secret === 'string' ? await importSecret(secret) : secret;
  const iat = Math.floor((options.now ?? Date.now()) / 1000);
  const payload: JWTPayload = { name: claims.name, role: claims.role };
  let jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.expiresInSeconds ?? 12 * 3600));
  if (options.issuer) jwt = jwt.setIssuer(options.issuer);
  if (options.audience) jwt = jwt.setAudience(options.audience);
  return jwt.sign(key);
}
