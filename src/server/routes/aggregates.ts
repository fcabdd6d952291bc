/**
 * Figures the server computes, mounted under `/v1/:community`:
 *
 *   GET /aggregates/circle?circle=…&kinds=a,b
 *     → {circle, minGroup, withRoom, kinds:[{kind, withRoom, levels}], asked:[{personId, count}]}
 *   GET /aggregates/moderation?board=…
 *     → {board, hiddenPosts}: how many posts of a board moderators have hidden (moderation.ts)
 *
 * From the community's snapshot (aggregates.ts), with the server's minimum group, whatever the
 * page asks. Streams get `event: aggregate` when a circle's figures change.
 */
import { Hono } from 'hono';
import { KIND_NAME, MAX_KINDS } from '../../domain/capacity.js';
import type { CircleAggregates } from '../aggregates.js';
import type { HiddenPostCounts } from '../moderation.js';
import type { Env } from '../env.js';
import { httpError } from '../errors.js';
import { checkName, JSON_TYPE } from '../http.js';
import type { Auth } from '../middleware/auth.js';

export function aggregateRoutes(deps: {
  aggregates: CircleAggregates;
  hidden: HiddenPostCounts;
  auth: Auth;
}): Hono<Env> {
  const { aggregates, hidden, auth } = deps;
  return new Hono<Env>()
    .get('/aggregates/moderation', async (c) => {
      const community = c.req.param('community') as string;
      checkName('community', community);
      await auth.reader(c, community);
      const board = c.req.query('board') ?? '';
      if (!board || board.length > 200) throw httpError('invalid', 'board must be 1–200 characters');
      return new Response(JSON.stringify(await hidden.figures(community, board)), {
        headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store' },
      });
    })
    .get('/aggregates/circle', async (c) => {
      const community = c.req.param('community') as string;
      checkName('community', community);
      await auth.reader(c, community);
      const circle = c.req.query('circle') ?? '';
      if (!circle || circle.length > 200) throw httpError('invalid', 'circle must be 1–200 characters');
      const kinds = (c.req.query('kinds') ?? '').split(',').filter(Boolean);
      if (kinds.length > MAX_KINDS || kinds.some((kind) => !KIND_NAME.test(kind)))
        throw httpError(
          'invalid',
          `kinds must be up to ${MAX_KINDS} names of lowercase letters, digits and -`,
        );
      const figures = await aggregates.circle(community, circle, [...new Set(kinds)]);
      return new Response(JSON.stringify(figures), {
        headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store' },
      });
    });
}
