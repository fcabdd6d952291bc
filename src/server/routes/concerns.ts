/**
 * Operations on concerns, mounted under `/v1/:community` before the other operations:
 *
 *   POST /concerns/:id/ops   body: {"type":"raise"|"follow"|"add"|"reopen"|"answer"|"set-state",…}
 *                            If-Match: <rev> (optional: strict), Idempotency-Key (optional)
 *
 * The rules are src/domain/concerns.ts, the contract docs/moderation.md. An operation that
 * carries `key` acts as the concern's anonymous raiser: the person behind the token is dropped
 * as soon as the operation is read (after the token proved they are a member), and from then on
 * nothing of this request names them: not the record, the log, the audit log, the idempotency
 * entry (bound to the key's hash), the request log or a rate-limit bucket (the community's).
 * No concern request names its person in the request log.
 *
 * A concern the actor may not see (someone else's, a wrong key, an id never used) answers 404,
 * the same bytes whichever it is.
 */
import { Hono } from 'hono';
import {
  actsAnonymously,
  applyConcernOperation,
  CONCERNS_COLLECTION,
  ConcernError,
  MODERATION_LOG_COLLECTION,
  parseConcernOperation,
  raiseConcern,
  raiserView,
  isConcern,
  type Concern,
  type ConcernActor,
  type ConcernErrorCode,
  type ConcernOperation,
} from '../../domain/concerns.js';
import type { AppDeps, Env } from '../env.js';
import { conflict, httpError, HttpError } from '../errors.js';
import { checkName, header, parseIfMatch, readBody, recordResponse } from '../http.js';
import { bodyHash, IdempotentWrite, idempotencyOf } from '../idempotency.js';
import { actor, type Auth } from '../middleware/auth.js';
import type { WriteLimits } from '../middleware/rate-limit.js';
import { getConcern, keyHash, keyMatches, writeConcern, type LogStep } from '../moderation.js';
import { ANONYMOUS, parseStored, type RecordKey } from '../records.js';
import type { Identity } from '../rights.js';

type Deps = Pick<AppDeps, 'config' | 'db' | 'rules' | 'lists' | 'feed'> & { auth: Auth; limits: WriteLimits };

/** Tries of an operation that lost a race with another write before it answers 409. */
const TRIES = 5;

const STATUS: Record<ConcernErrorCode, number> = {
  invalid: 400,
  'not-found': 404,
  'moderators-only': 403,
  'raiser-only': 403,
  'answer-first': 409,
  closed: 409,
  'not-closed': 409,
  'thread-full': 409,
};

const answerOf = (error: ConcernError) => new HttpError(STATUS[error.code], error.code, error.message);

/** The operation in a body, checked (a malformed one answers the same for every id). */
function readOperation(text: string): ConcernOperation {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw httpError('invalid-json', 'the body is not valid JSON');
  }
  try {
    return parseConcernOperation(body);
  } catch (error) {
    if (error instanceof ConcernError) throw answerOf(error);
    throw error;
  }
}

