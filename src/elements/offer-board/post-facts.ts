/**
 * What the board needs to know about each post to list, sort and count it, worked out once per
 * stored value and kept while the minute and the viewer stay the same. A live change brings one
 * new value, so only that post is worked out again: 10,000 posts stay within a frame.
 */
import { commitmentsIn, helpIn, waitedDays, type Helper } from '../../domain/load.js';
import { claimOf, postState, soonestTime, timeOf, type Post, type PostState } from '../../domain/offers.js';

export interface PostFacts {
  state: PostState;
  /** Sort key of "soonest first". */
  soonest: number;
  /** Sort key of "newest first". */
  newest: number;
  /** The viewer wrote it, or holds (or held) a claim on it. */
  involved: boolean;
  /** The help it carries this week. */
  help: Helper[];
  /** How many of the viewer's commitments this week it holds. */
  commitments: number;
  /** Days an open need has waited for anyone, when that is long. */
  waited: number | undefined;
}

const cache = new WeakMap<Post, { key: string; facts: PostFacts }>();
const texts = new WeakMap<Post, string>();

/** Facts for one moment and viewer; make one a render and ask it about every post. */
export function factsFor(now: Date, viewerId: string): (post: Post) => PostFacts {
  // Per minute: "this week", expiry and "days waited" don't need a finer clock.
  const key = `${Math.floor(now.getTime() / 60_000)}|${viewerId}`;
  return (post) => {
    const held = cache.get(post);
    if (held?.key === key) return held.facts;
    const facts: PostFacts = {
      state: postState(post, now),
      soonest: soonestTime(post, now),
      newest: -timeOf(post.createdAt),
      involved: post.authorId === viewerId || claimOf(post, viewerId) !== undefined,
      help: helpIn(post, now),
      commitments: commitmentsIn(post, viewerId, now).length,
      waited: waitedDays(post, now),
    };
    cache.set(post, { key, facts });
    return facts;
  };
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
