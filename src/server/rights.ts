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
  canSeeCheckIn,
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
  checkChangePost,
  restorePrivateFields,
  validatePost,
  validateReflection,
  visiblePost,
  type Post,
} from '../domain/offers.js';
import { canEdit, isDraft, isShareCount, validateEntry, type ReflectionEntry } from '../domain/reflection.js';

/** The person behind a request, from their token. */
export interface Identity {
  id: string;
  name?: string | undefined;
  moderator: boolean;
}

/** The stored state of a record, as the rules see it. */
export interface Stored {
  id: string;
  rev: number;
  value: unknown;
  /** Who last wrote it. */
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
  status: 400 | 403;
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
   * What `viewer` may see of a record: itself, a filtered copy, or `undefined` (not at all).
   * Absent: everyone who may read the collection sees every record as stored, which lets the
   * server cache one list for everybody.
   */
  readonly view?: (
    record: OutgoingRecord,
    owner: string,
    viewer: Identity | undefined,
  ) => OutgoingRecord | undefined;
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

/** Posts: offers, needs and rotations, with claims on them (src/domain/offers.ts). */
const posts: CollectionRule = {
  name: 'posts',
  privateToOwner: false,
  maxStringLength: Infinity,
  checkPut(ctx, before, value) {
    const refusal = validated(() => validatePost(value));
    if (refusal) return refusal;
    const decision = checkChangePost(actorOf(ctx.actor), before?.value, value, ctx.now);
    if (!decision.allowed)
      return decision.code === 'invalid'
        ? invalid(decision.reason)
        : forbidden(decision.reason, decision.code);
    // A claimant never saw the helper-only details: their write keeps the stored ones.
    return {
      value: before ? restorePrivateFields(before.value as Post, value as Post, actorOf(ctx.actor)) : value,
    };
  },
  checkRemove(ctx, before) {
    const decision = checkChangePost(actorOf(ctx.actor), before.value, undefined, ctx.now);
    return decision.allowed ? undefined : forbidden(decision.reason, decision.code);
  },
  view(record, _owner, viewer) {
    let post: Post;
    try {
      post = validatePost(record.value);
    } catch {
      // A stored value the rules no longer accept: only its writer sees it, so nothing private leaks.
      return viewer?.id === record.author || viewer?.moderator ? record : undefined;
    }
    const shown = visiblePost(post, actorOf(viewer));
    return shown === post ? record : { ...record, value: shown };
  },
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

/** Check-ins: one per person and circle; `just-me` ones are seen only by their person. */
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
  view(record, owner, viewer) {
    const checkIn = record.value as CheckIn;
    const viewerId = viewer?.id ?? '';
    if (owner === viewerId) return record;
    if (typeof checkIn !== 'object' || checkIn === null || !canSeeCheckIn(viewerId, checkIn))
      return undefined;
    if (checkIn.visibility !== 'counted') return record;
    // Counted, never named: the circle gets the level and kinds, not the name or the note.
    const { personName: _name, ...rest } = checkIn;
    return { ...record, value: { ...rest, note: '' } };
  },
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

/** "I asked": shared with the circle so asks spread out. */
const asks = ownedRule({
  name: 'asks',
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

/** "N readers reflected here": a post id and a time, nothing else; who wrote one is not shown. */
const reflectionCounts = ownedRule({
  name: 'reflection-counts',
  validate: (value) =>
    isShareCount(value) ? undefined : invalid('a reflection count holds exactly { postId, at }'),
  view(record, owner, viewer) {
    return owner === viewer?.id ? record : { ...record, author: 'anonymous' };
  },
});

/** The collections the domain defines. */
export const DOMAIN_RULES: readonly CollectionRule[] = [
  posts,
  offerReflections,
  checkIns,
  checkInHistory,
  asks,
  reflections,
  reflectionDrafts,
  reflectionCounts,
];

/** Names no collection may take: they are routes. */
export const RESERVED_COLLECTIONS: ReadonlySet<string> = new Set(['events']);

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

  /** Whether `viewer` may see a record of `rule`'s collection at all (before `view`). */
  static mayRead(rule: CollectionRule, owner: string, viewer: Identity | undefined): boolean {
    return !rule.privateToOwner || (viewer !== undefined && viewer.id === owner);
  }
}
