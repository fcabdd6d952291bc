/**
 * Who may read and write what, one rule per collection. The server asks these on every write
 * (against the stored record, inside its compare-and-set) and on every read (lists, gets and
 * live events), so the same rules hold whichever way a record travels.
 *
 * Collections with rules in src/domain/ use them; any other collection the server is told to
 * keep (`TEND_COLLECTIONS`) gets the generic rule: a signed-in person may create records, only
 * the record's creator may change or delete it, and moderators may delete. Open collections
 * (`TEND_OPEN_COLLECTIONS`) let anyone signed in change a record.
 */
import {
  canRemoveCheckIn,
  canWriteAsk,
  canWriteCheckIn,
  canWriteHistory,
  validateAsk,
  validateCheckIn,
  validateHistoryEntry,
  type CheckIn,
} from '../domain/capacity.js';
import {
  canChangeReflection,
  canSeePost,
  checkChangePost,
  OfferError,
  validatePost,
  validateReflection,
  visiblePost,
  type Post,
} from '../domain/offers.js';
import {
  applyHideOperation,
  applyPostOperation,
  isHideOperation,
  parseHideOperation,
  parsePostOperation,
} from '../domain/post-operations.js';
import {
  CONCERNS_COLLECTION,
  isConcern,
  isModerationLogEntry,
  MODERATION_LOG_COLLECTION,
  raiserView,
} from '../domain/concerns.js';
import type { LogStep } from './moderation.js';
import {
  canEdit,
  isDraft,
  isReflectionCount,
  REFLECTION_COUNT_MIN,
  reflectionCountId,
  validateEntry,
  type ReflectionEntry,
} from '../domain/reflection.js';

/** The person behind a request, from their token. */
export interface Identity {
  id: string;
  name?: string | undefined;
  moderator: boolean;
  /** When the token proving it expires (ms since 1970): event streams close then. */
  expiresAt?: number | undefined;
}

/** The stored state of a record, as the rules see it. */
export interface Stored {
  id: string;
  rev: number;
  value: unknown;
  /** Who created it (never changes). */
  author: string;
  /** Who created it: the person it belongs to. */
  owner: string;
}

/** A record as it is sent out. */
export interface OutgoingRecord {
  id: string;
  rev: number;
  value: unknown;
  author: string;
  updatedAt: string;
}

/** A refusal: the status to answer with, a stable code and words for the developer. */
export interface Refusal {
  status: 400 | 403 | 409;
  code: string;
  message: string;
}

export interface WriteContext {
  actor: Identity;
  id: string;
  /** The server's clock. */
  now: Date;
}

export interface CollectionRule {
  readonly name: string;
  /** Only the record's owner ever reads it: lists, gets and events leave it out for everyone else. */
  readonly privateToOwner: boolean;
  /** Longest string (value or key) allowed; domain rules with their own limits say `Infinity`. */
  readonly maxStringLength: number;
  /**
   * Checks a put: the value's shape and the actor's right to turn `before` (absent: create) into
   * it. Returns the value to store (e.g. with private fields the writer could not see put back),
   * or a refusal.
   */
  checkPut(ctx: WriteContext, before: Stored | undefined, value: unknown): { value: unknown } | Refusal;
  /** Checks a delete of `before`. */
  checkRemove(ctx: WriteContext, before: Stored): Refusal | undefined;
  /**
   * Applies a named operation (`POST …/:id/ops`) by the actor to the current record `before`
   * (absent: the record does not exist yet). Returns the value to store, or a refusal. Absent:
   * the collection takes no operations.
   */
  readonly operate?: (
    ctx: WriteContext,
    before: Stored | undefined,
    operation: unknown,
  ) => { value: unknown; log?: LogStep } | Refusal;
  /**
   * A count the server keeps: the operation's post, checked, or a refusal. Nobody writes these
   * records; the server adds one per person per post (see routes/operations.ts).
   */
  readonly count?: (ctx: WriteContext, operation: unknown) => { postId: string } | Refusal;
  /**
   * Whether this version of a record is seen by anyone but its owner at all. Absent: every
   * version is, unless the collection is private to owners. The changes log keeps this, so a
   * `remove` goes only to viewers who could have seen a version.
   */
  readonly isPublic?: (value: unknown) => boolean;
  /**
   * What `viewer` may see of a record: itself, a filtered copy, or `undefined` (not at all).
   * Absent: everyone who may read the collection sees every record as stored, which lets the
   * server cache one list for everybody.
   */
  readonly view?: (
    record: OutgoingRecord,
    owner: string,
    viewer: Identity | undefined,
  ) => OutgoingRecord | undefined;
  /**
   * Everyone who may see this record otherwise than a reader with no tie to it (`view` with no
   * viewer): its owner, a post's claimants, a rotation's recipient. Moderators are never asked
   * about: they always get `view` of their own. Naming too many costs time, never privacy; a
   * person left out would get the untied (public) form, never more. With it, the list cache and
   * the event fan-out build the public form of a record once for everybody and ask `view` only
   * for the people named here (list-cache.ts). Absent: `view` is asked for every viewer.
   */
  readonly viewers?: (record: OutgoingRecord, owner: string) => readonly string[];
}