export function concernRoutes(deps: Deps): Hono<Env> {
  const { config, db, rules, lists, feed, auth, limits } = deps;
  const rule = rules.get(CONCERNS_COLLECTION)!;
  const notFound = (key: RecordKey) => httpError('not-found', `"${key.id}" does not exist`);
  const written = (key: RecordKey, seq: string) => {
    lists.invalidate(key.community, CONCERNS_COLLECTION);
    lists.invalidate(key.community, MODERATION_LOG_COLLECTION);
    feed.announce(seq);
  };

  return new Hono<Env>().post(`/${CONCERNS_COLLECTION}/:id/ops`, auth.signedIn, async (c) => {
    const me = actor(c);
    // The request log names nobody for a concern: not even which person raised which id and failed.
    c.set('identity', undefined);
    limits.address(c);
    const community = c.req.param('community') as string;
    const id = c.req.param('id') as string;
    checkName('community', community);
    checkName('id', id);
    const key: RecordKey = { community, collection: CONCERNS_COLLECTION, id };
    const expectedRev = parseIfMatch(header(c, 'if-match'));
    const text = await readBody(c, config.maxBodyBytes);
    const op = readOperation(text);
    const anonymous = actsAnonymously(op);
    const keyOf = (op as { key?: string }).key;
    if (!anonymous) limits.person(me);
    else if (op.type !== 'follow') limits.anonymous(key.community);

    // Who the stored answers are for: the person, or (anonymous) the key's hash and nobody.
    const answerer: Identity = anonymous ? { id: `concern-key:${keyHash(keyOf!)}`, moderator: false } : me;
    const idem = anonymous
      ? (() => {
          const sent = header(c, 'idempotency-key');
          // Checked the same way as everyone's, then bound to the key's hash instead of the person.
          const checked = sent === undefined ? undefined : idempotencyOf(c, me, text);
          return checked && { ...checked, actor: answerer.id, bodyHash: bodyHash(text) };
        })()
      : idempotencyOf(c, me, text);
    const once = new IdempotentWrite(db, key, op.type === 'follow' ? undefined : idem, rule, answerer);
    const now = new Date();
    /** What this actor is answered from a stored record: moderators all, the raiser their view. */
    const answer = (json: string, asRaiser: boolean): string => {
      if (me.moderator && !anonymous) return json;
      const record = JSON.parse(json) as { value: Concern };
      return asRaiser ? JSON.stringify({ ...record, value: raiserView(record.value) }) : json;
    };

    try {
      if (op.type === 'raise') {
        // A create needs no read: the rule comes first, the insert refuses an id that exists.
        const concern = raiseConcern(op, anonymous ? undefined : { id: me.id, name: me.name }, now);
        const step: LogStep = {
          action: 'raise',
          by: 'raiser',
          ...person(anonymous ? undefined : me),
          target: CONCERNS_COLLECTION,
          targetId: key.id,
          state: concern.state,
        };
        const result = await once.run(() =>
          writeConcern(db, key, {
            value: concern,
            expectedRev: null,
            owner: anonymous ? ANONYMOUS : me.id,
            keyHash: anonymous ? keyHash(keyOf!) : undefined,
            step,
            idempotency: once.idem,
            answer: (json) => answer(json, true),
          }),
        );
        if (!result) return await once.refuse(conflict(`"${key.id}" already exists`, undefined));
        written(key, result.seq);
        return recordResponse(201, result.answer, result.rev);
      }

      for (let attempt = 0; attempt < TRIES; attempt++) {
        const row = await getConcern(db, key);
        const stored = row ? parseStored(row) : undefined;
        // A stored value the rules no longer accept is nobody's to act on (and tells nobody it exists).
        const concern = stored && isConcern(stored.value) ? stored.value : undefined;
        // Who this actor is to the concern; `undefined`: it does not exist for them.
        let who: ConcernActor | undefined;
        if (anonymous) {
          // Checked whether or not the concern exists or has a key: the same work either way.
          const matches = keyMatches(row?.keyHash, keyOf!);
          if (concern?.visibility === 'anonymous' && matches) who = { raiser: true };
        } else if (concern && stored) {
          const raiser =
            concern.visibility === 'moderators' && concern.raiserId === me.id && stored.owner === me.id;
          if (raiser || me.moderator)
            who = { raiser, moderator: me.moderator ? { id: me.id, name: me.name } : undefined };
        }
        if (!stored || !concern || !who) return await once.refuse(notFound(key));
        if (expectedRev !== null && stored.rev !== expectedRev)
          return await once.refuse(
            conflict(
              `"${key.id}" changed: expected revision ${expectedRev}, found ${stored.rev}`,
              stored.rev,
            ),
          );
        if (op.type === 'follow') {
          if (!who.raiser)
            throw new ConcernError('raiser-only', 'only the raiser follows a concern this way');
          return recordResponse(200, answer(stored.json, true), stored.rev);
        }
        const next = applyConcernOperation(concern, op, who, now);
        // Moderators see the record whole; a raiser (a moderator raising their own included) their view.
        const asRaiser = !who.moderator;
        if (next === concern) return recordResponse(200, answer(stored.json, asRaiser), stored.rev);
        const step: LogStep = who.moderator
          ? {
              action: op.type as LogStep['action'],
              by: 'moderator',
              ...person(me),
              target: CONCERNS_COLLECTION,
              targetId: key.id,
              state: next.state,
            }
          : {
              action: op.type as LogStep['action'],
              by: 'raiser',
              ...person(anonymous ? undefined : me),
              target: CONCERNS_COLLECTION,
              targetId: key.id,
              state: next.state,
            };
        const result = await once.run(() =>
          writeConcern(db, key, {
            value: next,
            expectedRev: stored.rev,
            step,
            idempotency: once.idem,
            answer: (json) => answer(json, asRaiser),
          }),
        );
        if (result) {
          written(key, result.seq);
          return recordResponse(200, result.answer, result.rev);
        }
        if (expectedRev !== null)
          return await once.refuse(conflict(`"${key.id}" changed while saving`, undefined));
      }
      return await once.refuse(conflict(`"${key.id}" kept changing; try again`, undefined));
    } catch (error) {
      if (error instanceof ConcernError) return await once.refuse(answerOf(error));
      throw error;
    }
  });
}

/** A named person as the audit log names them; nothing for an anonymous raiser. */
function person(identity: Identity | undefined): Pick<LogStep, 'personId' | 'personName'> {
  if (!identity) return {};
  return identity.name ? { personId: identity.id, personName: identity.name } : { personId: identity.id };
}
