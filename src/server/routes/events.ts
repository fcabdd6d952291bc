/**
 * Live changes as Server-Sent Events, mounted under `/v1/:community`:
 *
 *   GET /events?collections=a,b      one stream for several collections (all when absent)
 *   GET /:collection/events          one collection's stream
 *
 * Mount before the record routes: `/events` must win over `/:collection`.
 */
import { Hono } from 'hono';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Ctx, Env } from '../env.js';
import type { ChangeFeed } from '../events.js';
import { checkName, header, recordPath, unknownCollection } from '../http.js';
import type { Auth } from '../middleware/auth.js';
import type { Rules } from '../rights.js';

/** The header that tells the Node adapter the response was written by the route itself. */
const ALREADY_SENT = [...RESPONSE_ALREADY_SENT.headers.keys()][0]!;

export function eventRoutes(deps: { rules: Rules; feed: ChangeFeed; auth: Auth }): Hono<Env> {
  const { rules, feed, auth } = deps;

  const events = async (c: Ctx, community: string, collections: ReadonlySet<string> | null) => {
    const viewer = await auth.reader(c, community);
    const lastEventId = header(c, 'last-event-id') ?? c.req.query('lastEventId');
    // The stream is written straight to Node's response, not through a web stream: a frame is
    // one write, and an idle stream holds little more than its socket. The head goes out once
    // the middleware has added its headers (CORS) to the response answered here.
    const out = c.env.outgoing;
    const response = new Response(null, {
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        'x-accel-buffering': 'no',
        [ALREADY_SENT]: 'true',
      },
    });
    // The Node adapter answers a response it can still build itself (one never read) without
    // looking for ALREADY_SENT: reading its body makes it a finished one, which it leaves alone.
    void response.body;
    setImmediate(() => {
      if (out.destroyed || out.headersSent) return;
      const head: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        if (name !== ALREADY_SENT) head[name] = value;
      });
      out.writeHead(200, head);
      feed.connect({ community, collections, viewer, lastEventId, out });
    });
    return response;
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