const forbidden = (message: string, code = 'forbidden'): Refusal => ({ status: 403, code, message });
const invalid = (message: string, code = 'invalid'): Refusal => ({ status: 400, code, message });

/** The generic rule's write checks. */
const ownerWrites = {
  checkPut(ctx: WriteContext, before: Stored | undefined, value: unknown) {
    if (before && before.owner !== ctx.actor.id)
      return forbidden('only the person who created this record may change it');
    return { value };
  },
  checkRemove(ctx: WriteContext, before: Stored) {
    if (before.owner === ctx.actor.id || ctx.actor.moderator) return undefined;
    return forbidden('only the person who created this record, or a moderator, may delete it');
  },
};

/** Builds the generic rule for a collection the domain has no rules for. */
export function genericRule(name: string, maxStringLength: number): CollectionRule {
  return { name, privateToOwner: false, maxStringLength, ...ownerWrites };
}

/** A shared collection anyone signed in may change; deleting takes the creator or a moderator. */
export function openRule(name: string, maxStringLength: number): CollectionRule {
  return {
    name,
    privateToOwner: false,
    maxStringLength,
    checkPut: (_ctx, _before, value) => ({ value }),
    checkRemove: ownerWrites.checkRemove,
  };
}

/** A domain validator that throws (OfferError, DomainError) or returns `{ ok: false }`, as a refusal. */
function validated(run: () => unknown): Refusal | undefined {
  try {
    const result = run() as { ok?: boolean; code?: string; message?: string } | undefined;
    if (result && result.ok === false)
      return invalid(result.message ?? 'the value is not valid', result.code ?? 'invalid');
    return undefined;
  } catch (error) {
    return invalid((error as Error).message || 'the value is not valid');
  }
}

const actorOf = (identity: Identity | undefined) => ({
  id: identity?.id ?? '',
  moderator: identity?.moderator ?? false,
});

/** A post a moderator has hidden (docs/moderation.md): seen only by its author and moderators. */
const isHiddenPost = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as Post).hidden !== undefined;

/** A post value with `hidden` as stored: only the moderation operations change it. */
function keepHidden(value: unknown, before: Stored | undefined): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !before) return value;
  const stored = (before.value as Post | null)?.hidden;
  const { hidden: _sent, ...rest } = value as Post;
  return stored === undefined ? rest : { ...rest, hidden: stored };
}

/** Offer-rule refusals as answers: a lost race or a post's state is a 409, a right a 403. */
function offerRefusal(error: OfferError): Refusal {
  if (['full', 'slot-taken', 'hidden', 'not-hidden'].includes(error.code))
    return { status: 409, code: error.code, message: error.message };
  return error.code === 'invalid' ? invalid(error.message) : forbidden(error.message, error.code);
}

