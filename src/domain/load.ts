/**
 * Load that stays spread: how much a person carries this week and a gentle nudge before they
 * take on more than they meant to (for that person only), how this week's help is spread (for
 * everyone: anonymous, no ranking), and needs nobody has picked up. Pure: callers pass the posts
 * and `now`.
 *
 * Each measure comes in two parts: what one post contributes (`…In`, `helpIn`, `waitedDays`),
 * and the whole board (`commitmentsOf`, `loadSpread`, `staleNeeds`), so a view with thousands
 * of posts can keep each post's part and recompute only the post that changed.
 */
import { MIN_GROUP_FLOOR, minGroupOf } from './groups.js';
import {
  DEFAULT_MAX_COMMITMENTS,
  isExpired,
  isLive,
  isPaused,
  openSlots,
  timeOf,
  type OfferReflection,
  type Post,
} from './offers.js';
import { dayStart } from './rotations.js';

/** A post with its record id. */
export interface PostEntry {
  id: string;
  value: Post;
}

const DAY = 86_400_000;

/** When a claim on `post` happens: its day for a rotation, the post's time, or now when flexible. */
function claimTime(post: Post, slot: number | string, now: Date): number {
  if (typeof slot === 'string') return dayStart(slot) + DAY / 2;
  if (post.when.flexible) return now.getTime();
  const start = timeOf(post.when.start);
  const end = post.when.end ? timeOf(post.when.end) : start;
  return start <= now.getTime() && now.getTime() <= end ? now.getTime() : start;
}

const inWeek = (time: number, now: Date): boolean =>
  time >= now.getTime() - DAY && time < now.getTime() + 7 * DAY;

/** One thing a person carries this week. */
export interface Commitment {
  postId: string;
  /** `claim` for a slot they took, `offer` for an open offer of theirs. */
  type: 'claim' | 'offer';
}

/**
 * What one post adds to a person's commitments this week: their open offer (one, however many
 * slots), or each claim of theirs that is on (asked for or accepted), while the post is open.
 */
export function commitmentsIn(post: Post, personId: string, now: Date): Commitment['type'][] {
  if (post.authorId !== personId && !post.claims.some((c) => c.personId === personId)) return [];
  if (post.status === 'withdrawn' || isExpired(post, now)) return [];
  if (post.kind === 'offer' && post.authorId === personId)
    return inWeek(claimTime(post, 0, now), now) &&
      (openSlots(post, now).length > 0 || post.claims.some(isLive))
      ? ['offer']
      : [];
  const found: Commitment['type'][] = [];
  for (const claim of post.claims)
    if (claim.personId === personId && isLive(claim) && inWeek(claimTime(post, claim.slot, now), now))
      found.push('claim');
  return found;
}

/** A person's commitments this week (from yesterday to seven days ahead), across the board. */
export function commitmentsOf(posts: readonly PostEntry[], personId: string, now: Date): Commitment[] {
  return posts.flatMap(({ id, value }) =>
    commitmentsIn(value, personId, now).map((type) => ({ postId: id, type })),
  );
}

/** "No, I wouldn't offer that again" answers of a person in the last `days` days. */
export function recentRegrets(
  reflections: readonly OfferReflection[],
  personId: string,
  now: Date,
  days = 30,
): number {
  return reflections.filter(
    (r) => r.personId === personId && !r.again && now.getTime() - Date.parse(r.at) < days * DAY,
  ).length;
}

export interface CommitmentNudge {
  /** What the person carries now. */
  count: number;
  /** The number the board suggests for them now. */
  limit: number;
  /** True when a recent "I wouldn't offer that again" lowered the limit by one. */
  regret: boolean;
}

/**
 * Whether to ask "do you still want to take this on?" before one more commitment: when it would
 * take the person past `max` (one less after a recent "I wouldn't offer that again"). Null: no
 * need to ask. It is a question, never a block.
 */
export function commitmentNudge(count: number, max: number, regrets = 0): CommitmentNudge | null {
  const regret = regrets > 0;
  const limit = Math.max(1, regret ? max - 1 : max);
  return count + 1 > limit ? { count, limit, regret } : null;
}

/** One piece of help this week, and who gave it. Used to count, never shown with a name. */
export interface Helper {
  personId: string;
  units: number;
}

/**
 * How this week's help is spread, as everyone on the board may see it: anonymous and
 * aggregated. No names, no per-person figures, no ranking; nothing but "any help" until at
 * least `minGroup` people have helped, so the view never points at one or two people.
 */
export interface LoadSpread {
  /** The smallest number of helpers for which figures are shown (at least {@link MIN_GROUP_FLOOR}). */
  minGroup: number;
  /** True when any help was given this week. */
  any: boolean;
  /** How many people helped this week; `null` when fewer than `minGroup`. */
  people: number | null;
  /**
   * When help is uneven: the fewest people who together gave more than half of it, if that is a
   * third of the helpers or fewer (and there were at least five pieces of help). `null` when help
   * is shared fairly evenly, and whenever `people` is `null`.
   */
  most: number | null;
}

