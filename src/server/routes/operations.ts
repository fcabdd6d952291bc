/**
 * Named operations on a record, mounted under `/v1/:community`:
 *
 *   POST /:collection/:id/ops   body: the operation, e.g. {"type":"claim","claimId":"c1"};
 *                               If-Match: <rev> (optional: strict), Idempotency-Key (optional)
 *
 * How people who do not own a record change it: the server applies the operation to the record
 * as it is now, with the collection's rule, inside a compare-and-set; a race with another write
 * is read again and retried a few times, unless the caller sent `If-Match` (then it is a 409).
 * The answer is the record as the actor may see it: 200, or 201 when the operation created it.
 *
 * `reflection-counts` take one operation, `{"type":"count","postId"}`: the server adds one per
 * person per post, remembered as an HMAC of community, post and person under a secret only the
 * server holds; neither the record, the log nor the request log names the person.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import type { AppDeps, Ctx, Env } from '../env.js';
import { conflict, httpError, refused } from '../errors.js';
import { checkShape, header, parseIfMatch, readBody, recordPath, recordResponse } from '../http.js';
import { IdempotentWrite, idempotencyOf } from '../idempotency.js';
import { actor, type Auth } from '../middleware/auth.js';
import { MODERATION_LOG_COLLECTION } from '../../domain/concerns.js';
import { REFLECTION_COUNT_MIN } from '../../domain/reflection.js';
import {
  ANONYMOUS,
  countOnce,
  getRecord,
  metaValue,
  parseStored,
  RecordReader,
  type PutResult,
  type RecordKey,
} from '../records.js';
import { putWithLog } from '../moderation.js';
import { Rules, shownJson, type CollectionRule, type Identity } from '../rights.js';

type Deps = Pick<AppDeps, 'config' | 'db' | 'rules' | 'lists' | 'puts' | 'feed'> & {
  auth: Auth;
  limit: MiddlewareHandler<Env>;
};

/** Tries of an operation that lost a race with another write before it answers 409. */
const TRIES = 5;

/** The operation in a body. */
function parseOperation(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw httpError('invalid-json', 'the body is not valid JSON');
  }
}