/** Posts: offers, needs and rotations, with claims on them (src/domain/offers.ts). */
const posts: CollectionRule = {
  name: 'posts',
  privateToOwner: false,
  maxStringLength: Infinity,
  checkPut(ctx, before, sent) {
    // Only the author writes the whole post; everyone else changes it by named operations, so no
    // private field ever passes through their hands.
    if (before && before.owner !== ctx.actor.id)
      return forbidden(
        'only the author writes the whole post: send an operation instead, POST /v1/:community/posts/:id/ops with {"type":"claim",…}',
        'use-operation',
      );
    // A hide stays whatever the author sends (they see it without the moderator's id).
    const value = keepHidden(sent, before);
    const refusal = validated(() => validatePost(value));
    if (refusal) return refusal;
    const decision = checkChangePost(actorOf(ctx.actor), before?.value, value, ctx.now);
    if (!decision.allowed)
      return decision.code === 'invalid'
        ? invalid(decision.reason)
        : forbidden(decision.reason, decision.code);
    return { value };
  },
  operate(ctx, before, operation) {
    if (!before) return invalid('nothing to operate on');
    try {
      if (isHideOperation(operation)) {
        const op = parseHideOperation(operation);
        const post = before.value as Post;
        const value = applyHideOperation(post, op, ctx.actor, ctx.now);
        const asModerator = ctx.actor.moderator && ctx.actor.id !== post.authorId;
        return {
          value,
          log: {
            action: op.type,
            by: op.type === 'hide-reply' && !asModerator ? 'author' : 'moderator',
            personId: ctx.actor.id,
            ...(ctx.actor.name ? { personName: ctx.actor.name } : {}),
            target: 'posts',
            targetId: ctx.id,
            ...(op.type === 'hide' ? { reason: op.reason } : {}),
          },
        };
      }
      const op = parsePostOperation(operation);
      return { value: applyPostOperation(before.value as Post, op, ctx.actor, ctx.now) };
    } catch (error) {
      if (!(error instanceof OfferError)) throw error;
      return offerRefusal(error);
    }
  },
  checkRemove(ctx, before) {
    const decision = checkChangePost(actorOf(ctx.actor), before.value, undefined, ctx.now);
    return decision.allowed ? undefined : forbidden(decision.reason, decision.code);
  },
  // A hidden version is seen by nobody but its author (and moderators): hiding sends the others a
  // `remove`, exactly as deleting it would.
  isPublic: (value) => !isHiddenPost(value),
  view(record, _owner, viewer) {
    let post: Post;
    try {
      post = validatePost(record.value);
    } catch {
      // A stored value the rules no longer accept: only its writer sees it, so nothing private leaks.
      return viewer?.id === record.author || viewer?.moderator ? record : undefined;
    }
    const actor = actorOf(viewer);
    // Hidden from everyone else exactly as if deleted: no record, no event, the same 404.
    if (!canSeePost(post, actor)) return undefined;
    const shown = visiblePost(post, actor);
    return shown === post ? record : { ...record, value: shown };
  },
  // Its author (who also sees a hidden post), a rotation's recipient and everyone with a claim
  // (an accepted one sees the helper-only details).
  viewers(record, owner) {
    const post = record.value as Partial<Post> | null;
    const people = [owner, record.author];
    if (typeof post !== 'object' || post === null) return people;
    if (typeof post.authorId === 'string') people.push(post.authorId);
    const recipient = post.rotation?.recipientId;
    if (typeof recipient === 'string') people.push(recipient);
    if (Array.isArray(post.claims))
      for (const claim of post.claims) if (typeof claim?.personId === 'string') people.push(claim.personId);
    return people;
  },
};

/**
 * Concerns (src/domain/concerns.ts): changed only by their operations (routes/concerns.ts), never
 * deleted. Moderators see every one; a named concern's raiser sees theirs without moderator
 * names; an anonymous one's raiser reads it only with its key (the `follow` operation); nobody
 * else learns that a concern exists.
 */