/** What one person carries this week, for that person's eyes only. */
export interface OwnLoad {
  /** Things they have on this week (see {@link commitmentsIn}). */
  commitments: number;
  /** Pieces of help they gave this week. */
  helped: number;
  /** The most things the board suggests a week. */
  max: number;
  /** True when they have more on than `max`. */
  over: boolean;
  /** True when they gave 40 % or more of at least five pieces of this week's help: a note to rest. */
  heavy: boolean;
  /** Whether to ask before one more commitment (see {@link commitmentNudge}). */
  nudge: CommitmentNudge | null;
}

/**
 * The help one post carries this week (seven days back to seven ahead), one entry a piece of
 * help. The helper is the author of an offer, or the person who claimed a need or a rotation's day.
 */
export function helpIn(post: Post, now: Date): Helper[] {
  if (post.status === 'withdrawn' || !post.claims.length) return [];
  const found: Helper[] = [];
  for (const claim of post.claims) {
    if (claim.status !== 'active' && claim.status !== 'done') continue;
    const time = claimTime(post, claim.slot, now);
    if (time < now.getTime() - 7 * DAY || time >= now.getTime() + 7 * DAY) continue;
    found.push({ personId: post.kind === 'offer' ? post.authorId : claim.personId, units: 1 });
  }
  return found;
}

function unitsByPerson(helps: Iterable<readonly Helper[]>): { total: number; byPerson: Map<string, number> } {
  const byPerson = new Map<string, number>();
  let total = 0;
  for (const list of helps)
    for (const piece of list) {
      byPerson.set(piece.personId, (byPerson.get(piece.personId) ?? 0) + piece.units);
      total += piece.units;
    }
  return { total, byPerson };
}

/** How help is spread, from each post's {@link helpIn}; `minGroup` is raised to {@link MIN_GROUP_FLOOR}. */
export function spreadOf(helps: Iterable<readonly Helper[]>, minGroup: number = MIN_GROUP_FLOOR): LoadSpread {
  const group = minGroupOf(minGroup);
  const { total, byPerson } = unitsByPerson(helps);
  const people = byPerson.size;
  if (people < group) return { minGroup: group, any: total > 0, people: null, most: null };
  // Sorted amounts only: who gave them is not needed to say how uneven they are.
  const amounts = [...byPerson.values()].sort((a, b) => b - a);
  let few = 0;
  for (let sum = 0; sum * 2 <= total; few++) sum += amounts[few]!;
  const uneven = total >= 5 && few * 3 <= people;
  return { minGroup: group, any: true, people, most: uneven ? few : null };
}

/** How this week's help is spread across the board; see {@link LoadSpread}. */
export function loadSpread(
  posts: readonly PostEntry[],
  now: Date,
  minGroup: number = MIN_GROUP_FLOOR,
): LoadSpread {
  return spreadOf(
    posts.map((p) => helpIn(p.value, now)),
    minGroup,
  );
}

/**
 * One person's own load, from each post's {@link helpIn} and their commitment count: shown only
 * to `personId`, never to anyone else.
 */
export function ownLoadOf(
  helps: Iterable<readonly Helper[]>,
  personId: string,
  commitments: number,
  options: { max?: number; regrets?: number } = {},
): OwnLoad {
  const max = options.max ?? DEFAULT_MAX_COMMITMENTS;
  const { total, byPerson } = unitsByPerson(helps);
  const helped = byPerson.get(personId) ?? 0;
  return {
    commitments,
    helped,
    max,
    over: commitments > max,
    heavy: byPerson.size > 1 && total >= 5 && helped >= total * 0.4,
    nudge: commitmentNudge(commitments, max, options.regrets ?? 0),
  };
}

/** One person's own load across the board at `now`; see {@link ownLoadOf}. */
export function ownLoad(
  posts: readonly PostEntry[],
  personId: string,
  now: Date,
  options: { max?: number; regrets?: number } = {},
): OwnLoad {
  return ownLoadOf(
    posts.map((p) => helpIn(p.value, now)),
    personId,
    commitmentsOf(posts, personId, now).length,
    options,
  );
}

/** An open need nobody has picked up. */
export interface StaleNeed {
  postId: string;
  /** Whole days since it was posted. */
  days: number;
}

/** Whole days an open, unclaimed need has waited, when at least `days`; otherwise undefined. */
export function waitedDays(post: Post, now: Date, days = 3): number | undefined {
  if (post.kind !== 'need' || post.status !== 'open' || isPaused(post)) return undefined;
  const age = Math.floor((now.getTime() - timeOf(post.createdAt)) / DAY);
  if (age < days || isExpired(post, now)) return undefined;
  return post.claims.some((c) => c.status !== 'released' && c.status !== 'declined') ? undefined : age;
}

/**
 * Needs that are open, unclaimed by anyone, and at least `days` days old, oldest first: the
 * board highlights them so they don't sit unseen.
 */
export function staleNeeds(posts: readonly PostEntry[], now: Date, days = 3): StaleNeed[] {
  const stale: StaleNeed[] = [];
  for (const { id, value } of posts) {
    const waited = waitedDays(value, now, days);
    if (waited !== undefined) stale.push({ postId: id, days: waited });
  }
  return stale.sort((a, b) => b.days - a.days);
}
