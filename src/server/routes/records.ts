/**
 * Records in a collection, mounted under `/v1/:community`:
 *
 *   GET    /:collection        → {"items":[record…]}
 *   GET    /:collection/:id    → record | 404
 *   PUT    /:collection/:id    body {"value":…}, If-Match: <rev> (absent: create)
 *   DELETE /:collection/:id    If-Match: <rev> (absent: whatever is there)
 *
 * Every read and write goes through the collection's rule (rights.ts).
 */
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppDeps, Env } from '../env.js';
import { conflict, httpError, refused } from '../errors.js';
import {
  checkShape,
  header,
  JSON_TYPE,
  parseIfMatch,
  readBody,
  recordPath,
  recordResponse,
} from '../http.js';
import { IdempotentWrite, idempotencyOf } from '../idempotency.js';
import { actor, type Auth } from '../middleware/auth.js';
import { MODERATION_LOG_COLLECTION } from '../../domain/concerns.js';
import { POSTS_COLLECTION } from '../../domain/offers.js';
import { removeWithLog } from '../moderation.js';
import { getRecord, parseStored, removeRecord, type RecordKey, type StoredRow } from '../records.js';
import { Rules, shownJson as shown } from '../rights.js';

type Deps = Pick<AppDeps, 'config' | 'db' | 'rules' | 'lists' | 'puts' | 'feed'> & {
  auth: Auth;
  limit: MiddlewareHandler<Env>;
};