const concerns: CollectionRule = {
  name: CONCERNS_COLLECTION,
  privateToOwner: false,
  maxStringLength: Infinity,
  isPublic: () => false,
  checkPut: () =>
    forbidden(
      'concerns change only by their operations: POST /v1/:community/concerns/:id/ops with {"type":"raise",…}',
      'use-operation',
    ),
  checkRemove: () => forbidden('a concern is never deleted: it is answered and closed', 'never-deleted'),
  view(record, owner, viewer) {
    if (!viewer || !isConcern(record.value)) return undefined;
    if (viewer.moderator) return record;
    const concern = record.value;
    // The owner of an anonymous one is "anonymous": only a named concern is its owner's.
    if (concern.visibility !== 'moderators' || concern.raiserId !== viewer.id || owner !== viewer.id)
      return undefined;
    const shown = raiserView(concern);
    return shown === concern ? record : { ...record, value: shown };
  },
  // Only a named concern's raiser, who is its owner, sees it besides moderators.
  viewers: (_record, owner) => [owner],
};

/** The audit log: written by the server with the steps it records, read by moderators only. */
const moderationLog: CollectionRule = {
  name: MODERATION_LOG_COLLECTION,
  privateToOwner: false,
  maxStringLength: Infinity,
  isPublic: () => false,
  checkPut: () => forbidden('the server keeps the moderation log'),
  checkRemove: () => forbidden('the moderation log keeps every step'),
  view: (record, _owner, viewer) =>
    viewer?.moderator && isModerationLogEntry(record.value) ? record : undefined,
  viewers: () => [],
};

/** A check of the actor's right to write a value under an id, and the words when they may not. */
interface MayWrite {
  allowed(ctx: WriteContext, value: unknown, before: Stored | undefined): boolean;
  refusal: string;
}

/** What a collection of owned records says about itself; `ownedRule` adds what they share. */
interface OwnedRuleSpec {
  name: string;
  /** Only the owner ever reads a record. Default false. */
  privateToOwner?: boolean;
  /** The value's shape: a refusal when it is not valid (see `validated` for the domain's validators). */
  validate(value: unknown, ctx: WriteContext): Refusal | undefined;
  /** The actor's right to write this value under this id, beyond owning the record. */
  mayWrite?: MayWrite;
  /** Words for a write to a record someone else owns. Default: the generic rule's. */
  notYours?: string;
  /** Check ownership before `mayWrite` (its words win when both fail). Default after. */
  ownerFirst?: boolean;
  /** Who may delete. Default: the owner or a moderator. */
  checkRemove?: CollectionRule['checkRemove'];
  view?: CollectionRule['view'];
  viewers?: CollectionRule['viewers'];
  isPublic?: CollectionRule['isPublic'];
}

/**
 * A rule for records that belong to their creator: validate the value, check the actor's right
 * to write it, then that they own the record being changed; only the owner or a moderator deletes.
 */
function ownedRule(spec: OwnedRuleSpec): CollectionRule {
  const notYours = spec.notYours ?? 'only the person who created this record may change it';
  const mayWrite = (ctx: WriteContext, value: unknown, before: Stored | undefined) =>
    !spec.mayWrite || spec.mayWrite.allowed(ctx, value, before)
      ? undefined
      : forbidden(spec.mayWrite.refusal);
  const owns = (ctx: WriteContext, before: Stored | undefined) =>
    before && before.owner !== ctx.actor.id ? forbidden(notYours) : undefined;
  return {
    name: spec.name,
    privateToOwner: spec.privateToOwner ?? false,
    maxStringLength: Infinity,
    checkPut(ctx, before, value) {
      const refusal =
        spec.validate(value, ctx) ??
        (spec.ownerFirst
          ? (owns(ctx, before) ?? mayWrite(ctx, value, before))
          : (mayWrite(ctx, value, before) ?? owns(ctx, before)));
      return refusal ?? { value };
    },
    checkRemove: spec.checkRemove ?? ownerWrites.checkRemove,
    ...(spec.view ? { view: spec.view } : {}),
    ...(spec.viewers ? { viewers: spec.viewers } : {}),
    ...(spec.isPublic ? { isPublic: spec.isPublic } : {}),
  };
}

