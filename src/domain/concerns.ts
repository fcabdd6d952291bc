/**
 * Concerns and moderation: a member raises a concern (about a post, a rotation or the community),
 * named to the moderators or anonymous; moderators answer and move it through its states; the
 * raiser follows it, adds to it and may reopen it. Pure: no DOM, no I/O, no clock (functions
 * take `now`). The elements and tend-server share these rules; docs/moderation.md is the contract.
 *
 * Who an operation acts as comes from the caller (the server decides whether the actor is the
 * raiser, by their token or by the concern key), never from the operation.
 */
import { check, list, object, oneOf, optional, text, time, where, type ObjectOf } from './shape.js';

/** The collection of concerns (written only through operations, never deleted). */
export const CONCERNS_COLLECTION = 'concerns';
/** The audit log of moderation steps, written by the server, read by moderators. */
export const MODERATION_LOG_COLLECTION = 'moderation-log';
/** The aggregate that counts hidden posts on a board: `{ board, hiddenPosts }`. */
export const MODERATION_AGGREGATE = 'moderation';

export const CONCERN_ABOUTS = ['post', 'rotation', 'community'] as const;
export const CONCERN_KINDS = [
  'asked-too-often',
  'rotation-too-much',
  'request-uncomfortable',
  'other',
] as const;
export const CONCERN_VISIBILITIES = ['moderators', 'anonymous'] as const;
/** The states, in the order a concern usually goes through them. */
export const CONCERN_STATES = ['open', 'acknowledged', 'acted-on', 'closed'] as const;

export type ConcernAbout = (typeof CONCERN_ABOUTS)[number];
export type ConcernKind = (typeof CONCERN_KINDS)[number];
export type ConcernVisibility = (typeof CONCERN_VISIBILITIES)[number];
export type ConcernState = (typeof CONCERN_STATES)[number];

export const CONCERN_LIMITS = {
  /** One entry's words. */
  text: 2000,
  /** Entries on one concern (the raising included). */
  entries: 200,
  /** A hide's reason. */
  reason: 500,
  id: 200,
  name: 80,
  /** A concern key: at least 128 bits written as letters and digits. */
  keyMin: 32,
  keyMax: 200,
} as const;

const Id = text(CONCERN_LIMITS.id, 1);
const Name = optional(text(CONCERN_LIMITS.name));
const Words = where(text(CONCERN_LIMITS.text, 1), (t) => t.trim().length > 0, 'must not be blank');

const entryShape = {
  id: Id,
  by: oneOf(['raiser', 'moderator'] as const),
  text: optional(Words),
  state: optional(oneOf(CONCERN_STATES)),
  at: time,
  moderatorId: optional(Id),
  moderatorName: Name,
};
export const ConcernEntrySchema = object(entryShape);
/** One step in a concern's thread: the raiser's words, or a moderator's answer or state change. */
export type ConcernEntry = ObjectOf<typeof entryShape>;

const concernShape = {
  about: oneOf(CONCERN_ABOUTS),
  postId: optional(Id),
  kind: oneOf(CONCERN_KINDS),
  visibility: oneOf(CONCERN_VISIBILITIES),
  raiserId: optional(Id),
  raiserName: Name,
  state: oneOf(CONCERN_STATES),
  createdAt: time,
  updatedAt: time,
  entries: list(ConcernEntrySchema, CONCERN_LIMITS.entries),
};
/** The value of a record in {@link CONCERNS_COLLECTION}. */
export type Concern = ObjectOf<typeof concernShape>;

/** A concern's value, with the rules that tie its fields together. */
export const ConcernSchema = where(
  object(concernShape),
  (c) =>
    (c.about === 'community') === (c.postId === undefined) &&
    (c.visibility === 'anonymous') === (c.raiserId === undefined) &&
    (c.visibility === 'moderators' || c.raiserName === undefined) &&
    c.entries.length > 0 &&
    c.entries[0]!.by === 'raiser',
  'names a post exactly when it is about one, a raiser exactly when it is named, and starts with the raising',
);

/** Why a concern operation was refused: a stable code (the element turns it into words). */
export type ConcernErrorCode =
  | 'invalid'
  | 'not-found'
  | 'moderators-only'
  | 'raiser-only'
  | 'answer-first'
  | 'closed'
  | 'not-closed'
  | 'thread-full';

export class ConcernError extends Error {
  readonly code: ConcernErrorCode;
  constructor(code: ConcernErrorCode, message: string) {
    super(message);
    this.name = 'ConcernError';
    this.code = code;
  }
}

const fail = (code: ConcernErrorCode, message: string): never => {
  throw new ConcernError(code, message);
};

