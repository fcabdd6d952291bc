/**
 * Every error the server answers with, in one place: the codes and their statuses, the
 * `HttpError` handlers throw, the JSON body it becomes, and how an unexpected throw is told.
 *
 * Refusals from the collection rules (rights.ts) keep their domain's code (`not-yours`, …)
 * with status 400 or 403; every other code is in `ERROR_STATUS`. A claim that came too late
 * (`full`, `slot-taken`: someone else was first) is a 409, like any other lost race.
 */
import { AuthError } from './auth.js';
import { sqlState } from './db.js';
import type { Ctx } from './env.js';
import type { Logger } from './logger.js';
import type { Refusal } from './rights.js';

/** The server's own error codes and the status each is answered with. */
export const ERROR_STATUS = {
  'bad-idempotency-key': 400,
  'bad-if-match': 400,
  invalid: 400,
  'invalid-body': 400,
  'invalid-json': 400,
  'invalid-name': 400,
  'too-deep': 400,
  'too-long': 400,
  'unknown-collection': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'idempotency-key-reused': 422,
  // A claim that lost the race for the last slot, or for the one slot it asked for.
  full: 409,
  'slot-taken': 409,
  'too-large': 413,
  'rate-limited': 429,
  internal: 500,
  unavailable: 503,
  starting: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** An answer the handlers give by throwing: an error status with a code and words. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** One of the server's own errors, with the status its code has in `ERROR_STATUS`. */
export function httpError(
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): HttpError {
  return new HttpError(ERROR_STATUS[code], code, message, extra, headers);
}

/** A 401; `challenge` adds `WWW-Authenticate: Bearer`. */
export function unauthorized(message: string, challenge = true): HttpError {
  return httpError('unauthorized', message, {}, challenge ? { 'www-authenticate': 'Bearer' } : {});
}

/** A 409; `currentRev` tells the caller what to merge with, when they may know it. */
export function conflict(message: string, currentRev: number | undefined): HttpError {
  return httpError('conflict', message, currentRev === undefined ? {} : { currentRev });
}

/** A collection rule's refusal, with the domain's code. */
export function refused(refusal: Refusal): HttpError {
  return new HttpError(refusal.status, refusal.code, refusal.message);
}

/** The JSON body `{"error":{"code","message",…}}` with the error's status and headers. */
export function errorResponse(error: HttpError): Response {
  return new Response(
    JSON.stringify({ error: { code: error.code, message: error.message, ...error.extra } }),
    {
      status: error.status,
      headers: { 'content-type': 'application/json; charset=utf-8', ...error.headers },
    },
  );
}

/** SQLSTATEs and socket errors that mean the database cannot be reached right now. */
const UNREACHABLE = new Set(['08006', '08001', '57P01']);

/**
 * The answer to anything a handler threw: a replayed answer as it is, an `HttpError` as its
 * JSON, a bad token 401, an unreachable database 503, and anything else 500 (logged).
 */
export function failure(error: unknown, c: Ctx, logger: Logger): Response {
  // A replayed answer, thrown from deep inside a handler.
  if (error instanceof Response) return error;
  if (error instanceof HttpError) return errorResponse(error);
  if (error instanceof AuthError) return errorResponse(unauthorized(error.message));
  const code = sqlState(error);
  if ((code !== undefined && UNREACHABLE.has(code)) || (error as { code?: string }).code === 'ECONNREFUSED') {
    logger.error('database unavailable', { error, path: c.req.path });
    return errorResponse(
      httpError('unavailable', 'the database cannot be reached; try again soon', {}, { 'retry-after': '2' }),
    );
  }
  logger.error('request failed', { error, method: c.req.method, path: c.req.path });
  return errorResponse(httpError('internal', 'something went wrong on the server'));
}

/** The answer to a path no route takes. */
export const noSuchRoute = (): Response =>
  errorResponse(httpError('not-found', 'no such route: see /v1/:community/:collection[/:id]'));
