/**
 * Load that stays spread: how much each person carries this week, a gentle nudge before
 * someone takes on more than they meant to, how this week's help is spread across people, and
 * needs nobody has picked up. Pure: callers pass the posts and `now`.
 *
 * Each measure comes in two parts: what one post contributes (`…In`, `helpIn`, `waitedDays`),
 * and the whole board (`commitmentsOf`, `loadSpread`, `staleNeeds`), so a view with thousands
 * of posts can keep each post's part and recompute only the post that changed.
 */
import { isExpired, isLive, isPaused, openSlots, timeOf, type OfferReflection, type Post } from './offers.js';
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

/** How much one person helped this week. */
export interface Helper {
  personId: string;
  name?: string | undefined;
  units: number;
}

export interface LoadSpread {
  /** Pieces of help this week (claims on or done). */
  total: number;
  /** Everyone who helped, most first. */
  helpers: Helper[];
  /** The fewest people who carry at least 80 % of the help. */
  carriers: number;
  /** True when one person carries 40 % or more of at least five pieces of help. */
  concentrated: boolean;
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
    found.push(
      post.kind === 'offer'
        ? { personId: post.authorId, name: post.authorName, units: 1 }
        : { personId: claim.personId, name: claim.personName, units: 1 },
    );
  }
  return found;
}

/** How help is spread, from each post's {@link helpIn}. */
export function spreadOf(helps: Iterable<readonly Helper[]>): LoadSpread {
  const byPerson = new Map<string, Helper>();
  let total = 0;
  for (const list of helps)
    for (const piece of list) {
      let helper = byPerson.get(piece.personId);
      if (!helper)
        byPerson.set(piece.personId, (helper = { personId: piece.personId, name: piece.name, units: 0 }));
      helper.units += piece.units;
      total += piece.units;
    }
  const helpers = [...byPerson.values()].sort(
    (a, b) => b.units - a.units || (a.personId < b.personId ? -1 : 1),
  );
  let carriers = 0;
  for (let sum = 0; carriers < helpers.length && sum < total * 0.8; carriers++)
    sum += helpers[carriers]!.units;
  return { total, helpers, carriers, concentrated: total >= 5 && (helpers[0]?.units ?? 0) >= total * 0.4 };
}

/** How this week's help is spread across the board. */
export function loadSpread(posts: readonly PostEntry[], now: Date): LoadSpread {
  return spreadOf(posts.map((p) => helpIn(p.value, now)));
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