/** Checks a stored or received concern; throws a {@link ConcernError} (`invalid`) naming what is wrong. */
export function validateConcern(value: unknown): Concern {
  const result = check(ConcernSchema, value);
  return result.ok ? result.value : fail('invalid', result.message);
}

export const isConcern = (value: unknown): value is Concern => check(ConcernSchema, value).ok;

// ---------------------------------------------------------------------------------------------
// Operations

/** The names of the operations on a concern. */
export const CONCERN_OPERATIONS = ['raise', 'follow', 'add', 'reopen', 'answer', 'set-state'] as const;
export type ConcernOperationType = (typeof CONCERN_OPERATIONS)[number];

/**
 * One operation on a concern (`POST /v1/:community/concerns/:id/ops`). `key` (the concern key)
 * says "I am this anonymous concern's raiser"; without it the actor is the token's person.
 */
export type ConcernOperation =
  | {
      type: 'raise';
      about: ConcernAbout;
      postId?: string;
      kind: ConcernKind;
      text?: string;
      visibility: ConcernVisibility;
      key?: string;
    }
  | { type: 'follow'; key?: string }
  | { type: 'add'; text: string; key?: string }
  | { type: 'reopen'; text?: string; key?: string }
  | { type: 'answer'; text: string; state?: ConcernState }
  | { type: 'set-state'; state: ConcernState };

const FIELDS: Record<ConcernOperationType, readonly string[]> = {
  raise: ['type', 'about', 'postId', 'kind', 'text', 'visibility', 'key'],
  follow: ['type', 'key'],
  add: ['type', 'text', 'key'],
  reopen: ['type', 'text', 'key'],
  answer: ['type', 'text', 'state'],
  'set-state': ['type', 'state'],
};

const KEY = /^[A-Za-z0-9_-]+$/;
const NAME = /^[A-Za-z0-9_.:~-]{1,200}$/;

function words(value: unknown, field: string, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string') return fail('invalid', `operation.${field} must be text`);
  const trimmed = value.trim();
  if (!trimmed) return required ? fail('invalid', `operation.${field} must not be empty`) : undefined;
  if (trimmed.length > CONCERN_LIMITS.text)
    fail('invalid', `operation.${field} must be at most ${CONCERN_LIMITS.text} characters`);
  return trimmed;
}

function pick<T extends string>(value: unknown, values: readonly T[], field: string): T {
  return (values as readonly unknown[]).includes(value)
    ? (value as T)
    : fail('invalid', `operation.${field} must be one of ${values.join(', ')}`);
}

/** The concern key of an operation, checked: 32–200 letters, digits, `-` or `_`. */
function keyOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (
    typeof value !== 'string' ||
    value.length < CONCERN_LIMITS.keyMin ||
    value.length > CONCERN_LIMITS.keyMax ||
    !KEY.test(value)
  )
    return fail(
      'invalid',
      `operation.key must be ${CONCERN_LIMITS.keyMin}–${CONCERN_LIMITS.keyMax} letters, digits, - or _`,
    );
  return value;
}

const withoutUndefined = <T extends object>(value: T): T => {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
};

/**
 * Reads an operation sent by a client, strictly: an object with a known `type` and only that
 * operation's fields, each checked (texts trimmed, 1–2000 characters). Checked before anything
 * about what exists, so a malformed operation gets the same answer for every id. Throws a
 * {@link ConcernError} (`invalid`).
 */
export function parseConcernOperation(value: unknown): ConcernOperation {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail('invalid', 'an operation must be an object');
  const input = value as Record<string, unknown>;
  const type = pick(input['type'], CONCERN_OPERATIONS, 'type');
  for (const field of Object.keys(input))
    if (!FIELDS[type].includes(field)) fail('invalid', `operation "${type}" has no field "${field}"`);
  switch (type) {
    case 'raise': {
      const about = pick(input['about'], CONCERN_ABOUTS, 'about');
      const postId = input['postId'];
      if (about === 'community' ? postId !== undefined : typeof postId !== 'string' || !NAME.test(postId))
        fail(
          'invalid',
          'operation.postId names the post (a record id) exactly when the concern is about one',
        );
      const kind = pick(input['kind'], CONCERN_KINDS, 'kind');
      const visibility = pick(input['visibility'], CONCERN_VISIBILITIES, 'visibility');
      const key = keyOf(input['key']);
      if ((visibility === 'anonymous') !== (key !== undefined))
        fail('invalid', 'an anonymous concern needs a key, and only an anonymous one has one');
      return withoutUndefined({
        type,
        about,
        postId: postId as string | undefined,
        kind,
        text: words(input['text'], 'text', kind === 'other'),
        visibility,
        key,
      });
    }
    case 'follow':
      return withoutUndefined({ type, key: keyOf(input['key']) });
    case 'add':
      return withoutUndefined({ type, text: words(input['text'], 'text', true)!, key: keyOf(input['key']) });
    case 'reopen':
      return withoutUndefined({ type, text: words(input['text'], 'text', false), key: keyOf(input['key']) });
    case 'answer':
      return withoutUndefined({
        type,
        text: words(input['text'], 'text', true)!,
        state: input['state'] === undefined ? undefined : pick(input['state'], CONCERN_STATES, 'state'),
      });
    case 'set-state':
      return { type, state: pick(input['state'], CONCERN_STATES, 'state') };
  }
}

