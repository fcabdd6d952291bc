/**
 * The rules of the offer board: posting offers, needs and rotations, claiming and releasing
 * slots, terms, withdrawing, expiry, what a viewer may see, and who may change what. Pure: no
 * DOM, no I/O, no clock (every function that needs the time takes `now`). The element and
 * tend-server both call these, so one set of rules holds on both sides.
 *
 * Storage shape: one record a post in collection {@link POSTS_COLLECTION}; claims live on the
 * post (`value.claims`), so taking the last slot is one compare-and-set on the post's revision.
 */
import {
  addDays,
  dayStart,
  datePassed,
  isDateKey,
  MAX_ROTATION_DATES,
  normaliseDates,
  type DateKey,
} from './rotations.js';
import { recordId } from './record-ids.js';

/** The collection that holds posts (offers, needs and rotations). */
export const POSTS_COLLECTION = 'posts';
/** The collection of the author's private "would you offer this again?" answers. */
export const REFLECTIONS_COLLECTION = 'offer-reflections';
/** Categories a board offers when its `categories` attribute is not set. */
export const DEFAULT_CATEGORIES = ['meals', 'rides', 'errands', 'childcare', 'listening', 'stay', 'other'];
/** Fields only the author, people with an accepted claim, a rotation's recipient and moderators see. */
export const PRIVATE_FIELDS = ['privateDetails'] as const;
/** How many things a person carries in a week before the board asks gently. */
export const DEFAULT_MAX_COMMITMENTS = 3;

export type PostKind = 'offer' | 'need' | 'rotation';
export type PostStatus = 'open' | 'withdrawn';
export type ClaimStatus = 'requested' | 'active' | 'done' | 'released' | 'declined';
/** A slot: its index for offers and needs, its day for a rotation. */
export type SlotKey = number | DateKey;

/** One person's claim of one slot, stored on the post. */
export interface Claim {
  id: string;
  personId: string;
  personName?: string;
  slot: SlotKey;
  status: ClaimStatus;
  /** When the claim was made (ISO 8601). */
  at: string;
  /** A short thank-you the claimant left. */
  thanks?: string;
}

/** When a post happens: a window, or "flexible". Times are ISO 8601. */
export type PostWhen = { flexible: true } | { flexible: false; start: string; end?: string };

/** Simple terms an author attaches to an offer; the rules enforce them. */
export interface OfferTerms {
  /** A claim becomes a request the author accepts or declines. */
  askFirst?: boolean;
  /** A person may claim this at most once in seven days. */
  oncePerWeek?: boolean;
  /** A note shown with the offer, e.g. "no calls after 8 pm". */
  quietHours?: string;
}

/** What makes a post a rotation (a meal train): one slot a date. */
export interface RotationInfo {
  recipientName: string;
  /** The recipient's id on this board, if they have one: they may pause the rotation too. */
  recipientId?: string;
  /** Dietary needs, drop-off time, "no visits please". Seen by everyone on the board. */
  notes?: string;
  dates: DateKey[];
  /** Set when the recipient or organiser said "that's enough for now". */
  pausedAt?: string;
}

/** The value of a record in {@link POSTS_COLLECTION}. */
export interface Post {
  board: string;
  kind: PostKind;
  authorId: string;
  authorName?: string;
  title: string;
  details: string;
  category: string;
  when: PostWhen;
  /** How many people or times; for a rotation, the number of dates. */
  slots: number;
  place?: string;
  expiresAt?: string;
  terms?: OfferTerms;
  /** For helpers only: an address, a door code, a phone number. See {@link visiblePost}. */
  privateDetails?: string;
  rotation?: RotationInfo;
  status: PostStatus;
  withdrawnAt?: string;
  createdAt: string;
  claims: Claim[];
  /**
   * Set while a moderator hides the post (see docs/moderation.md): only its author and moderators
   * see it then, the author with the reason. Written only by the `hide`, `unhide` and `hide-reply`
   * operations; an author's write keeps the stored one.
   */
  hidden?: PostHidden;
}

/** One word in the thread on a hidden post: the author's answer or a moderator's. */
export interface HideReply {
  by: 'author' | 'moderator';
  text: string;
  at: string;
  /** Moderators' view only. */
  moderatorId?: string;
}

/** Why and when a moderator hid a post, and what was said about it since. */
export interface PostHidden {
  at: string;
  /** Seen by the author: a hide is never silent. */
  reason: string;
  /** Who hid it; moderators' view only. */
  moderatorId?: string;
  replies: HideReply[];
}

/** The value of a record in {@link REFLECTIONS_COLLECTION}: private to `personId`. */
export interface OfferReflection {
  postId: string;
  personId: string;
  again: boolean;
  at: string;
}

/** A person acting on the board. */
export interface Person {
  id: string;
  name?: string | undefined;
}

/** Someone writing or viewing; moderators may remove posts and see everything. */
export interface Actor {
  id: string;
  moderator?: boolean | undefined;
}

export type OfferErrorCode =
  | 'invalid'
  | 'not-found'
  | 'not-yours'
  | 'own-post'
  | 'withdrawn'
  | 'expired'
  | 'paused'
  | 'full'
  | 'slot-taken'
  | 'past-date'
  | 'already-claimed'
  | 'once-a-week'
  | 'has-claims'
  | 'fixed-field'
  | 'hidden'
  | 'not-hidden'
  | 'moderators-only';