/** Deletes by the owner only, refused with `message`. */
const onlyOwnerRemoves =
  (message: string): CollectionRule['checkRemove'] =>
  (ctx, before) =>
    before.owner === ctx.actor.id ? undefined : forbidden(message);

/** "Would you offer this again?": private to the person it belongs to. */
const offerReflections = ownedRule({
  name: 'offer-reflections',
  privateToOwner: true,
  validate: (value) => validated(() => validateReflection(value)),
  notYours: 'this reflection is someone else’s',
  ownerFirst: true,
  mayWrite: {
    allowed: (ctx, value, before) => canChangeReflection(actorOf(ctx.actor), ctx.id, before?.value, value),
    refusal: 'a reflection is written only by its person, under its own id',
  },
  checkRemove: onlyOwnerRemoves('this reflection is someone else’s'),
});

/** A check-in its person chose to show the circle. */
const isCircleCheckIn = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && (value as CheckIn).visibility === 'circle';

/** Check-ins: one per person and circle; only `circle` ones are seen by anyone but their person. */
const checkIns = ownedRule({
  name: 'check-ins',
  validate: (value, ctx) => validated(() => validateCheckIn(value, ctx.now)),
  mayWrite: {
    allowed: (ctx, value) => canWriteCheckIn(ctx.actor.id, { id: ctx.id, value: value as CheckIn }),
    refusal: 'a person writes only their own check-in, under its own id',
  },
  notYours: 'this check-in is someone else’s',
  checkRemove(ctx, before) {
    const ok =
      before.owner === ctx.actor.id ||
      canRemoveCheckIn(
        ctx.actor.id,
        { id: before.id, value: before.value as CheckIn },
        { moderator: ctx.actor.moderator },
      );
    return ok ? undefined : forbidden('only the person, or a moderator, clears a check-in');
  },
  // Counted-only and just-me check-ins never leave the server for anyone but their person: the
  // circle reads counted ones only as figures (routes/aggregates.ts).
  view(record, owner, viewer) {
    if (owner === viewer?.id) return record;
    return isCircleCheckIn(record.value) ? record : undefined;
  },
  viewers: (_record, owner) => [owner],
  isPublic: (value) => isCircleCheckIn(value),
});

/** A person's own pattern of check-ins: private. */
const checkInHistory = ownedRule({
  name: 'check-in-history',
  privateToOwner: true,
  validate: (value) => validated(() => validateHistoryEntry(value)),
  notYours: 'this history is someone else’s',
  ownerFirst: true,
  mayWrite: {
    allowed: (ctx, value) => canWriteHistory(ctx.actor.id, { id: ctx.id, value: value as never }),
    refusal: 'a person writes only their own history, under its own id',
  },
});

/** "I asked": the asker's alone; the circle learns only how often named people were asked (aggregates). */
const asks = ownedRule({
  name: 'asks',
  privateToOwner: true,
  validate: (value) => validated(() => validateAsk(value)),
  mayWrite: {
    allowed: (ctx, value) => canWriteAsk(ctx.actor.id, value as never),
    refusal: 'a person records only their own asks, not of themselves',
  },
});

/** Reflections and their drafts: private to their author (they normally stay on the device). */
const reflections = ownedRule({
  name: 'reflections',
  privateToOwner: true,
  validate: (value) => validated(() => validateEntry(value)),
  mayWrite: {
    allowed: (ctx, value) => canEdit(ctx.actor.id, value as ReflectionEntry),
    refusal: 'a reflection is written only by its author',
  },
  checkRemove: onlyOwnerRemoves('this reflection is someone else’s'),
});

const reflectionDrafts = ownedRule({
  name: 'reflection-drafts',
  privateToOwner: true,
  validate: (value) =>
    isDraft(value) ? undefined : invalid('a draft needs postId, authorId, step and updatedAt'),
  mayWrite: {
    allowed: (ctx, value) => (value as { authorId: string }).authorId === ctx.actor.id,
    refusal: 'a draft is written only by its author',
  },
  checkRemove: reflections.checkRemove,
});

