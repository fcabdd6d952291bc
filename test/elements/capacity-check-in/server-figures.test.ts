/**
 * The circle at a glance on storage that computes the circle's figures itself, as a tend-server
 * does: the figures and the minimum group are the server's, the names are only those of people
 * who chose "my circle", and counted-only check-ins never reach the page.
 */
import { expect } from '@open-wc/testing';
import {
  ASK_WINDOW_DAYS,
  aggregateCircle,
  isGenuineCheckIn,
  parseKinds,
  type Ask,
  type CheckIn,
} from '../../../src/domain/capacity.js';
import type { AggregateListener, ChangeListener, StoredRecord } from '../../../src/storage/adapter.js';
import { MemoryAdapter, MemoryStore, StorageError } from '../../../src/storage/index.js';
import type { TendCapacityCheckIn } from '../../../src/elements/capacity-check-in/index.js';
import {
  Clock,
  NOW,
  SharedMemoryAdapter,
  button,
  checkIn,
  checkInAs,
  click,
  mount,
  root,
  settle,
  text,
} from './helpers.js';

/**
 * A person's view of a shared store, filtered as the server filters it (others' check-ins only
 * when they chose "my circle"; only the person's own asks), that computes the `circle`
 * aggregate over every check-in with the server's own minimum group, plus how often each named
 * person was asked this week, recomputed whenever a check-in changes (and, unless `askLag`, an
 * ask: a real server recomputes on a clock, so a figure may not hold the newest asks yet).
 */
class ServerLikeAdapter extends SharedMemoryAdapter {
  readonly watches: Record<string, string>[] = [];
  watching = 0;
  failing = false;
  askLag = false;
  now = (): Date => NOW;
  /** Computes the figures again now, as the server's clock would. */
  recompute: () => Promise<void> = async () => {};
  readonly #everything: MemoryAdapter;
  readonly #minGroup: number;

  constructor(store: MemoryStore, author: string, minGroup = 3) {
    super({ store, community: 'street', author });
    this.#everything = new MemoryAdapter({ store, community: 'street' });
    this.#minGroup = minGroup;
  }