export function operationRoutes(deps: Deps): Hono<Env> {
  const { config, db, rules, lists, puts, feed, auth, limit } = deps;
  let countSecret: Promise<string> | undefined;
  /** The secret count marks are made with: made once, kept in the database. */
  const secret = () => {
    countSecret ??= metaValue(db, 'count_secret', () => randomBytes(32).toString('hex'));
    countSecret.catch(() => (countSecret = undefined));
    return countSecret;
  };

  const reader = new RecordReader(db);
  /** A write committed: the cache holds the record as written; a moderation step also changed the log. */
  const written = (key: RecordKey, seq: string, json: string, owner: string, logged = false) => {
    lists.stored(key.community, key.collection, json, owner);
    if (logged) lists.invalidate(key.community, MODERATION_LOG_COLLECTION);
    feed.announce(seq);
  };
  const notFound = (key: RecordKey) => httpError('not-found', `"${key.id}" does not exist`);

  /** `{"type":"count"}` on a count record: one per person per post, the person kept nowhere. */
  async function count(c: Ctx, me: Identity, key: RecordKey, rule: CollectionRule, text: string) {
    // The request log line names no one for this write.
    c.set('identity', undefined);
    const operation = parseOperation(text);
    const checked = rule.count!({ actor: me, id: key.id, now: new Date() }, operation);
    if ('status' in checked) throw refused(checked);
    const mark = createHmac('sha256', await secret())
      .update(JSON.stringify([key.community, checked.postId, me.id]))
      .digest('hex');
    const result: PutResult | undefined = await countOnce(db, key, {
      mark,
      postId: checked.postId,
      shownFrom: REFLECTION_COUNT_MIN,
    });
    if (result) written(key, result.seq, result.json, ANONYMOUS);
    // The same answer whether this count was new, a repeat or the first of all (no 201: that would
    // say "you are the first"); below the minimum it says nothing of how many counted.
    const json = result?.json ?? (await getRecord(db, key))?.json;
    const shown = json === undefined ? undefined : shownJson(rule, json, ANONYMOUS, me);
    if (shown !== undefined)
      return recordResponse(200, shown, parseStored({ json: shown, owner: ANONYMOUS }).rev);
    const hidden = {
      id: key.id,
      rev: 0,
      value: { postId: checked.postId, count: 0 },
      author: ANONYMOUS,
      updatedAt: new Date(0).toISOString(),
    };
    return recordResponse(200, JSON.stringify(hidden), 0);
  }

  /**
   * Operations on one record from this process run one after another: each reads the record the
   * previous one wrote, so people claiming the same post at once are served in turn instead of
   * failing each other's compare-and-set. (Other processes still race; that is what the retries are for.)
   */
  const lanes = new Map<string, Promise<unknown>>();
  function inLane<T>(key: RecordKey, run: () => Promise<T>): Promise<T> {
    const name = `${key.community}\u0000${key.collection}\u0000${key.id}`;
    const result = (lanes.get(name) ?? Promise.resolve()).then(run, run);
    const tail = result.catch(() => undefined);
    lanes.set(name, tail);
    void tail.then(() => {
      if (lanes.get(name) === tail) lanes.delete(name);
    });
    return result;
  }

  return new Hono<Env>().post('/:collection/:id/ops', auth.signedIn, limit, async (c) => {
    const me = actor(c);
    const { key, rule } = recordPath(c, rules, true);
    const expectedRev = parseIfMatch(header(c, 'if-match'));
    const text = await readBody(c, config.maxBodyBytes);
    if (rule.count) return count(c, me, key, rule, text);
    if (!rule.operate) throw httpError('invalid', `"${key.collection}" takes no operations`);
    const once = new IdempotentWrite(db, key, idempotencyOf(c, me, text), rule, me);
    const operation = parseOperation(text);
    checkShape(operation, config.maxStringLength);

    const operate = rule.operate.bind(rule);
    return inLane(key, () => apply(me, key, rule, operate, expectedRev, once, operation));
  });

  async function apply(
    me: Identity,
    key: RecordKey,
    rule: CollectionRule,
    operate: NonNullable<CollectionRule['operate']>,
    expectedRev: number | null,
    once: IdempotentWrite,
    operation: unknown,
  ): Promise<Response> {
    for (let attempt = 0; attempt < TRIES; attempt++) {
      const row = await reader.get(key);
      const before = row ? parseStored(row) : undefined;
      // A record this person may not see answers exactly like one that does not exist.
      if (!before || shownJson(rule, before.json, before.owner, me) === undefined)
        return once.refuse(notFound(key));
      if (expectedRev !== null && before.rev !== expectedRev)
        return once.refuse(
          conflict(`"${key.id}" changed: expected revision ${expectedRev}, found ${before.rev}`, before.rev),
        );
      const checked = operate({ actor: me, id: key.id, now: new Date() }, before, operation);
      if ('status' in checked) return once.refuse(refused(checked));
      const input = {
        valueJson: JSON.stringify(checked.value),
        actor: me.id,
        expectedRev: before.rev,
        wasPublic: Rules.isPublic(rule, before.value),
        isPublic: Rules.isPublic(rule, checked.value),
        idempotency: once.idem,
      };
      // A moderation step (hide, unhide, a reply on a hide) commits with its line in the audit log.
      const log = checked.log;
      const result = await once.run(() => (log ? putWithLog(db, key, input, [log]) : puts.put(key, input)));
      if (result) {
        written(key, result.seq, result.json, before.owner, log !== undefined);
        const json = shownJson(rule, result.json, before.owner, me) ?? result.json;
        return recordResponse(200, json, result.rev);
      }
      // Another write got there first: with If-Match the caller asked to be told; else apply it again.
      if (expectedRev !== null) {
        const now = await getRecord(db, key);
        const rev = now ? parseStored(now).rev : undefined;
        return once.refuse(conflict(`"${key.id}" changed while saving (revision ${rev ?? 'none'})`, rev));
      }
    }
    return once.refuse(conflict(`"${key.id}" kept changing; try again`, undefined));
  }
}
