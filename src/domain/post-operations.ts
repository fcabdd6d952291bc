/**
 * Named operations on a post: what someone who is not its author (and the author, for the steps
 * on claims) does to a post, instead of writing the whole record. The server applies one to the
 * current stored post with {@link applyPostOperation}; the local adapters and the board apply the
 * same function, so one set of rules holds everywhere. Pure: no DOM, no I/O, no clock.
 *
 * The person an operation acts as always comes from the actor, never from the operation, so
 * nobody can claim, release or thank in someone else's name.
 */
import { isDateKey } from './rotations.js';
import {
  LIMITS,
  OfferError,
  acceptClaim,
  addThanks,
  claimSlot,
  declineClaim,
  hidePost,
  markDone,
  pauseRotation,
  releaseClaim,
  replyToHide,
  resumeRotation,
  unhidePost,
  validatePost,
  type Actor,
  type OfferErrorCode,
  type Post,
  type SlotKey,
} from './offers.js';

/** The names of the operations, in the order a claim goes through them. */
export const POST_OPERATIONS = [
  'claim',
  'release',
  'accept',
  'decline',
  'done',
  'thank',
  'pause',
  'resume',
] as const;
export type PostOperationType = (typeof POST_OPERATIONS)[number];

/**
 * One operation on a post:
 * - `claim`: take a slot (the first open one when `slot` is absent); a request when the offer
 *   asks to be asked first.
 * - `release`, `thank`: the claimant lets go of, or says thanks on, their own claim.
 * - `accept`, `decline`, `done`: the author's steps on a claim.
 * - `pause`, `resume`: a rotation's organiser or recipient pauses it or opens it again.
 */
export type PostOperation =
  | { type: 'claim'; claimId: string; slot?: SlotKey }
  | { type: 'release'; claimId: string }
  | { type: 'accept'; claimId: string }
  | { type: 'decline'; claimId: string }
  | { type: 'done'; claimId: string }
  | { type: 'thank'; claimId: string; words: string }
  | { type: 'pause' }
  | { type: 'resume' };

const FIELDS: Record<PostOperationType, readonly string[]> = {
  claim: ['type', 'claimId', 'slot'],
  release: ['type', 'claimId'],
  accept: ['type', 'claimId'],
  decline: ['type', 'claimId'],
  done: ['type', 'claimId'],
  thank: ['type', 'claimId', 'words'],
  pause: ['type'],
  resume: ['type'],
};

const invalid = (message: string): never => {
  throw new OfferError('invalid', message);
};

/**
 * Reads an operation sent by a client, strictly: an object with a known `type`, only that
 * operation's fields, a claim id of 1 to {@link LIMITS}.id characters, a slot that is an index
 * or a day, thanks of 1 to {@link LIMITS}.thanks characters (trimmed). Throws an
 * {@link OfferError} with code `invalid` saying what is wrong.
 */
export function parsePostOperation(value: unknown): PostOperation {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return invalid('an operation must be an object');
  const input = value as Record<string, unknown>;
  const type = input['type'];
  if (typeof type !== 'string' || !(POST_OPERATIONS as readonly string[]).includes(type))
    return invalid(`operation.type must be one of ${POST_OPERATIONS.join(', ')}`);
  const fields = FIELDS[type as PostOperationType];
  for (const key of Object.keys(input))
    if (!fields.includes(key)) invalid(`operation "${type}" has no field "${key}"`);
  if (type === 'pause' || type === 'resume') return { type };
  const claimId = input['claimId'];
  if (typeof claimId !== 'string' || !claimId.trim() || claimId.length > LIMITS.id)
    return invalid(`operation.claimId must be text of 1 to ${LIMITS.id} characters`);
  switch (type) {
    case 'claim': {
      const slot = input['slot'];
      if (slot === undefined) return { type, claimId };
      if (!(typeof slot === 'number' && Number.isSafeInteger(slot) && slot >= 0) && !isDateKey(slot))
        return invalid('operation.slot must be an index from 0 or a day (YYYY-MM-DD)');
      return { type, claimId, slot };
    }
    case 'thank': {
      const words = input['words'];
      if (typeof words !== 'string') return invalid('operation.words must be text');
      const trimmed = words.trim();
      if (!trimmed || trimmed.length > LIMITS.thanks)
        return invalid(`operation.words must be 1 to ${LIMITS.thanks} characters`);
      return { type, claimId, words: trimmed };
    }
    default:
      return { type: type as 'release' | 'accept' | 'decline' | 'done', claimId };
  }
}