/** A rule said no. `code` is stable (the element turns it into kind words); `message` is for developers. */
export class OfferError extends Error {
  readonly code: OfferErrorCode;

  constructor(code: OfferErrorCode, message: string) {
    super(message);
    this.name = 'OfferError';
    this.code = code;
  }
}

const fail = (code: OfferErrorCode, message: string): never => {
  throw new OfferError(code, message);
};

export const LIMITS = {
  title: 120,
  details: 2000,
  privateDetails: 1000,
  place: 200,
  category: 40,
  name: 80,
  id: 200,
  quietHours: 120,
  notes: 1000,
  thanks: 280,
  slots: 50,
  claims: 500,
  hideReason: 500,
  hideReply: 2000,
  hideReplies: 200,
} as const;

// ---------------------------------------------------------------------------------------------
// Validation

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The shape `Date.toISOString()` writes, checked without parsing (validation runs for every post loaded). */
const ISO_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
/**
 * Milliseconds of an ISO 8601 time. `Date.parse` itself: in Chromium it reads 10,000
 * `toISOString()` times in about 2 ms, where the regular expression and slices used before took
 * about 4 (a board sorts and counts thousands of posts before its first cards show).
 */
export function timeOf(iso: string): number {
  return Date.parse(iso);
}
const isTime = (v: unknown): v is string =>
  typeof v === 'string' && v.length <= 40 && (ISO_TIME.test(v) || !Number.isNaN(Date.parse(v)));

const keySets = new WeakMap<readonly string[], Set<string>>();
function onlyKeys(value: Obj, keys: readonly string[], where: string): void {
  let known = keySets.get(keys);
  if (!known) keySets.set(keys, (known = new Set(keys)));
  for (const key in value)
    if (!known.has(key) && value[key] !== undefined) fail('invalid', `${where}: unknown field "${key}"`);
}

function text(value: Obj, key: string, max: number, required: boolean, where = 'post'): void {
  const v = value[key];
  if (v === undefined && !required) return;
  if (typeof v !== 'string') return fail('invalid', `${where}.${key} must be text`);
  if (v.length > max) fail('invalid', `${where}.${key} is longer than ${max} characters`);
  if (required && !v.trim()) fail('invalid', `${where}.${key} must not be empty`);
}

function optionalTime(value: Obj, key: string, where = 'post'): void {
  if (value[key] !== undefined && !isTime(value[key]))
    fail('invalid', `${where}.${key} must be a date and time`);
}

const POST_KEYS = [
  'board',
  'kind',
  'authorId',
  'authorName',
  'title',
  'details',
  'category',
  'when',
  'slots',
  'place',
  'expiresAt',
  'terms',
  'privateDetails',
  'rotation',
  'status',
  'withdrawnAt',
  'createdAt',
  'claims',
  'hidden',
] as const;
const HIDDEN_KEYS = ['at', 'reason', 'moderatorId', 'replies'];
const HIDE_REPLY_KEYS = ['by', 'text', 'at', 'moderatorId'];
const CLAIM_KEYS = ['id', 'personId', 'personName', 'slot', 'status', 'at', 'thanks'] as const;
const WHEN_KEYS = ['flexible', 'start', 'end'];
const TERMS_KEYS = ['askFirst', 'oncePerWeek', 'quietHours'];
const ROTATION_KEYS = ['recipientName', 'recipientId', 'notes', 'dates', 'pausedAt'];
const REFLECTION_KEYS = ['postId', 'personId', 'again', 'at'];
const STATUSES: readonly ClaimStatus[] = ['requested', 'active', 'done', 'released', 'declined'];

function validateClaim(claim: unknown, i: number): void {
  const where = `claims[${i}]`;
  if (!isObj(claim)) return fail('invalid', `${where} must be an object`);
  onlyKeys(claim, CLAIM_KEYS, where);
  text(claim, 'id', LIMITS.id, true, where);
  text(claim, 'personId', LIMITS.id, true, where);
  text(claim, 'personName', LIMITS.name, false, where);
  text(claim, 'thanks', LIMITS.thanks, false, where);
  if (!STATUSES.includes(claim['status'] as ClaimStatus)) fail('invalid', `${where}.status is not known`);
  if (!isTime(claim['at'])) fail('invalid', `${where}.at must be a date and time`);
  const slot = claim['slot'];
  if (!(typeof slot === 'number' && Number.isInteger(slot) && slot >= 0) && !isDateKey(slot))
    fail('invalid', `${where}.slot must be an index or a day`);
}

function validateHidden(hidden: unknown): void {
  if (!isObj(hidden)) return fail('invalid', 'post.hidden must be an object');
  onlyKeys(hidden, HIDDEN_KEYS, 'post.hidden');
  if (!isTime(hidden['at'])) fail('invalid', 'post.hidden.at must be a date and time');
  text(hidden, 'reason', LIMITS.hideReason, true, 'post.hidden');
  text(hidden, 'moderatorId', LIMITS.id, false, 'post.hidden');
  const replies = hidden['replies'];
  if (!Array.isArray(replies) || replies.length > LIMITS.hideReplies)
    return fail('invalid', `post.hidden.replies must be a list of at most ${LIMITS.hideReplies}`);
  replies.forEach((reply: unknown, i) => {
    const where = `post.hidden.replies[${i}]`;
    if (!isObj(reply)) return fail('invalid', `${where} must be an object`);
    onlyKeys(reply, HIDE_REPLY_KEYS, where);
    if (reply['by'] !== 'author' && reply['by'] !== 'moderator') fail('invalid', `${where}.by is not known`);
    text(reply, 'text', LIMITS.hideReply, true, where);
    text(reply, 'moderatorId', LIMITS.id, false, where);
    if (!isTime(reply['at'])) fail('invalid', `${where}.at must be a date and time`);
  });
}