/** True when an operation acts as an anonymous raiser (it carries the concern key). */
export const actsAnonymously = (op: ConcernOperation): boolean => 'key' in op && op.key !== undefined;

/** The person raising a named concern; `undefined` for an anonymous one. */
export interface ConcernPerson {
  id: string;
  name?: string | undefined;
}

/** A new concern from a `raise` (the person is left out of an anonymous one, whatever is passed). */
export function raiseConcern(
  op: Extract<ConcernOperation, { type: 'raise' }>,
  raiser: ConcernPerson | undefined,
  now: Date,
): Concern {
  const named = op.visibility === 'moderators';
  if (named && !raiser?.id) fail('invalid', 'a named concern needs its raiser');
  const at = now.toISOString();
  return validateConcern(
    withoutUndefined({
      about: op.about,
      postId: op.postId,
      kind: op.kind,
      visibility: op.visibility,
      raiserId: named ? raiser!.id : undefined,
      raiserName: named ? raiser!.name?.trim().slice(0, CONCERN_LIMITS.name) || undefined : undefined,
      state: 'open',
      createdAt: at,
      updatedAt: at,
      entries: [
        withoutUndefined({ id: 'e1', by: 'raiser' as const, text: op.text, state: 'open' as const, at }),
      ],
    }),
  );
}

/**
 * Who is acting on an existing concern, as the server established it: `raiser` when they proved
 * to be its raiser (their token for a named one, the key for an anonymous one); `moderator` when
 * their token says so.
 */
export interface ConcernActor {
  raiser: boolean;
  moderator?: ConcernPerson | undefined;
}

/** True when the raiser's latest words have a moderator's answer after them (or there are none). */
export function isAnswered(concern: Concern): boolean {
  for (let i = concern.entries.length - 1; i >= 0; i--) {
    const entry = concern.entries[i]!;
    if (entry.text === undefined) continue;
    return entry.by === 'moderator';
  }
  return false;
}

/**
 * Since when the raiser has waited for an answer: the time of their oldest words after the last
 * moderator answer; `undefined` when answered.
 */
export function waitingSince(concern: Concern): string | undefined {
  let since: string | undefined;
  for (const entry of concern.entries) {
    if (entry.by === 'moderator' && entry.text !== undefined) since = undefined;
    else if (entry.by === 'raiser') since ??= entry.at;
  }
  return since;
}

function addEntry(concern: Concern, entry: Omit<ConcernEntry, 'id'>, state: ConcernState): Concern {
  if (concern.entries.length >= CONCERN_LIMITS.entries)
    fail('thread-full', `a concern holds at most ${CONCERN_LIMITS.entries} entries: raise a new one`);
  return validateConcern({
    ...concern,
    state,
    updatedAt: entry.at,
    entries: [...concern.entries, withoutUndefined({ id: `e${concern.entries.length + 1}`, ...entry })],
  });
}

/**
 * Applies an operation (other than `raise` and `follow`) to the current concern as `actor` at
 * `now`, and returns the new concern, or throws a {@link ConcernError}:
 * - `add` (raiser): their words; not on a closed concern (`closed`).
 * - `reopen` (the raiser only): `closed` → `open` (`not-closed` otherwise).
 * - `answer` (moderators): an answer, optionally with a new state.
 * - `set-state` (moderators): any state but out of `closed` (`closed`: only the raiser reopens);
 *   `closed` only when {@link isAnswered} (`answer-first`).
 */
