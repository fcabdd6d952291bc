/**
 * Small request and response helpers the routes share: headers straight from Node, the body
 * under a size limit, `If-Match`, the shape of a value, the names in a record's path, and a
 * record's JSON answer.
 */
import { SAFE_NAME } from '../domain/record-ids.js';
import type { Ctx } from './env.js';
import { httpError } from './errors.js';
import type { RecordKey } from './records.js';
import type { CollectionRule, Rules } from './rights.js';

export const JSON_TYPE = 'application/json; charset=utf-8';

/** Deepest nesting of a value. */
const MAX_DEPTH = 32;

/** A request header, read from Node's parsed headers (a web Headers object costs more to build). */
export function header(c: Ctx, name: string): string | undefined {
  const value = c.env.incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * The address a request came from: the socket's, or behind `trustedProxies` proxies the one the
 * farthest of them saw. Each proxy appends the address it saw to X-Forwarded-For, so that one is
 * the `trustedProxies`-th from the right; whatever stands left of it the client wrote itself.
 */
export function clientAddress(c: Ctx, trustedProxies: number): string {
  if (trustedProxies > 0) {
    const forwarded = header(c, 'x-forwarded-for')
      ?.split(',')
      .map((address) => address.trim())
      .filter(Boolean);
    // Fewer addresses than proxies: the request skipped some, and the left-most is a proxy's.
    if (forwarded?.length) return forwarded[Math.max(0, forwarded.length - trustedProxies)]!;
  }
  return c.env.incoming.socket.remoteAddress ?? 'unknown';
}

/** The body as text; a 413 as soon as it passes `maxBytes` (declared or read). */
export async function readBody(c: Ctx, maxBytes: number): Promise<string> {
  const declared = Number(header(c, 'content-length') ?? NaN);
  const tooLarge = () =>
    httpError('too-large', `the body is larger than ${maxBytes} bytes`, { limit: maxBytes });
  if (declared > maxBytes) throw tooLarge();
  // Straight from Node's request: a web ReadableStream around it costs more than the write.
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of c.env.incoming as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The revision an `If-Match` header names: `3`, `"3"` or `W/"3"`; `null` when absent. */
export function parseIfMatch(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(value);
  if (!match) throw httpError('bad-if-match', 'If-Match must name one revision, like If-Match: 3');
  return Number(match[1]);
}

/** Checks every string and key of a value against a length, and the nesting depth. */
export function checkShape(value: unknown, maxString: number, path = 'value', depth = 0): void {
  if (depth > MAX_DEPTH) throw httpError('too-deep', `${path} is nested more than ${MAX_DEPTH} levels`);
  if (typeof value === 'string') {
    if (value.length > maxString)
      throw httpError('too-long', `${path} is longer than ${maxString} characters`, { field: path });
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkShape(item, maxString, `${path}[${i}]`, depth + 1));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key.length > maxString)
      throw httpError('too-long', `a field name in ${path} is too long`, { field: path });
    checkShape(item, maxString, `${path}.${key}`, depth + 1);
  }
}

/** A 400 unless `name` is a safe name (see SAFE_NAME); `what` names it in the message. */
export function checkName(what: 'community' | 'collection' | 'id', name: string): void {
  if (!SAFE_NAME.test(name))
    throw httpError('invalid-name', `the ${what} must be 1–200 letters, digits or -_.:~`);
}

/** A 400 naming the collections the server keeps, for one it does not. */
export function unknownCollection(collection: string, rules: Rules) {
  return httpError('unknown-collection', `this server keeps no collection "${collection}"`, {
    collections: rules.names,
  });
}

/** The record a path names (`/v1/:community/:collection[/:id]`) and its collection's rule. */
export function recordPath(c: Ctx, rules: Rules, withId: boolean): { key: RecordKey; rule: CollectionRule } {
  const { community, collection } = c.req.param() as { community: string; collection: string };
  const id = withId ? (c.req.param('id') as string) : '';
  checkName('community', community);
  checkName('collection', collection);
  if (withId) checkName('id', id);
  const rule = rules.get(collection);
  if (!rule) throw unknownCollection(collection, rules);
  return { key: { community, collection, id }, rule };
}

/** A record's JSON with its revision as the ETag. */
export function recordResponse(
  status: number,
  json: string,
  rev: number,
  extra: Record<string, string> = {},
): Response {
  return new Response(json, { status, headers: { 'content-type': JSON_TYPE, etag: `"${rev}"`, ...extra } });
}
