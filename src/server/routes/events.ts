/**
 * Live changes as Server-Sent Events, mounted under `/v1/:community`:
 *
 *   GET /events?collections=a,b      one stream for several collections (all when absent)
 *   GET /:collection/events          one collection's stream
 *
 * Mount before the record routes: `/events` must win over `/:collection`.
 */
import { Hono } from 'hono';
import type { Ctx, Env } from '../env.js';
import type { ChangeFeed } from '../events.js';
import { checkName, header, recordPath, unknownCollection } from '../http.js';
import type { Auth } from '../middleware/auth.js';
import type { Rules } from '../rights.js';

export function eventRoutes(deps: { rules: Rules; feed: ChangeFeed; auth: Auth }): Hono<Env> {
  const { rules, feed, auth } = deps;

  const events = async (c: Ctx, community: string, collections: ReadonlySet<string> | null) => {
    const viewer = await auth.reader(c, community);
    const stream = feed.connect({
      community,
      collections,
      viewer,
      lastEventId: header(c, 'last-event-id') ?? c.req.query('lastEventId'),
      signal: c.req.raw.signal,
    });
    return new Response(stream, {
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
      },
    });
  };

  return new Hono<Env>()
    .get('/events', async (c) => {
      const community = c.req.param('community') as string;
      checkName('community', community);
      const wanted = c.req.query('collections');
      let collections: Set<string> | null = null;
      if (wanted) {
        collections = new Set(wanted.split(',').filter(Boolean));
        for (const name of collections) if (!rules.get(name)) throw unknownCollection(name, rules);
      }
      return events(c, community, collections);
    })
    .get('/:collection/events', async (c) => {
      const { key } = recordPath(c, rules, false);
      return events(c, key.community, new Set([key.collection]));
    });
}