export function applyConcernOperation(
  concern: Concern,
  op: ConcernOperation,
  actor: ConcernActor,
  now: Date,
): Concern {
  const at = now.toISOString();
  const moderator = actor.moderator;
  switch (op.type) {
    case 'add':
      if (!actor.raiser) return fail('raiser-only', 'only the raiser adds to a concern');
      if (concern.state === 'closed') return fail('closed', 'this concern is closed: reopen it to add to it');
      return addEntry(concern, { by: 'raiser', text: op.text, at }, concern.state);
    case 'reopen':
      if (!actor.raiser) return fail('raiser-only', 'only the raiser reopens a concern');
      if (concern.state !== 'closed') return fail('not-closed', 'only a closed concern is reopened');
      return addEntry(concern, { by: 'raiser', text: op.text, state: 'open', at }, 'open');
    case 'answer':
    case 'set-state': {
      if (!moderator)
        return fail('moderators-only', 'only moderators answer and change the state of a concern');
      const next = op.state ?? concern.state;
      if (concern.state === 'closed' && next !== 'closed')
        fail('closed', 'a closed concern is reopened only by its raiser');
      const by = { by: 'moderator' as const, moderatorId: moderator.id, moderatorName: moderator.name, at };
      if (op.type === 'answer')
        return addEntry(
          concern,
          { ...by, text: op.text, state: op.state === concern.state ? undefined : op.state },
          next,
        );
      if (next === concern.state) return concern;
      if (next === 'closed' && !isAnswered(concern))
        fail(
          'answer-first',
          'answer the raiser’s latest words before closing: a concern never closes on silence',
        );
      return addEntry(concern, { ...by, state: next }, next);
    }
    default:
      return fail('invalid', `"${op.type}" does not change a concern`);
  }
}

/** The concern as its raiser sees it: no moderator is named (an answer is "a moderator"'s). */
export function raiserView(concern: Concern): Concern {
  if (!concern.entries.some((e) => e.moderatorId !== undefined || e.moderatorName !== undefined))
    return concern;
  return {
    ...concern,
    entries: concern.entries.map(({ moderatorId: _id, moderatorName: _name, ...entry }) => entry),
  };
}

/** A concern in the moderators' queue. */
export interface QueuedConcern<R> {
  record: R;
  concern: Concern;
  /** How long the raiser has waited for an answer, in ms; `undefined` when answered. */
  waitingMs: number | undefined;
}

const STATE_ORDER: Record<ConcernState, number> = { open: 0, acknowledged: 1, 'acted-on': 2, closed: 3 };

/**
 * The moderators' queue: open concerns first, then acknowledged, acted on, closed; within each,
 * the one waiting longest first (answered ones after, oldest first). Records whose value is not a
 * concern are left out.
 */
export function concernQueue<R extends { id: string; value: unknown }>(
  records: readonly R[],
  now: Date,
): QueuedConcern<R>[] {
  const queued: QueuedConcern<R>[] = [];
  for (const record of records) {
    if (!isConcern(record.value)) continue;
    const since = waitingSince(record.value);
    queued.push({
      record,
      concern: record.value,
      waitingMs: since === undefined ? undefined : Math.max(0, now.getTime() - Date.parse(since)),
    });
  }
  const rank = (q: QueuedConcern<R>) => STATE_ORDER[q.concern.state];
  return queued.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (b.waitingMs ?? -1) - (a.waitingMs ?? -1) ||
      Date.parse(a.concern.createdAt) - Date.parse(b.concern.createdAt) ||
      (a.record.id < b.record.id ? -1 : 1),
  );
}

/**
 * A new concern key: 64 hex digits (256 random bits) the raiser's browser keeps to follow an
 * anonymous concern. The server keeps only its SHA-256.
 */
export function newConcernKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}

// ---------------------------------------------------------------------------------------------
// The audit log

// 'remove': a moderator deleted someone else's post through the API (the elements only hide).
export const MODERATION_ACTIONS = [
  'raise',
  'add',
  'reopen',
  'answer',
  'set-state',
  'hide',
  'unhide',
  'hide-reply',
  'remove',
] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

const logShape = {
  at: time,
  action: oneOf(MODERATION_ACTIONS),
  by: oneOf(['moderator', 'raiser', 'author'] as const),
  personId: optional(Id),
  personName: Name,
  target: oneOf([CONCERNS_COLLECTION, 'posts'] as const),
  targetId: Id,
  state: optional(oneOf(CONCERN_STATES)),
  reason: optional(text(CONCERN_LIMITS.reason, 1)),
};
export const ModerationLogEntrySchema = object(logShape);
/**
 * One step in the audit log ({@link MODERATION_LOG_COLLECTION}): who (a moderator's, named
 * raiser's or author's id; never an anonymous raiser's) did what to which concern or post, when.
 */
export type ModerationLogEntry = ObjectOf<typeof logShape>;

export const isModerationLogEntry = (value: unknown): value is ModerationLogEntry =>
  check(ModerationLogEntrySchema, value).ok;

/** The id of a log entry: its time, then 8 random hex digits, so ids sort by time. */
export function moderationLogId(at: Date, random: string): string {
  return `${at.toISOString()}-${random.slice(0, 8)}`;
}

/** The figure the board shows: how many posts of a board moderators have hidden. */
export interface ModerationFigures {
  board: string;
  hiddenPosts: number;
}