/**
 * Moderation on a post (docs/moderation.md): `hide` and `unhide` by moderators, `hide-reply` by
 * the author or a moderator while the post is hidden. Kept apart from {@link POST_OPERATIONS}:
 * the server writes each of them with a line in the audit log.
 */
export const HIDE_OPERATIONS = ['hide', 'unhide', 'hide-reply'] as const;
export type HideOperationType = (typeof HIDE_OPERATIONS)[number];
export type HideOperation =
  { type: 'hide'; reason: string } | { type: 'unhide' } | { type: 'hide-reply'; text: string };

/** True when `value` names a moderation operation (whatever its other fields). */
export const isHideOperation = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  (HIDE_OPERATIONS as readonly unknown[]).includes((value as { type?: unknown }).type);

/** Reads a moderation operation strictly (only its fields; texts trimmed, within their limits). */
export function parseHideOperation(value: unknown): HideOperation {
  if (!isHideOperation(value)) return invalid(`operation.type must be one of ${HIDE_OPERATIONS.join(', ')}`);
  const input = value as Record<string, unknown>;
  const type = input['type'] as HideOperationType;
  const field = type === 'hide' ? 'reason' : type === 'hide-reply' ? 'text' : undefined;
  for (const key of Object.keys(input))
    if (key !== 'type' && key !== field) invalid(`operation "${type}" has no field "${key}"`);
  if (!field) return { type: 'unhide' };
  const words = input[field];
  const max = type === 'hide' ? LIMITS.hideReason : LIMITS.hideReply;
  if (typeof words !== 'string' || !words.trim() || words.trim().length > max)
    return invalid(`operation.${field} must be 1 to ${max} characters`);
  return type === 'hide' ? { type, reason: words.trim() } : { type, text: words.trim() };
}

/** Applies a moderation operation as `actor` (see {@link hidePost}, {@link unhidePost}, {@link replyToHide}). */
export function applyHideOperation(post: Post, op: HideOperation, actor: Actor, now: Date): Post {
  if (!actor || typeof actor.id !== 'string' || !actor.id) refuse('not-yours', 'nobody is signed in');
  const current = validatePost(post);
  const next =
    op.type === 'hide'
      ? hidePost(current, actor, op.reason, now)
      : op.type === 'unhide'
        ? unhidePost(current, actor)
        : replyToHide(current, actor, op.text, now);
  return validatePost(next);
}

const refuse = (code: OfferErrorCode, message: string): never => {
  throw new OfferError(code, message);
};

function byAuthor(post: Post, actor: Actor): void {
  if (actor.id !== post.authorId) refuse('not-yours', 'only the author answers and closes claims');
}

/**
 * Applies `op` to the current `post` as `actor` at `now` and returns the new post, or throws an
 * {@link OfferError} and changes nothing. Rights:
 * - `claim`: anyone but the author, for themselves (the person is the actor, with `actor.name`),
 *   by the post's rules (`full`, `slot-taken`, `already-claimed`, `once-a-week`, `own-post`, …).
 * - `release`, `thank`: only the person whose claim it is (`not-yours` otherwise).
 * - `accept`, `decline`, `done`: only the author (`not-yours` otherwise).
 * - `pause`, `resume`: only a rotation's organiser (author) or its recipient.
 * Moderators get no extra powers here. The result always passes {@link validatePost}; a stored
 * post that does not is refused with `invalid`.
 */
export function applyPostOperation(
  post: Post,
  op: PostOperation,
  actor: Actor & { name?: string | undefined },
  now: Date,
): Post {
  if (!actor || typeof actor.id !== 'string' || !actor.id) refuse('not-yours', 'nobody is signed in');
  const current = validatePost(post);
  let next: Post;
  switch (op.type) {
    case 'claim':
      next = claimSlot(
        current,
        { id: actor.id, name: actor.name },
        { claimId: op.claimId, slot: op.slot, now },
      );
      break;
    case 'release':
      next = releaseClaim(current, op.claimId, actor.id);
      break;
    case 'thank':
      next = addThanks(current, op.claimId, actor.id, op.words);
      break;
    case 'accept':
      byAuthor(current, actor);
      next = acceptClaim(current, op.claimId);
      break;
    case 'decline':
      byAuthor(current, actor);
      next = declineClaim(current, op.claimId);
      break;
    case 'done':
      byAuthor(current, actor);
      next = markDone(current, op.claimId);
      break;
    case 'pause':
      next = pauseRotation(current, actor, now);
      break;
    case 'resume':
      next = resumeRotation(current, actor);
      break;
    default:
      return refuse('invalid', `unknown operation "${(op as { type: unknown }).type}"`);
  }
  return validatePost(next);
}