  #visible(collection: string, record: StoredRecord | undefined): boolean {
    if (!record) return true;
    if (collection === 'asks') return (record.value as Ask).askerId === this.author;
    if (collection !== 'check-ins') return true;
    const value = record.value as CheckIn;
    return value.personId === this.author || value.visibility === 'circle';
  }

  override async get<T>(collection: string, id: string): Promise<StoredRecord<T> | undefined> {
    const record = await super.get<T>(collection, id);
    return this.#visible(collection, record) ? record : undefined;
  }

  override async list<T>(collection: string): Promise<StoredRecord<T>[]> {
    return (await super.list<T>(collection)).filter((record) => this.#visible(collection, record));
  }

  override subscribe<T>(collection: string, listener: ChangeListener<T>): () => void {
    return super.subscribe<T>(collection, (change) => {
      if (change.type === 'remove' || this.#visible(collection, change.record)) listener(change);
    });
  }

  watchAggregate<T>(
    name: string,
    params: Readonly<Record<string, string>>,
    listener: AggregateListener<T>,
  ): () => void {
    expect(name).to.equal('circle');
    this.watches.push({ ...params });
    this.watching++;
    const circle = params['circle']!;
    const compute = async () => {
      if (this.failing) return listener(undefined, new StorageError('offline', 'the server is unreachable'));
      const now = this.now();
      const checkIns = (await this.#everything.list<CheckIn>('check-ins'))
        .filter((record) => isGenuineCheckIn(record))
        .map((record) => record.value);
      const figures = aggregateCircle(checkIns, {
        circle,
        kinds: parseKinds(params['kinds']),
        minGroup: this.#minGroup,
        now,
      });
      const named = new Set(
        checkIns.filter((c) => c.circle === circle && c.visibility === 'circle').map((c) => c.personId),
      );
      const asked = new Map<string, number>();
      for (const { value } of await this.#everything.list<Ask>('asks'))
        if (
          value.circle === circle &&
          named.has(value.askedId) &&
          Date.parse(value.at) > now.getTime() - ASK_WINDOW_DAYS * 86_400_000
        )
          asked.set(value.askedId, (asked.get(value.askedId) ?? 0) + 1);
      listener({ ...figures, asked: [...asked].map(([personId, count]) => ({ personId, count })) } as T);
    };
    this.recompute = compute;
    void compute();
    const stopCheckIns = this.#everything.subscribe('check-ins', () => void compute());
    const stopAsks = this.#everything.subscribe('asks', () => void (this.askLag || compute()));
    return () => {
      this.watching--;
      stopCheckIns();
      stopAsks();
    };
  }
}

const askNames = (el: TendCapacityCheckIn): string[] =>
  [...root(el).querySelectorAll('[part="ask-button"]')].map((b) => b.textContent!.trim());

/** Zoe asks `askedId` for listening, through her own adapter, an hour before `at`. */
const zoeAsks = (store: MemoryStore, id: string, askedId: string, at = NOW): Promise<unknown> =>
  new MemoryAdapter({ store, community: 'street', author: 'zoe' }).put('asks', id, {
    circle: 'maple',
    askerId: 'zoe',
    askedId,
    kind: 'listening',
    at: new Date(at.getTime() - 3_600_000).toISOString(),
  });

const kindLines = (el: TendCapacityCheckIn): string[] =>
  [...root(el).querySelectorAll('[part="circle"] li')].map((li) =>
    li.textContent!.replace(/\s+/g, ' ').trim(),
  );

/** Two named people and `counted` people who chose "count me, don't name me". */
async function circleWith(store: MemoryStore, counted: string[]): Promise<void> {
  await checkInAs(store, checkIn('ana', 'plenty'));
  await checkInAs(store, checkIn('ben', 'some', { kinds: ['listening'] }));
  for (const id of counted)
    await checkInAs(
      store,
      checkIn(id, 'a-little', { visibility: 'counted', personName: `Secret ${id}`, note: `note of ${id}` }),
    );
}

describe('<tend-capacity-check-in>: figures from the server', () => {
  it('shows the server’s figures with the server’s minimum group; the page’s min-group cannot lower it', async () => {
    const store = new MemoryStore();
    await circleWith(store, ['cy', 'cal', 'cat']);
    const adapter = new ServerLikeAdapter(store, 'me', 4);
    const el = await mount({ adapter, minGroup: 1 });
    expect(adapter.watches).to.deep.equal([{ circle: 'maple', kinds: 'listening,practical,hosting' }]);
    expect(text(el, 'summary')).to.equal(
      'Numbers show once 4 or more people have room, so nobody is singled out.',
    );
    expect(kindLines(el)).to.deep.equal([
      'Listening: Ana and Ben',
      'Practical help: Ana',
      'Hosting: No one named yet',
    ]);
    await expect(el).to.be.accessible();

    // A fourth counted-only person: now the counted-only group is big enough to be in the figures.
    await checkInAs(store, checkIn('cid', 'a-little', { visibility: 'counted', personName: 'Secret cid' }));
    await settle(el);
    expect(text(el, 'summary')).to.equal('6 people have room right now.');
    expect(kindLines(el)).to.deep.equal([
      'Listening: 6 people · Ana, Ben, and 4 more (not named)',
      'Practical help: 5 people · Ana and 4 more (not named)',
      'Hosting: No one named yet',
    ]);
    expect(text(el)).not.to.match(/Secret|note of/);
    expect(
      (await adapter.list<CheckIn>('check-ins')).map((r) => r.value.personId).sort(),
      'counted-only check-ins never reach the page',
    ).to.deep.equal(['ana', 'ben']);
    await expect(el).to.be.accessible();
  });

  it('names only people who chose “my circle”, even when the figure is shown', async () => {
    const store = new MemoryStore();
    await circleWith(store, ['cy', 'cal', 'cat']);
    await checkInAs(store, checkIn('dee', 'some', { kinds: ['hosting'] }));
    const el = await mount({ adapter: new ServerLikeAdapter(store, 'me') });
    expect(text(el, 'summary')).to.equal('6 people have room right now.');
    expect(kindLines(el)).to.deep.equal([
      'Listening: 5 people · Ana, Ben, and 3 more (not named)',
      'Practical help: 4 people · Ana and 3 more (not named)',
      'Hosting: Dee',
    ]);
  });

  it('says kindly when the figures can’t be read, and still names who chose to be named', async () => {
    const store = new MemoryStore();
    await circleWith(store, []);
    const adapter = new ServerLikeAdapter(store, 'me');
    adapter.failing = true;
    const el = await mount({ adapter });
    expect(text(el, 'summary')).to.equal(
      'The circle’s numbers can’t be read just now. They’ll show again once the connection is back.',
    );
    expect(kindLines(el)[0]).to.equal('Listening: Ana and Ben');
    expect(text(el, 'circle')).not.to.match(/\d/);
    await expect(el).to.be.accessible();
  });

  it('watches again when the circle or kinds change, and stops watching when removed', async () => {
    const store = new MemoryStore();
    await checkInAs(store, checkIn('oli', 'plenty', { circle: 'oak', kinds: ['rides'] }));
    const adapter = new ServerLikeAdapter(store, 'me');
    const el = await mount({ adapter });
    expect(adapter.watching).to.equal(1);
    el.setAttribute('circle', 'oak');
    el.setAttribute('kinds', 'rides');
    await settle(el);
    expect(adapter.watching, 'the old watch was stopped').to.equal(1);
    expect(adapter.watches.at(-1)).to.deep.equal({ circle: 'oak', kinds: 'rides' });
    expect(kindLines(el)).to.deep.equal(['rides: Oli']);
    const provider = el.parentElement!;
    el.remove();
    expect(adapter.watching).to.equal(0);
    // Back on the page, it watches again.
    provider.append(el);
    await settle(el);
    expect(adapter.watching).to.equal(1);
    el.remove();
    expect(adapter.watching).to.equal(0);
  });

  it('spreads asks with the circle’s counts of named people, and never reads who asked whom', async () => {
    const store = new MemoryStore();
    await circleWith(store, []);
    for (const n of [1, 2, 3]) await zoeAsks(store, `ask-zoe-${n}`, 'ana');
    const clock = new Clock();
    const adapter = new ServerLikeAdapter(store, 'me');
    adapter.askLag = true;
    const el = await mount({ adapter, clock });
    expect(askNames(el), 'Ana was asked three times this week').to.deep.equal([
      'Note that I asked Ben',
      'Note that I asked Ana',
    ]);
    expect(await adapter.list('asks'), 'Zoe’s asks are hers alone').to.deep.equal([]);
    expect(text(el, 'ask')).not.to.contain('You asked');

    // My asks count at once, before the server's figures hold them.
    clock.time = new Date(NOW.getTime() + 60_000);
    for (const n of [1, 2]) {
      await click(el, button(el, 'Note that I asked Ben'));
      expect(askNames(el), `after my ask number ${n}`).to.deep.equal([
        'Note that I asked Ben',
        'Note that I asked Ana',
      ]);
    }
    await click(el, button(el, 'Note that I asked Ben'));
    expect(askNames(el), 'three each: more room first').to.deep.equal([
      'Note that I asked Ana',
      'Note that I asked Ben',
    ]);
    expect(text(el, 'ask')).to.contain('You asked just now.');

    // The figures catch up: my asks are in them now, and are not counted twice.
    adapter.now = () => clock.time;
    await adapter.recompute();
    await settle(el);
    expect(askNames(el)).to.deep.equal(['Note that I asked Ana', 'Note that I asked Ben']);
    await zoeAsks(store, 'ask-zoe-4', 'ana', clock.time);
    await adapter.recompute();
    await settle(el);
    expect(askNames(el), 'Ana four, Ben three').to.deep.equal([
      'Note that I asked Ben',
      'Note that I asked Ana',
    ]);
    await expect(el).to.be.accessible();
  });
});