/**
 * Checks a stored or submitted post value: types, lengths, and the invariants the rules rely
 * on (a slot is held by at most one claim, held slots exist, a person has at most one live claim
 * on an offer or need, while done ones stay as history, …). Returns it typed, or throws an
 * {@link OfferError} with code `invalid` naming the field.
 */
export function validatePost(value: unknown): Post {
  if (!isObj(value)) return fail('invalid', 'a post must be an object');
  onlyKeys(value, POST_KEYS, 'post');
  text(value, 'board', LIMITS.id, true);
  if (!['offer', 'need', 'rotation'].includes(value['kind'] as string))
    fail('invalid', 'post.kind is not known');
  text(value, 'authorId', LIMITS.id, true);
  text(value, 'authorName', LIMITS.name, false);
  text(value, 'title', LIMITS.title, true);
  if (typeof value['details'] !== 'string') fail('invalid', 'post.details must be text');
  text(value, 'details', LIMITS.details, false);
  text(value, 'category', LIMITS.category, true);
  text(value, 'place', LIMITS.place, false);
  text(value, 'privateDetails', LIMITS.privateDetails, false);
  optionalTime(value, 'expiresAt');
  if (!isTime(value['createdAt'])) fail('invalid', 'post.createdAt must be a date and time');
  if (value['status'] !== 'open' && value['status'] !== 'withdrawn')
    fail('invalid', 'post.status is not known');
  if ((value['status'] === 'withdrawn') !== isTime(value['withdrawnAt']))
    fail('invalid', 'post.withdrawnAt is set exactly when the post is withdrawn');

  const when = value['when'];
  if (!isObj(when)) return fail('invalid', 'post.when must be an object');
  onlyKeys(when, WHEN_KEYS, 'post.when');
  if (when['flexible'] === true) {
    if (when['start'] !== undefined || when['end'] !== undefined)
      fail('invalid', 'a flexible time has no window');
  } else if (when['flexible'] === false) {
    if (!isTime(when['start'])) fail('invalid', 'post.when.start must be a date and time');
    optionalTime(when, 'end', 'post.when');
    if (when['end'] !== undefined && Date.parse(when['end'] as string) < Date.parse(when['start'] as string))
      fail('invalid', 'post.when ends before it starts');
  } else fail('invalid', 'post.when.flexible must be true or false');

  const slots = value['slots'];
  if (typeof slots !== 'number' || !Number.isInteger(slots) || slots < 1)
    fail('invalid', 'post.slots must be a whole number from 1');

  const terms = value['terms'];
  if (terms !== undefined) {
    if (value['kind'] !== 'offer') fail('invalid', 'only offers have terms');
    if (!isObj(terms)) return fail('invalid', 'post.terms must be an object');
    onlyKeys(terms, TERMS_KEYS, 'post.terms');
    for (const flag of ['askFirst', 'oncePerWeek'])
      if (terms[flag] !== undefined && typeof terms[flag] !== 'boolean')
        fail('invalid', `post.terms.${flag} must be true or false`);
    text(terms, 'quietHours', LIMITS.quietHours, false, 'post.terms');
  }

  const rotation = value['rotation'];
  if ((value['kind'] === 'rotation') !== (rotation !== undefined))
    fail('invalid', 'a rotation, and only a rotation, has rotation details');
  let dates: DateKey[] | undefined;
  if (isObj(rotation)) {
    onlyKeys(rotation, ROTATION_KEYS, 'post.rotation');
    text(rotation, 'recipientName', LIMITS.name, true, 'post.rotation');
    text(rotation, 'recipientId', LIMITS.id, false, 'post.rotation');
    text(rotation, 'notes', LIMITS.notes, false, 'post.rotation');
    optionalTime(rotation, 'pausedAt', 'post.rotation');
    const list = rotation['dates'];
    if (
      !Array.isArray(list) ||
      !list.length ||
      list.length > MAX_ROTATION_DATES ||
      !list.every((d: unknown, i) => isDateKey(d) && (i === 0 || d > list[i - 1]))
    )
      fail('invalid', `post.rotation.dates must be 1 to ${MAX_ROTATION_DATES} different days, in order`);
    dates = list as DateKey[];
    if (slots !== dates.length) fail('invalid', 'a rotation has one slot a date');
  } else {
    if (rotation !== undefined) fail('invalid', 'post.rotation must be an object');
    if ((slots as number) > LIMITS.slots) fail('invalid', `post.slots must be at most ${LIMITS.slots}`);
  }

  if (value['hidden'] !== undefined) validateHidden(value['hidden']);

  const claims = value['claims'];
  if (!Array.isArray(claims) || claims.length > LIMITS.claims)
    fail('invalid', `post.claims must be a list of at most ${LIMITS.claims}`);
  // Sets only when there are claims: validation runs for every post a board loads.
  if (!(claims as unknown[]).length) return value as unknown as Post;
  const ids = new Set<string>();
  const held = new Set<SlotKey>();
  const liveHolders = new Set<string>();
  (claims as unknown[]).forEach((claim, i) => {
    validateClaim(claim, i);
    const c = claim as Claim;
    if (ids.has(c.id)) fail('invalid', `claims[${i}].id is used twice`);
    ids.add(c.id);
    if (c.personId === value['authorId'])
      fail('invalid', `claims[${i}]: an author does not claim their own post`);
    if (!holds(c)) return;
    const slotExists = dates
      ? dates.includes(c.slot as DateKey)
      : typeof c.slot === 'number' && c.slot < (slots as number);
    if (!slotExists) fail('invalid', `claims[${i}].slot is not a slot of this post`);
    if (held.has(c.slot)) fail('invalid', `claims[${i}].slot is already held`);
    held.add(c.slot);
    // Done claims are history: a person may come back, but holds one live claim at a time.
    if (!dates && isLive(c)) {
      if (liveHolders.has(c.personId))
        fail('invalid', `claims[${i}]: one person holds one live claim on a post`);
      liveHolders.add(c.personId);
    }
  });
  return value as unknown as Post;
}

