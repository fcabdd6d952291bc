/**
 * What the board needs to know about each post, worked out once per stored value and kept while
 * the minute and the viewer stay the same. A live change brings one new value, so only that post
 * is worked out again: 10,000 posts stay within a frame.
 *
 * Two kinds, so the first screen waits only for what it needs: what it takes to list and order
 * a post ({@link listFactsFor}: every post, before the first cards), and what it carries this
 * week ({@link loadFactsFor}: the load figures, worked out after a long board's first paint, and
 * a card's "waited for days" as the card renders).
 */
import { commitmentsIn, helpIn, waitedDays, type Helper } from '../../domain/load.js';
import { claimOf, postState, soonestTime, timeOf, type Post, type PostState } from '../../domain/offers.js';

/** What listing, filtering and ordering a post needs. */
export interface ListFacts {
  state: PostState;
  /** Sort key of "soonest first". */
  soonest: number;
  /** Sort key of "newest first". */
  newest: number;
  /** The viewer wrote it, or holds (or held) a claim on it. */
  involved: boolean;
}

/** What a post carries this week, for the load figures. */
export interface LoadFacts {
  /** The help it carries this week. */
  help: Helper[];
  /** How many of the viewer's commitments this week it holds. */
  commitments: number;
  /** Days an open need has waited for anyone, when that is long. */
  waited: number | undefined;
}

type Cache<F> = WeakMap<Post, { key: string; facts: F }>;

/** Facts of one kind for one moment and viewer, each post's kept until its value (or the minute) changes. */
function cached<F>(cache: Cache<F>, now: Date, viewerId: string, work: (post: Post) => F): (post: Post) => F {
  // Per minute: "this week", expiry and "days waited" don't need a finer clock.
  const key = `${Math.floor(now.getTime() / 60_000)}|${viewerId}`;
  return (post) => {
    const held = cache.get(post);
    if (held?.key === key) return held.facts;
    const facts = work(post);
    cache.set(post, { key, facts });
    return facts;
  };
}

const listCache: Cache<ListFacts> = new WeakMap();
const loadCache: Cache<LoadFacts> = new WeakMap();
const texts = new WeakMap<Post, string>();

/** List facts for one moment and viewer; make one a render and ask it about every post. */
export function listFactsFor(now: Date, viewerId: string): (post: Post) => ListFacts {
  return cached(listCache, now, viewerId, (post) => ({
    state: postState(post, now),
    soonest: soonestTime(post, now),
    newest: -timeOf(post.createdAt),
    involved: post.authorId === viewerId || claimOf(post, viewerId) !== undefined,
  }));
}

/** Load facts for one moment and viewer; ask it about the posts whose load is wanted. */
export function loadFactsFor(now: Date, viewerId: string): (post: Post) => LoadFacts {
  return cached(loadCache, now, viewerId, (post) => ({
    help: helpIn(post, now),
    commitments: commitmentsIn(post, viewerId, now).length,
    waited: waitedDays(post, now),
  }));
}

/** The lower-cased text search looks in, made the first time someone searches. */
export function searchText(post: Post): string {
  let text = texts.get(post);
  if (text === undefined) {
    const r = post.rotation;
    text = [post.title, post.details, post.place, post.authorName, r?.recipientName, r?.notes]
      .join('\n')
      .toLowerCase();
    texts.set(post, text);
  }
  return text;
}
