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
import { getRecord, parseStored, removeRecord, type RecordKey, type StoredRow } from '../records.js';
import { Rules, type CollectionRule, type Identity, type OutgoingRecord } from '../rights.js';

type Deps = Pick<AppDeps, 'config' | 'db' | 'rules' | 'lists' | 'puts' | 'feed'> & {
  auth: Auth;
  limit: MiddlewareHandler<Env>;
};

/** What `viewer` sees of a stored record's JSON: as stored, filtered by the rule, or nothing. */
function shown(
  rule: CollectionRule,
  json: string,
  owner: string,
  viewer: Identity | undefined,
): string | undefined {
  if (!Rules.mayRead(rule, owner, viewer)) return undefined;
  if (!rule.view) return json;
  const record = JSON.parse(json) as OutgoingRecord;
  const view = rule.view(record, owner, viewer);
  return view === undefined ? undefined : view === record ? json : JSON.stringify(view);
}

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

  const written = (key: RecordKey, seq: string) => {
    lists.invalidate(key.community, key.collection);
    feed.announce(seq);
  };

  const notFound = (key: RecordKey) => httpError('not-found', `"${key.id}" does not exist`);

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
      const row = await getRecord(db, key);
      const json = row && shown(rule, row.json, row.owner, viewer);
      if (!row || json === undefined) throw notFound(key);
      return recordResponse(200, json, parseStored(row).rev);
    })

    .put('/:collection/:id', auth.signedIn, limit, async (c) => {
      const me = actor(c);
      const { key, rule } = recordPath(c, rules, true);
      const expectedRev = parseIfMatch(header(c, 'if-match'));
      const once = new IdempotentWrite(db, idempotencyOf(c, me), rule, me);
      const value = putValue(await readBody(c, config.maxBodyBytes));
      checkShape(value, rule.maxStringLength);

      /** A 409, unless this is a retry of a write that was done: then the first answer again. */
      const conflictOr = (message: string, current: StoredRow | undefined): Promise<never> =>
        once.refuse(
          // Someone else's private record: say no more than that the id is taken.
          current && !Rules.mayRead(rule, current.owner, me)
            ? conflict(`"${key.id}" is taken`, undefined)
            : conflict(message, current?.rev),
        );

      // A create needs no read first: the insert refuses an existing record by itself.
      let before: StoredRow | undefined;
      if (expectedRev !== null) {
        const row = await getRecord(db, key);
        before = row ? parseStored(row) : undefined;
        if (!before || !Rules.mayRead(rule, before.owner, me))
          return conflictOr(`"${key.id}" no longer exists`, before);
        if (before.rev !== expectedRev)
          return conflictOr(
            `"${key.id}" changed: expected revision ${expectedRev}, found ${before.rev}`,
            before,
          );
      }

      const checked = rule.checkPut({ actor: me, id: key.id, now: new Date() }, before, value);
      if ('status' in checked) return once.refuse(refused(checked));

      const result = await once.run(() =>
        puts.put(key, {
          valueJson: JSON.stringify(checked.value),
          actor: me.id,
          expectedRev,
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
      written(key, result.seq);
      const json = shown(rule, result.json, before?.owner ?? me.id, me) ?? result.json;
      return recordResponse(expectedRev === null ? 201 : 200, json, result.rev);
    })

    .delete('/:collection/:id', auth.signedIn, limit, async (c) => {
      const me = actor(c);
      const { key, rule } = recordPath(c, rules, true);
      const expectedRev = parseIfMatch(header(c, 'if-match'));
      const once = new IdempotentWrite(db, idempotencyOf(c, me), rule, me);
      const row = await getRecord(db, key);
      const before = row ? parseStored(row) : undefined;
      if (!before || !Rules.mayRead(rule, before.owner, me)) return once.refuse(notFound(key));
      if (expectedRev !== null && before.rev !== expectedRev)
        return once.refuse(
          conflict(`"${key.id}" changed: expected revision ${expectedRev}, found ${before.rev}`, before.rev),
        );
      const refusal = rule.checkRemove({ actor: me, id: key.id, now: new Date() }, before);
      if (refusal) throw refused(refusal);
      const removed = await once.run(() =>
        removeRecord(db, key, { rev: before.rev, idempotency: once.idem }),
      );
      if (!removed) {
        const now = await getRecord(db, key);
        if (!now) return once.refuse(notFound(key));
        const rev = parseStored(now).rev;
        return once.refuse(conflict(`"${key.id}" changed while deleting (revision ${rev})`, rev));
      }
      written(key, removed);
      return new Response(null, { status: 204 });
    });
}