/**
 * "N readers reflected here": one record per post (id `reflectionCountId(postId)`), written only by the
 * server with author "anonymous", one count per person per post (routes/operations.ts), and
 * shown only from REFLECTION_COUNT_MIN readers on.
 */
const countShown = (value: unknown): boolean =>
  isReflectionCount(value) && value.count >= REFLECTION_COUNT_MIN;

const reflectionCounts: CollectionRule = {
  name: 'reflection-counts',
  privateToOwner: false,
  maxStringLength: Infinity,
  // Below REFLECTION_COUNT_MIN a count is absent for everyone, its counters included: a count of
  // one or two, or watching it move from 1 to 2, would point at the reader who just acted.
  isPublic: countShown,
  view: (record) => (countShown(record.value) ? record : undefined),
  viewers: () => [],
  checkPut: () =>
    forbidden(
      'the server keeps reflection counts: send POST /v1/:community/reflection-counts/:id/ops with {"type":"count","postId":…}',
    ),
  checkRemove: () => forbidden('the server keeps reflection counts'),
  count(ctx, operation) {
    const op = operation as Record<string, unknown> | null;
    if (typeof op !== 'object' || op === null || Array.isArray(op) || op['type'] !== 'count')
      return invalid('this collection takes one operation: {"type":"count","postId":…}');
    const { type: _type, postId, ...rest } = op;
    if (Object.keys(rest).length) return invalid('a count holds only type and postId');
    if (typeof postId !== 'string' || !postId || postId.length > 200 || reflectionCountId(postId) !== ctx.id)
      return invalid('postId must name the post of this count record (its id is reflectionCountId(postId))');
    return { postId };
  },
};

/** The collections the domain defines. */
export const DOMAIN_RULES: readonly CollectionRule[] = [
  posts,
  concerns,
  moderationLog,
  offerReflections,
  checkIns,
  checkInHistory,
  asks,
  reflections,
  reflectionDrafts,
  reflectionCounts,
];

/** Names no collection may take: they are routes. */
export const RESERVED_COLLECTIONS: ReadonlySet<string> = new Set(['events', 'aggregates']);

/** The table of rules the server enforces. */
export class Rules {
  readonly #rules = new Map<string, CollectionRule>();

  constructor(options: {
    extraCollections?: readonly string[];
    openCollections?: readonly string[];
    maxStringLength: number;
  }) {
    for (const rule of DOMAIN_RULES) this.#rules.set(rule.name, rule);
    for (const name of options.extraCollections ?? [])
      if (!this.#rules.has(name) && !RESERVED_COLLECTIONS.has(name))
        this.#rules.set(name, genericRule(name, options.maxStringLength));
    for (const name of options.openCollections ?? [])
      if (!this.#rules.has(name) && !RESERVED_COLLECTIONS.has(name))
        this.#rules.set(name, openRule(name, options.maxStringLength));
  }

  /** The rule of a collection, or `undefined` when the server does not keep it. */
  get(collection: string): CollectionRule | undefined {
    return this.#rules.get(collection);
  }

  get names(): string[] {
    return [...this.#rules.keys()];
  }

  /** Whether a version of a record of `rule`'s collection is seen by anyone but its owner. */
  static isPublic(rule: CollectionRule, value: unknown): boolean {
    if (rule.privateToOwner) return false;
    return rule.isPublic ? rule.isPublic(value) : true;
  }

  /** Whether `viewer` may see a record of `rule`'s collection at all (before `view`). */
  static mayRead(rule: CollectionRule, owner: string, viewer: Identity | undefined): boolean {
    return !rule.privateToOwner || (viewer !== undefined && viewer.id === owner);
  }
}

/** What `viewer` sees of a stored record's JSON: as stored, filtered by the rule, or nothing (absent). */
export function shownJson(
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