/** The `value` of a PUT's body `{"value": …}`. */
function putValue(text: string): unknown {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw httpError('invalid-json', 'the body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body) || !('value' in body))
    throw httpError('invalid-body', 'the body must be {"value": …}');
  if (Object.keys(body).length !== 1) throw httpError('invalid-body', 'the body holds only "value"');
  return (body as { value: unknown }).value;
}

export function recordRoutes(deps: Deps): Hono<Env> {
  const { config, db, rules, lists, puts, feed, auth, limit } = deps;

  /** A write committed: the cache holds the record as written (`json`), or forgets a removed one. */
  const written = (key: RecordKey, seq: string, json?: string, owner?: string, logged = false) => {
    if (json !== undefined && owner !== undefined) lists.stored(key.community, key.collection, json, owner);
    else lists.invalidate(key.community, key.collection);
    if (logged) lists.invalidate(key.community, MODERATION_LOG_COLLECTION);
    feed.announce(seq);
  };

  const notFound = (key: RecordKey) => httpError('not-found', `"${key.id}" does not exist`);
  const gone = (key: RecordKey) => `"${key.id}" no longer exists`;

  return new Hono<Env>()
    .get('/:collection', async (c) => {
      const { key, rule } = recordPath(c, rules, false);
      const viewer = await auth.reader(c, key.community);
      const items = await lists.items(key.community, rule, viewer);
      return new Response(`{"items":${items}}`, { headers: { 'content-type': JSON_TYPE } });
    })

    .get('/:collection/:id', async (c) => {
      const { key, rule } = recordPath(c, rules, true);
      const viewer = await auth.reader(c, key.community);
      const found = await lists.record(key.community, rule, key.id, viewer);
      if (!found) throw notFound(key);
      return recordResponse(200, found.json, found.rev);
    })

    .put('/:collection/:id', auth.signedIn, limit, async (c) => {
      const me = actor(c);
      const { key, rule } = recordPath(c, rules, true);
      const expectedRev = parseIfMatch(header(c, 'if-match'));
      const text = await readBody(c, config.maxBodyBytes);
      const once = new IdempotentWrite(db, key, idempotencyOf(c, me, text), rule, me);
      const value = putValue(text);
      checkShape(value, rule.maxStringLength);
      const ctx = { actor: me, id: key.id, now: new Date() };

      /** A 409, unless this is a retry of a write that was done: then the first answer again. */
      const conflictOr = (message: string, current: StoredRow | undefined): Promise<never> =>
        once.refuse(
          // A record this person may not see answers like one that does not exist.
          current && shown(rule, current.json, current.owner, me) === undefined
            ? conflict(gone(key), undefined)
            : conflict(message, current?.rev),
        );

      // A create needs no read first: the rule's check comes before anything about what exists,
      // and the insert refuses an existing record by itself.
      if (expectedRev === null) {
        const checked = rule.checkPut(ctx, undefined, value);
        if ('status' in checked) return once.refuse(refused(checked));
        return write(checked.value, undefined);
      }
      const row = await getRecord(db, key);
      const before = row ? parseStored(row) : undefined;
      if (!before || shown(rule, before.json, before.owner, me) === undefined)
        return conflictOr(gone(key), before);
      if (before.rev !== expectedRev)
        return conflictOr(
          `"${key.id}" changed: expected revision ${expectedRev}, found ${before.rev}`,
          before,
        );
      const checked = rule.checkPut(ctx, before, value);
      if ('status' in checked) return once.refuse(refused(checked));
      return write(checked.value, before);

      async function write(stored: unknown, before: StoredRow | undefined): Promise<Response> {
        const result = await once.run(() =>
          puts.put(key, {
            valueJson: JSON.stringify(stored),
            actor: me.id,
            expectedRev,
            wasPublic: before ? Rules.isPublic(rule, before.value) : false,
            isPublic: Rules.isPublic(rule, stored),
            idempotency: once.idem,
          }),
        );
        if (!result) {
          const row = await getRecord(db, key);
          const current = row ? parseStored(row) : undefined;
          return conflictOr(
            expectedRev === null
              ? `"${key.id}" already exists (revision ${current?.rev ?? 'none'})`
              : `"${key.id}" changed while saving (revision ${current?.rev ?? 'none'})`,
            current,
          );
        }
        written(key, result.seq, result.json, before?.owner ?? me.id);
        const json = shown(rule, result.json, before?.owner ?? me.id, me) ?? result.json;
        return recordResponse(expectedRev === null ? 201 : 200, json, result.rev);
      }
    })

    .delete('/:collection/:id', auth.signedIn, limit, async (c) => {
      const me = actor(c);
      const { key, rule } = recordPath(c, rules, true);
      const expectedRev = parseIfMatch(header(c, 'if-match'));
      const once = new IdempotentWrite(db, key, idempotencyOf(c, me), rule, me);
      const row = await getRecord(db, key);
      const before = row ? parseStored(row) : undefined;
      // A record this person may not see answers exactly like one that does not exist.
      if (!before || shown(rule, before.json, before.owner, me) === undefined)
        return once.refuse(notFound(key));
      if (expectedRev !== null && before.rev !== expectedRev)
        return once.refuse(
          conflict(`"${key.id}" changed: expected revision ${expectedRev}, found ${before.rev}`, before.rev),
        );
      const refusal = rule.checkRemove({ actor: me, id: key.id, now: new Date() }, before);
      if (refusal) return once.refuse(refused(refusal));
      const input = {
        rev: before.rev,
        wasPublic: Rules.isPublic(rule, before.value),
        idempotency: once.idem,
      };
      // A moderator removing someone's post is a moderation step: it goes to the audit log with it.
      const moderated = rule.name === POSTS_COLLECTION && me.moderator && before.owner !== me.id;
      const removed = await once.run(() =>
        moderated
          ? removeWithLog(db, key, input, {
              action: 'remove',
              by: 'moderator',
              personId: me.id,
              ...(me.name ? { personName: me.name } : {}),
              target: 'posts',
              targetId: key.id,
            })
          : removeRecord(db, key, input),
      );
      if (!removed) {
        const now = await getRecord(db, key);
        if (!now) return once.refuse(notFound(key));
        const rev = parseStored(now).rev;
        return once.refuse(conflict(`"${key.id}" changed while deleting (revision ${rev})`, rev));
      }
      written(key, removed, undefined, undefined, moderated);
      return new Response(null, { status: 204 });
    });
}