/** True when `value` is a valid post (used to leave malformed records out of a view). */
export function isPost(value: unknown): value is Post {
  try {
    validatePost(value);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Slots, state and expiry

/** A claim that occupies its slot (asked for, on, or done). */
export const holds = (claim: Claim): boolean =>
  claim.status === 'requested' || claim.status === 'active' || claim.status === 'done';
/** A claim that is still a commitment (asked for or on). */
export const isLive = (claim: Claim): boolean => claim.status === 'requested' || claim.status === 'active';

/** Every slot of a post: indexes for offers and needs, days for a rotation. */
export function slotKeys(post: Post): SlotKey[] {
  if (post.rotation) return post.rotation.dates;
  const keys: number[] = [];
  for (let i = 0; i < post.slots; i++) keys.push(i);
  return keys;
}

/** The claim holding a slot, if any. */
export function holderOf(post: Post, slot: SlotKey): Claim | undefined {
  return post.claims.find((c) => c.slot === slot && holds(c));
}

/** Slots nobody holds (for a rotation, also leaving out days that have passed when `now` is given). */
export function openSlots(post: Post, now?: Date): SlotKey[] {
  const held = new Set(post.claims.filter(holds).map((c) => c.slot));
  return slotKeys(post).filter(
    (slot) => !held.has(slot) && !(now && typeof slot === 'string' && datePassed(slot, now)),
  );
}

/** When a post stops showing as open: its own expiry, else the end of its time, else 30 days after posting. */
export function expiryOf(post: Post): number {
  if (post.expiresAt) return timeOf(post.expiresAt);
  if (post.rotation)
    return dayStart(addDays(post.rotation.dates[post.rotation.dates.length - 1]!, 1)) + 12 * 3_600_000;
  if (!post.when.flexible) return timeOf(post.when.end ?? post.when.start) + 86_400_000;
  return timeOf(post.createdAt) + 30 * 86_400_000;
}

export const isExpired = (post: Post, now: Date): boolean => now.getTime() >= expiryOf(post);
export const isPaused = (post: Post): boolean => Boolean(post.rotation?.pausedAt);

/** What a post is now, most important first. */
export type PostState = 'withdrawn' | 'expired' | 'paused' | 'full' | 'open';

export function postState(post: Post, now: Date): PostState {
  if (post.status === 'withdrawn') return 'withdrawn';
  if (isExpired(post, now)) return 'expired';
  if (isPaused(post)) return 'paused';
  return hasOpenSlot(post, now) ? 'open' : 'full';
}

/** True when a slot is free (what `openSlots(post, now).length > 0` says, without the lists). */
function hasOpenSlot(post: Post, now: Date): boolean {
  let held = 0;
  for (const claim of post.claims) if (holds(claim)) held++;
  if (!post.rotation) return held < post.slots;
  return post.rotation.dates.some((date) => !datePassed(date, now) && !holderOf(post, date));
}

/** A time to sort by "soonest": the next open day of a rotation, a post's start, flexible posts last. */
export function soonestTime(post: Post, now: Date): number {
  if (post.rotation) {
    const next = openSlots(post, now)[0] ?? post.rotation.dates.find((d) => !datePassed(d, now));
    return next ? dayStart(next as DateKey) : Number.MAX_SAFE_INTEGER;
  }
  if (post.when.flexible) return Number.MAX_SAFE_INTEGER - 1;
  const start = timeOf(post.when.start);
  const end = post.when.end ? timeOf(post.when.end) : start;
  return end < now.getTime() ? start : Math.max(start, now.getTime());
}

// ---------------------------------------------------------------------------------------------
// Posting, editing, withdrawing

/** What a person fills in to post. Strings are trimmed; empty optional ones are left out. */
export interface PostInput {
  kind: PostKind;
  title: string;
  details?: string;
  category: string;
  when?: PostWhen;
  slots?: number;
  place?: string;
  expiresAt?: string;
  terms?: OfferTerms;
  privateDetails?: string;
  rotation?: Omit<RotationInfo, 'pausedAt'>;
}

/** The editable fields of a post (everything a person typed). */
export type PostEdit = Partial<Omit<PostInput, 'kind'>>;

const trimmed = (v: string | undefined): string | undefined => v?.trim() || undefined;

function cleanTerms(terms: OfferTerms | undefined): OfferTerms | undefined {
  if (!terms) return undefined;
  const out: OfferTerms = {};
  if (terms.askFirst) out.askFirst = true;
  if (terms.oncePerWeek) out.oncePerWeek = true;
  const quiet = trimmed(terms.quietHours);
  if (quiet) out.quietHours = quiet;
  return Object.keys(out).length ? out : undefined;
}

function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

function applyFields(base: Post, input: PostEdit): Post {
  const next: Post = { ...base };
  if (input.title !== undefined) next.title = input.title.trim();
  if (input.details !== undefined) next.details = input.details.trim();
  if (input.category !== undefined) next.category = input.category.trim();
  if (input.when !== undefined) next.when = input.when;
  if ('place' in input) next.place = trimmed(input.place);
  if ('expiresAt' in input) next.expiresAt = input.expiresAt || undefined;
  if ('privateDetails' in input) next.privateDetails = trimmed(input.privateDetails);
  if ('terms' in input) next.terms = base.kind === 'offer' ? cleanTerms(input.terms) : undefined;
  if (input.rotation !== undefined && base.rotation) {
    const dates = normaliseDates(input.rotation.dates);
    next.rotation = withoutUndefined({
      ...base.rotation,
      recipientName: input.rotation.recipientName.trim(),
      recipientId:
        'recipientId' in input.rotation ? trimmed(input.rotation.recipientId) : base.rotation.recipientId,
      notes: trimmed(input.rotation.notes),
      dates,
    });
    next.slots = dates.length;
  } else if (input.slots !== undefined && !base.rotation) next.slots = input.slots;
  return withoutUndefined(next);
}

/** A new post by `author`, validated. */
export function createPost(board: string, input: PostInput, author: Person, now: Date): Post {
  const base: Post = withoutUndefined({
    board,
    kind: input.kind,
    authorId: author.id,
    authorName: trimmed(author.name),
    title: '',
    details: '',
    category: '',
    when: { flexible: true },
    slots: 1,
    rotation: input.kind === 'rotation' ? { recipientName: '', dates: [] } : undefined,
    status: 'open',
    createdAt: now.toISOString(),
    claims: [],
  } as Post);
  return validatePost(applyFields(base, input));
}

/** The post with the author's edits. Slots cannot drop below the ones people hold. */
export function editPost(post: Post, edit: PostEdit): Post {
  const next = applyFields(post, edit);
  const keys = slotKeys(next);
  for (const claim of post.claims)
    if (holds(claim) && !keys.includes(claim.slot))
      fail('has-claims', 'someone holds a slot this edit would remove: release it first');
  return validatePost(next);
}

/** Withdrawn: closed to new claims; people who had claimed it see that it was withdrawn. */
export function withdrawPost(post: Post, now: Date): Post {
  if (post.status === 'withdrawn') return post;
  return { ...post, status: 'withdrawn', withdrawnAt: now.toISOString() };
}

/** "That's enough for now": open dates pause; people already signed up keep theirs. */
export function pauseRotation(post: Post, actor: Actor, now: Date): Post {
  if (!post.rotation) return fail('invalid', 'only a rotation pauses');
  if (actor.id !== post.authorId && actor.id !== post.rotation.recipientId)
    fail('not-yours', 'only the organiser or the recipient pauses a rotation');
  if (post.rotation.pausedAt) return post;
  return { ...post, rotation: { ...post.rotation, pausedAt: now.toISOString() } };
}

/** Opens a paused rotation's dates again. */
export function resumeRotation(post: Post, actor: Actor): Post {
  if (!post.rotation) return fail('invalid', 'only a rotation pauses');
  if (actor.id !== post.authorId && actor.id !== post.rotation.recipientId)
    fail('not-yours', 'only the organiser or the recipient opens a rotation again');
  if (!post.rotation.pausedAt) return post;
  const { pausedAt: _pausedAt, ...rotation } = post.rotation;
  return { ...post, rotation };
}

// ---------------------------------------------------------------------------------------------
// Claims

export interface ClaimOptions {
  /** A new random id for the claim. */
  claimId: string;
  now: Date;
  /** The slot wanted; absent: the first open one. */
  slot?: SlotKey | undefined;
}

const WEEK = 7 * 86_400_000;

/**
 * `person` claims one slot. With "ask me first" terms the claim is a request the author accepts
 * or declines. Claims repeat: once a claim is done, released or declined the person may claim
 * again while a slot is open; on an offer "at most once a week" the last claim
 * (asked for, on or done) must be seven days old or more. Throws an {@link OfferError}: `full`
 * or `slot-taken` when someone else was first; whatever it returns passes {@link validatePost}.
 */
export function claimSlot(post: Post, person: Person, options: ClaimOptions): Post {
  const { now, claimId } = options;
  if (person.id === post.authorId) fail('own-post', 'an author does not claim their own post');
  if (typeof person.id !== 'string' || !person.id.trim() || person.id.length > LIMITS.id)
    fail('invalid', 'a claim needs the id of the person claiming');
  if (typeof claimId !== 'string' || !claimId.trim() || claimId.length > LIMITS.id)
    fail('invalid', `a claim id is 1 to ${LIMITS.id} characters`);
  if (post.claims.some((c) => c.id === claimId)) fail('invalid', 'this claim id is used already');
  if (post.hidden) fail('hidden', 'a moderator has hidden this post');
  const state = postState(post, now);
  if (state === 'withdrawn' || state === 'expired' || state === 'paused')
    fail(state, `this post is ${state}`);
  const mine = post.claims.filter((c) => c.personId === person.id && holds(c));
  if (post.kind !== 'rotation' && mine.some(isLive))
    fail('already-claimed', 'this person already holds a slot');
  if (post.terms?.oncePerWeek && mine.some((c) => now.getTime() - timeOf(c.at) < WEEK))
    fail('once-a-week', 'this offer is at most once a week per person');
  // The list of claims is bounded; its history counts as taken places.
  if (post.claims.length >= LIMITS.claims) fail('full', 'this post has as many claims as it can hold');
  let slot = options.slot;
  if (slot === undefined) {
    slot = openSlots(post, now)[0];
    if (slot === undefined) return fail('full', 'every slot is taken');
  } else {
    if (!slotKeys(post).includes(slot)) fail('invalid', 'no such slot');
    if (typeof slot === 'string' && datePassed(slot, now)) fail('past-date', 'this day has passed');
    const holder = holderOf(post, slot);
    if (holder)
      fail(
        holder.personId === person.id && isLive(holder) ? 'already-claimed' : 'slot-taken',
        'this slot is taken',
      );
  }
  const claim: Claim = withoutUndefined({
    id: claimId,
    personId: person.id,
    personName: trimmed(person.name)?.slice(0, LIMITS.name),
    slot,
    status: post.terms?.askFirst ? 'requested' : 'active',
    at: now.toISOString(),
  } as Claim);
  return { ...post, claims: [...post.claims, claim] };
}

function changeClaim(post: Post, claimId: string, change: (claim: Claim) => Claim): Post {
  const index = post.claims.findIndex((c) => c.id === claimId);
  if (index < 0) return fail('not-found', 'no such claim');
  const claims = [...post.claims];
  claims[index] = change(claims[index]!);
  return { ...post, claims };
}

function ownClaim(claim: Claim, personId: string): void {
  if (claim.personId !== personId) fail('not-yours', 'only the person who claimed changes their claim');
}

/** The claimant lets go: the slot opens again at once. Allowed in any state of the post. */
export function releaseClaim(post: Post, claimId: string, personId: string): Post {
  return changeClaim(post, claimId, (claim) => {
    ownClaim(claim, personId);
    if (!isLive(claim)) fail('invalid', 'only a claim that is on can be released');
    return { ...claim, status: 'released' };
  });
}

function authorStep(from: ClaimStatus, to: ClaimStatus) {
  return (post: Post, claimId: string): Post =>
    changeClaim(post, claimId, (claim) => {
      if (claim.status !== from) fail('invalid', `only a ${from} claim can become ${to}`);
      return { ...claim, status: to };
    });
}

/** The author says yes to a request ("ask me first"). */
export const acceptClaim = authorStep('requested', 'active');
/** The author says "not this time" to a request; the slot opens again. */
export const declineClaim = authorStep('requested', 'declined');
/** The author marks a claim done. */
export const markDone = authorStep('active', 'done');

/** The claimant leaves a short thank-you on their own claim. */
export function addThanks(post: Post, claimId: string, personId: string, thanks: string): Post {
  const words = thanks.trim();
  if (!words || words.length > LIMITS.thanks) fail('invalid', `thanks are 1 to ${LIMITS.thanks} characters`);
  return changeClaim(post, claimId, (claim) => {
    ownClaim(claim, personId);
    if (claim.status !== 'active' && claim.status !== 'done')
      fail('invalid', 'thanks go on a claim that is on or done');
    return { ...claim, thanks: words };
  });
}

/** The claim of `personId` that is live or done on a post, newest first (what "my claim" means). */
export function claimOf(post: Post, personId: string): Claim | undefined {
  for (let i = post.claims.length - 1; i >= 0; i--) {
    const c = post.claims[i]!;
    if (c.personId === personId && c.status !== 'released') return c;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// What a viewer sees

/** True when `viewer` may see a post's private details. */
export function canSeePrivate(post: Post, viewer: Actor): boolean {
  return Boolean(
    viewer.moderator ||
    viewer.id === post.authorId ||
    (post.rotation?.recipientId && viewer.id === post.rotation.recipientId) ||
    post.claims.some((c) => c.personId === viewer.id && (c.status === 'active' || c.status === 'done')),
  );
}

/**
 * Whether `viewer` may see a post at all: a hidden post only its author and moderators; for
 * everyone else it is as if it had been deleted (docs/moderation.md).
 */
export function canSeePost(post: Post, viewer: Actor): boolean {
  return !post.hidden || Boolean(viewer.moderator) || viewer.id === post.authorId;
}

/** The hide as its author sees it: the reason and the thread, no moderator named. */
function hiddenForAuthor(hidden: PostHidden): PostHidden {
  const { moderatorId: _by, ...rest } = hidden;
  return { ...rest, replies: hidden.replies.map(({ moderatorId: _id, ...reply }) => reply) };
}

/**
 * The post as `viewer` may see it: without {@link PRIVATE_FIELDS} unless they are the author, hold
 * an accepted claim, are the rotation's recipient, or moderate. A request ("ask me first") does
 * not see them until the author says yes. A hidden post's author sees the hide without the
 * moderator's id; whether anyone else sees the post at all is {@link canSeePost}'s question.
 */
export function visiblePost(post: Post, viewer: Actor): Post {
  let shown = post;
  if (post.hidden && !viewer.moderator) shown = { ...post, hidden: hiddenForAuthor(post.hidden) };
  if (canSeePrivate(post, viewer) || PRIVATE_FIELDS.every((f) => post[f] === undefined)) return shown;
  const copy = shown === post ? { ...post } : shown;
  for (const field of PRIVATE_FIELDS) delete copy[field];
  return copy;
}

// ---------------------------------------------------------------------------------------------
// Hiding (moderators)

/** A moderator hides a post, with a reason its author will read. */
export function hidePost(post: Post, moderator: Actor, reason: string, now: Date): Post {
  if (!moderator.moderator) fail('moderators-only', 'only moderators hide posts');
  if (post.hidden) fail('hidden', 'this post is hidden already');
  const words = reason.trim();
  if (!words || words.length > LIMITS.hideReason)
    fail('invalid', `a reason is 1 to ${LIMITS.hideReason} characters`);
  return {
    ...post,
    hidden: { at: now.toISOString(), reason: words, moderatorId: moderator.id, replies: [] },
  };
}

/** A moderator shows a hidden post again (the audit log keeps that it was hidden). */
export function unhidePost(post: Post, moderator: Actor): Post {
  if (!moderator.moderator) fail('moderators-only', 'only moderators show hidden posts again');
  if (!post.hidden) fail('not-hidden', 'this post is not hidden');
  const { hidden: _hidden, ...shown } = post;
  return shown;
}

/** The author (or a moderator) adds to the thread on a hidden post. */
export function replyToHide(post: Post, actor: Actor, text: string, now: Date): Post {
  if (!post.hidden) return fail('not-hidden', 'this post is not hidden');
  const moderating = Boolean(actor.moderator) && actor.id !== post.authorId;
  if (!moderating && actor.id !== post.authorId)
    fail('not-yours', 'only the author and moderators answer about a hidden post');
  const words = text.trim();
  if (!words || words.length > LIMITS.hideReply)
    fail('invalid', `an answer is 1 to ${LIMITS.hideReply} characters`);
  if (post.hidden.replies.length >= LIMITS.hideReplies) fail('invalid', 'this thread is full');
  const reply: HideReply = moderating
    ? { by: 'moderator', text: words, at: now.toISOString(), moderatorId: actor.id }
    : { by: 'author', text: words, at: now.toISOString() };
  return { ...post, hidden: { ...post.hidden, replies: [...post.hidden.replies, reply] } };
}

/**
 * For the server: a write by someone who could not see the private fields leaves them out;
 * keep the stored ones. The author's write is taken as it is (leaving one out removes it).
 */
export function restorePrivateFields(before: Post, after: Post, actor: Actor): Post {
  if (actor.id === before.authorId) return after;
  const restored = { ...after };
  for (const field of PRIVATE_FIELDS)
    if (after[field] === undefined && before[field] !== undefined) restored[field] = before[field];
  return restored;
}

// ---------------------------------------------------------------------------------------------
// Who may change what

/** Equal as JSON values (a property set to `undefined` counts as absent). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a))
    return a.length === (b as unknown[]).length && a.every((v, i) => sameValue(v, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Obj)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Obj)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Obj)[k], (b as Obj)[k]));
}

export type ChangeDecision = { allowed: true } | { allowed: false; code: OfferErrorCode; reason: string };

const AUTHOR_STEPS: Record<string, true> = {
  'requested>active': true,
  'requested>declined': true,
  'active>done': true,
};

function checkAuthorChange(before: Post, after: Post): void {
  if (
    before.status === 'withdrawn' &&
    (after.status !== 'withdrawn' || after.withdrawnAt !== before.withdrawnAt)
  )
    fail('withdrawn', 'a withdrawn post stays withdrawn');
  if (after.claims.length !== before.claims.length)
    fail('not-yours', 'an author does not add or remove claims');
  before.claims.forEach((was, i) => {
    const is = after.claims[i]!;
    if (!sameValue({ ...was, status: '' }, { ...is, status: '' }))
      fail('not-yours', 'only the claimant changes their claim');
    if (was.status !== is.status && !AUTHOR_STEPS[`${was.status}>${is.status}`])
      fail('not-yours', `an author does not turn a ${was.status} claim into ${is.status}`);
  });
}

function checkOtherChange(actor: Actor, before: Post, after: Post, now: Date): void {
  const rest = (p: Post) => ({
    ...p,
    claims: [],
    rotation: p.rotation && { ...p.rotation, pausedAt: undefined },
  });
  if (!sameValue(rest(before), rest(after))) fail('not-yours', 'only the author edits a post');
  const pauseChanged = before.rotation?.pausedAt !== after.rotation?.pausedAt;
  const claimsChanged = !sameValue(before.claims, after.claims);
  if (pauseChanged) {
    if (claimsChanged) fail('not-yours', 'one change at a time');
    if (!before.rotation?.recipientId || before.rotation.recipientId !== actor.id)
      fail('not-yours', 'only the organiser or the recipient pauses a rotation');
    return;
  }
  if (!claimsChanged) return;
  const added = after.claims.length - before.claims.length;
  if (added === 1) {
    if (!sameValue(before.claims, after.claims.slice(0, -1))) fail('not-yours', 'one change at a time');
    const claim = after.claims[after.claims.length - 1]!;
    if (claim.personId !== actor.id) fail('not-yours', 'a person claims only for themselves');
    const at = Date.parse(claim.at);
    if (at > now.getTime() + 5 * 60_000 || at < now.getTime() - WEEK)
      fail('invalid', 'the claim’s time is off');
    const expected = claimSlot(
      before,
      { id: actor.id, name: claim.personName },
      { claimId: claim.id, slot: claim.slot, now },
    );
    if (!sameValue({ ...expected.claims[expected.claims.length - 1], at: claim.at }, claim))
      fail('invalid', 'the claim does not follow the rules of this post');
    return;
  }
  if (added !== 0) fail('not-yours', 'one claim at a time');
  const changed = after.claims.flatMap((claim, i) => (sameValue(claim, before.claims[i]) ? [] : [i]));
  if (changed.length !== 1) fail('not-yours', 'one change at a time');
  const i = changed[0]!;
  const was = before.claims[i]!;
  const is = after.claims[i]!;
  ownClaim(was, actor.id);
  const gives = (make: () => Post): boolean => {
    try {
      return sameValue(make().claims[i], is);
    } catch {
      return false;
    }
  };
  if (gives(() => releaseClaim(before, was.id, actor.id))) return;
  if (is.thanks !== undefined && gives(() => addThanks(before, was.id, actor.id, is.thanks!))) return;
  fail('not-yours', 'a claimant may release their claim or say thanks, nothing else');
}

/**
 * Decides whether `actor` may turn `before` into `after` (either absent: create or delete). The
 * server calls it on every PUT and DELETE of a post; values it has not validated are fine.
 *
 * - Anyone creates a post as themselves, open and unclaimed.
 * - The author edits, withdraws (for good), pauses their rotation, accepts or declines requests
 *   and marks claims done; deletes their post when no claim is on.
 * - Anyone else makes one change a write: claims a slot for themselves by the post's rules,
 *   releases their own claim, or adds thanks to it; a rotation's recipient may pause or resume it.
 *   A write that leaves out private fields the writer could not see keeps the stored ones
 *   (see {@link restorePrivateFields}).
 * - Moderators may delete any post.
 *
 * `now` (the server's clock) checks expiry, pauses and the time of a new claim.
 */
export function checkChangePost(
  actor: Actor,
  before: unknown,
  after: unknown,
  now: Date = new Date(),
): ChangeDecision {
  try {
    if (!actor || typeof actor.id !== 'string' || !actor.id) return fail('not-yours', 'nobody is signed in');
    if (after === undefined) {
      if (before === undefined) return fail('not-found', 'nothing to change');
      if (actor.moderator) return { allowed: true };
      const post = validatePost(before);
      if (post.authorId !== actor.id) fail('not-yours', 'only the author or a moderator removes a post');
      if (post.claims.some(isLive)) fail('has-claims', 'people still hold claims: withdraw it instead');
      return { allowed: true };
    }
    const next = validatePost(after);
    if (before === undefined) {
      if (next.authorId !== actor.id) fail('not-yours', 'a person posts only as themselves');
      if (next.hidden) fail('invalid', 'a new post is not hidden');
      if (next.status !== 'open' || next.claims.length || next.rotation?.pausedAt)
        fail('invalid', 'a new post starts open, unclaimed and not paused');
      return { allowed: true };
    }
    const prev = validatePost(before);
    for (const field of ['board', 'kind', 'authorId', 'createdAt'] as const)
      if (prev[field] !== next[field]) fail('fixed-field', `post.${field} does not change`);
    if (!sameValue(prev.hidden, next.hidden))
      fail('fixed-field', 'post.hidden changes only by a moderator’s hide or unhide');
    if (actor.id === prev.authorId) checkAuthorChange(prev, next);
    else checkOtherChange(actor, prev, restorePrivateFields(prev, next, actor), now);
    return { allowed: true };
  } catch (error) {
    if (error instanceof OfferError) return { allowed: false, code: error.code, reason: error.message };
    throw error;
  }
}

/** True when `actor` may turn `before` into `after`; see {@link checkChangePost}. */
export function canChangePost(actor: Actor, before: unknown, after: unknown, now?: Date): boolean {
  return checkChangePost(actor, before, after, now).allowed;
}

// ---------------------------------------------------------------------------------------------
// "Would you offer this again?" (private to the author)

/** The id of the author's private answer about one post (see {@link recordId}). */
export function reflectionId(postId: string, personId: string): string {
  return recordId(postId, personId);
}

export function validateReflection(value: unknown): OfferReflection {
  if (!isObj(value)) return fail('invalid', 'a reflection must be an object');
  onlyKeys(value, REFLECTION_KEYS, 'reflection');
  text(value, 'postId', LIMITS.id, true, 'reflection');
  text(value, 'personId', LIMITS.id, true, 'reflection');
  if (typeof value['again'] !== 'boolean') fail('invalid', 'reflection.again must be true or false');
  if (!isTime(value['at'])) fail('invalid', 'reflection.at must be a date and time');
  return value as unknown as OfferReflection;
}

/** Only the person a reflection belongs to reads or writes it, under its own id. */
export function canChangeReflection(actor: Actor, id: string, before: unknown, after: unknown): boolean {
  try {
    for (const value of [before, after]) {
      if (value === undefined) continue;
      const r = validateReflection(value);
      if (r.personId !== actor.id || reflectionId(r.postId, r.personId) !== id) return false;
    }
    return before !== undefined || after !== undefined;
  } catch {
    return false;
  }
}
