/**
 * The circle's figures, computed by the server so counted-only check-ins never leave it as
 * records (docs/privacy.md, rule 5). Each community's snapshot holds every circle's figures for
 * ALL kinds found in its check-ins, made with the server's minimum group; a read answers from the
 * snapshot, so asking for other kinds or more often learns nothing new. Snapshots are made again
 * on a fixed clock (not when one person acts), for communities whose check-ins or asks changed or
 * whose check-ins expired meanwhile; when a circle's shown figures differ from the last ones
 * published, every stream of the community gets `event: aggregate`.
 */
import {
  ASK_WINDOW_DAYS,
  aggregateCircle,
  circleEntries,
  isAsk,
  isCheckIn,
  ROOM_LEVELS,
  type Ask,
  type AskedCount,
  type CheckIn,
  type CircleFigures,
  type KindAggregate,
  type RoomLevel,
} from '../domain/capacity.js';
import type { Queryable } from './db.js';
import type { ChangeFeed } from './events.js';
import type { Logger } from './logger.js';

/** What everyone in a community may read of one circle: the server always says how often each NAMED person was asked. */
type ServedFigures = CircleFigures & { asked: AskedCount[] };

interface Snapshot {
  circles: Map<string, ServedFigures>;
  /** The next moment a held check-in expires or an ask leaves the week: the figures may change then. */
  changesAt: number;
}

/** The collections the figures are made from. */
const SOURCES = new Set(['check-ins', 'asks']);

const noFigures = (kind: string): KindAggregate => ({
  kind,
  withRoom: null,
  levels: Object.fromEntries(ROOM_LEVELS.map((level) => [level, null])) as Record<RoomLevel, number | null>,
});

/** The figures of a circle as shown: kinds with nothing to show are the same as kinds never seen. */
function shownFigures(figures: ServedFigures | undefined): string {
  if (!figures) return '';
  const kinds = figures.kinds
    .filter((k) => k.withRoom !== null || ROOM_LEVELS.some((level) => k.levels[level] !== null))
    .sort((a, b) => (a.kind < b.kind ? -1 : 1));
  const asked = [...figures.asked].sort((a, b) => (a.personId < b.personId ? -1 : 1));
  if (figures.withRoom === null && !kinds.length && !asked.length) return '';
  return JSON.stringify({ withRoom: figures.withRoom, kinds, asked });
}

export class CircleAggregates {
  readonly #db: Queryable;
  readonly #minGroup: number;
  readonly #logger: Logger;
  readonly #feed: ChangeFeed;
  /** Each community's current snapshot (a promise while it is being made for its first read). */
  readonly #snapshots = new Map<string, Promise<Snapshot>>();
  /** Communities whose check-ins or asks changed since their snapshot. */
  readonly #dirty = new Set<string>();
  readonly #timer: ReturnType<typeof setInterval>;
  readonly #unsubscribe: () => void;
  #ticking = false;

  constructor(options: {
    db: Queryable;
    feed: ChangeFeed;
    logger: Logger;
    minGroup: number;
    intervalMs: number;
  }) {
    this.#db = options.db;
    this.#feed = options.feed;
    this.#logger = options.logger;
    this.#minGroup = options.minGroup;
    this.#unsubscribe = options.feed.onChange((change) => {
      if (SOURCES.has(change.collection) && this.#snapshots.has(change.community))
        this.#dirty.add(change.community);
    });
    this.#timer = setInterval(() => void this.#tick(), options.intervalMs);
    this.#timer.unref();
  }

  /** A circle's figures for `kinds`, in that order, from the community's snapshot. */
  async circle(community: string, circle: string, kinds: readonly string[]): Promise<ServedFigures> {
    let snapshot = this.#snapshots.get(community);
    if (!snapshot) {
      snapshot = this.#make(community);
      this.#snapshots.set(community, snapshot);
      snapshot.catch(() => this.#snapshots.delete(community));
    }
    const held = (await snapshot).circles.get(circle);
    const byKind = new Map(held?.kinds.map((k) => [k.kind, k]));
    return {
      circle,
      minGroup: held?.minGroup ?? Math.max(3, this.#minGroup),
      withRoom: held?.withRoom ?? null,
      kinds: kinds.map((kind) => byKind.get(kind) ?? noFigures(kind)),
      asked: held?.asked ?? [],
    };
  }

  /** Stops the clock. */
  close(): void {
    clearInterval(this.#timer);
    this.#unsubscribe();
  }

  /** Makes the snapshots that may have changed again; tells streams about circles whose figures did. */
  async #tick(): Promise<void> {
    if (this.#ticking) return;
    this.#ticking = true;
    try {
      const now = Date.now();
      for (const [community, current] of this.#snapshots) {
        const previous = await current.catch(() => undefined);
        if (!previous || (!this.#dirty.has(community) && now < previous.changesAt)) continue;
        this.#dirty.delete(community);
        const next = await this.#make(community);
        this.#snapshots.set(community, Promise.resolve(next));
        const circles = new Set([...previous.circles.keys(), ...next.circles.keys()]);
        for (const circle of circles)
          if (shownFigures(previous.circles.get(circle)) !== shownFigures(next.circles.get(circle)))
            this.#feed.sendToCommunity(community, 'aggregate', JSON.stringify({ name: 'circle', circle }));
      }
    } catch (error) {
      this.#logger.warn('making the circle figures failed; trying again on the next tick', { error });
    } finally {
      this.#ticking = false;
    }
  }

  /** Every circle's figures in a community, now. */
  async #make(community: string): Promise<Snapshot> {
    const rows = await this.#db.query<{ collection: string; value: unknown }>(
      `SELECT collection, value FROM tend_records WHERE community = $1 AND collection IN ('check-ins', 'asks')`,
      [community],
    );
    const values = (collection: string) =>
      rows.filter((row) => row.collection === collection).map((row) => row.value);
    const checkIns = values('check-ins').filter(isCheckIn) as CheckIn[];
    const asks = values('asks').filter(isAsk) as Ask[];
    const now = new Date();
    const since = now.getTime() - ASK_WINDOW_DAYS * 86_400_000;
    let changesAt = Infinity;
    for (const checkIn of checkIns) {
      const expires = Date.parse(checkIn.expiresAt);
      if (expires > now.getTime()) changesAt = Math.min(changesAt, expires);
    }
    for (const ask of asks) {
      const leaves = Date.parse(ask.at) + ASK_WINDOW_DAYS * 86_400_000;
      if (leaves > now.getTime()) changesAt = Math.min(changesAt, leaves);
    }

    const circles = new Map<string, ServedFigures>();
    for (const circle of new Set(checkIns.map((c) => c.circle))) {
      const kinds = [...new Set(checkIns.filter((c) => c.circle === circle).flatMap((c) => c.kinds))].sort();
      const figures = aggregateCircle(checkIns, { circle, kinds, minGroup: this.#minGroup, now });
      // Only people who chose to be named are counted as asked, and only by how often.
      const named = new Set(
        circleEntries(checkIns, circle, now).flatMap((entry) => (entry.named ? [entry.personId] : [])),
      );
      const asked = new Map<string, number>();
      for (const ask of asks)
        if (ask.circle === circle && named.has(ask.askedId) && Date.parse(ask.at) > since)
          asked.set(ask.askedId, (asked.get(ask.askedId) ?? 0) + 1);
      circles.set(circle, {
        ...figures,
        asked: [...asked].map(([personId, count]) => ({ personId, count })),
      });
    }
    return { circles, changesAt };
  }
}
