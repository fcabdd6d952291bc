/* global document, performance, window */
/**
 * The page `offer-board.bench.mjs` drives: it seeds a memory store with N posts, then measures
 * (1) `<tend-offer-board>` from being put in the page to its first render laid out, reading the
 * posts from storage included, and a live update (another person claims a slot) until laid out;
 * (2) the floor: the same cards as plain DOM, every one of them, built from the same data in
 * the same run, and one card replaced; (3) storage to first cards, on the memory adapter or on
 * `BrowserAdapter` over IndexedDB seeded by an earlier page.
 */
import '../src/provider/index.js';
import '../src/elements/offer-board/index.js';
import type { TendOfferBoard } from '../src/elements/offer-board/index.js';
import { claimSlot, createPost, isPost, type Post } from '../src/domain/offers.js';
import { spreadOf } from '../src/domain/load.js';
import { NO_FILTERS, filterPosts } from '../src/elements/offer-board/board-filters.js';
import { listFactsFor, loadFactsFor } from '../src/elements/offer-board/post-facts.js';
import { BrowserAdapter, MemoryAdapter, MemoryStore, type StorageAdapter } from '../src/storage/index.js';
import type { TendProvider } from '../src/provider/index.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const CATEGORIES = ['meals', 'rides', 'errands', 'childcare', 'listening', 'stay', 'other'];
const stage = () => document.getElementById('stage')!;

function makePost(i: number): Post {
  const author = { id: `person-${i % 200}`, name: `Person ${i % 200}` };
  if (i % 20 === 7) {
    const dates = [0, 2, 4, 7, 9, 11].map((d) =>
      new Date(NOW.getTime() + (d + (i % 5)) * 86_400_000).toISOString().slice(0, 10),
    );
    return createPost(
      'bench',
      {
        kind: 'rotation',
        title: `Meals for family ${i}`,
        category: 'meals',
        rotation: { recipientName: `Family ${i}`, notes: 'No nuts, please. Drop-off 5–6 pm.', dates },
      },
      author,
      NOW,
    );
  }
  let post = createPost(
    'bench',
    {
      kind: i % 2 ? 'offer' : 'need',
      title: `${i % 2 ? 'Offer' : 'Need'} number ${i}: ${CATEGORIES[i % 7]} this week`,
      details: `Details for post ${i}. A few words about what, when and how, as people write them on a real board.`,
      category: CATEGORIES[i % 7]!,
      slots: 8,
      when:
        i % 3
          ? { flexible: false, start: new Date(NOW.getTime() + (i % 300) * 3_600_000).toISOString() }
          : { flexible: true },
      place: i % 4 ? 'Maple Street' : undefined,
      expiresAt: new Date(NOW.getTime() + 30 * 86_400_000).toISOString(),
    },
    author,
    NOW,
  );
  if (i % 3 === 0)
    post = claimSlot(
      post,
      { id: `helper-${i % 50}`, name: `Helper ${i % 50}` },
      { claimId: `c${i}`, now: NOW },
    );
  return post;
}

const dbName = (n: number) => `tend-bench-${n}`;
const idOf = (i: number) => `post-${String(i).padStart(5, '0')}`;

const stores = new Map<number, { store: MemoryStore; posts: Post[] }>();

async function seeded(n: number) {
  let seed = stores.get(n);
  if (!seed) {
    const store = new MemoryStore();
    const adapter = new MemoryAdapter({ store, author: 'seed' });
    const posts: Post[] = [];
    for (let i = 0; i < n; i++) {
      const post = makePost(i);
      posts.push(post);
      await adapter.put('posts', idOf(i), post);
    }
    stores.set(n, (seed = { store, posts }));
  }
  return seed;
}

/** True once the BrowserAdapter keeps a collection in buckets too (it makes them a while after a `list`). */
async function inBuckets(name: string, collection: string): Promise<boolean> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  try {
    const keys = IDBKeyRange.bound(['default', collection, ''], ['default', collection, '\uffff']);
    const count = db.transaction('lists').objectStore('lists').count(keys);
    return await new Promise<boolean>((resolve) => (count.onsuccess = () => resolve(count.result > 0)));
  } finally {
    db.close();
  }
}

/**
 * Puts `n` posts in this browser's IndexedDB (database `tend-bench-N`) through a
 * `BrowserAdapter`, unless they are there already, and stays on the page until the adapter has
 * put them in buckets too, as a reader's page does while they read: a later page reads them back.
 */
async function seedIndexedDB(n: number): Promise<number> {
  const adapter = new BrowserAdapter({ name: dbName(n), author: 'seed', backends: ['indexeddb'] });
  try {
    if ((await adapter.ready()).location !== 'indexeddb') throw new Error('IndexedDB is not available');
    const held = new Set((await adapter.list('posts')).map((r) => r.id));
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < n; i++)
      if (!held.has(idOf(i))) writes.push(adapter.put('posts', idOf(i), makePost(i)));
    await Promise.all(writes);
    const count = (await adapter.list('posts')).length;
    for (let waited = 0; !(await inBuckets(dbName(n), 'posts')); waited += 100) {
      if (waited > 30_000) throw new Error('the posts were not put in buckets');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return count;
  } finally {
    adapter.close();
  }
}

/** The viewer's board on `adapter`, inside its provider (not yet in the page). */
function boardOn(adapter: StorageAdapter): { provider: TendProvider; board: TendOfferBoard } {
  const provider = document.createElement('tend-provider') as TendProvider;
  provider.adapter = adapter;
  provider.setAttribute('user-id', 'viewer');
  const board = document.createElement('tend-offer-board');
  board.board = 'bench';
  board.now = NOW;
  provider.append(board);
  return { provider, board };
}

/**
 * Storage to first cards, once: from the board's connection (its adapter made at the same
 * moment, so opening IndexedDB counts) to the first frame painted with cards in it. `read` is
 * until the posts' `list` resolved; the rest is the board's own work (taking the records in,
 * checking, sorting, rendering, layout and paint). The first call in a page pays for compiling
 * and the browser's Intl set-up too; a second one does not.
 */
async function firstCards(
  n: number,
  storage: 'memory' | 'indexeddb',
): Promise<{ read: number; render: number; total: number; cards: number }> {
  stage().replaceChildren();
  let store: MemoryStore | undefined;
  if (storage === 'memory') ({ store } = await seeded(n));
  await new Promise((resolve) => setTimeout(resolve, 50));
  const start = performance.now();
  const adapter: StorageAdapter =
    storage === 'memory'
      ? new MemoryAdapter({ store, author: 'viewer' })
      : new BrowserAdapter({ name: dbName(n), author: 'viewer', backends: ['indexeddb'] });
  // Only timestamps the board's read; the records pass through untouched.
  let listed = 0;
  const list = adapter.list.bind(adapter);
  adapter.list = (async (collection: string) => {
    const records = await list(collection);
    if (collection === 'posts') listed = performance.now();
    return records;
  }) as typeof adapter.list;
  const { provider, board } = boardOn(adapter);
  // Every frame, before it is drawn, look for cards; the first frame with some is drawn before
  // the task posted from it runs. (Asked for since before the board renders, so this callback
  // runs ahead of any the board asks for in the same frame, and so does its task.)
  const painted = new Promise<number>((resolve) => {
    const frame = () => {
      if (board.shadowRoot?.querySelector('li.card')) setTimeout(() => resolve(performance.now()));
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  stage().append(provider);
  const total = (await painted) - start;
  const cards = board.shadowRoot!.querySelectorAll('li.card').length;
  if (!listed || !cards) throw new Error('no cards');
  if (storage === 'indexeddb' && adapter.status.location !== 'indexeddb') throw new Error('not IndexedDB');
  adapter.close();
  return { read: listed - start, render: total - (listed - start), total, cards };
}

/** Forces style and layout, so a measurement includes them. */
function layout(element: Element): void {
  element.getBoundingClientRect();
  void document.body.offsetHeight;
}

async function settle(board: TendOfferBoard): Promise<void> {
  // The windowed list may render again once it has measured its rows.
  while (!(await board.updateComplete));
}

let run = 0;

/**
 * Board: time to read the posts from storage (the memory adapter's `list`), then
 * time to first render with the records in hand (the element takes them in, checks each,
 * works out what to list, renders and is laid out), and time to apply one live update.
 */
async function measureBoard(
  n: number,
): Promise<{ read: number; first: number; update: number; rendered: number }> {
  const { store } = await seeded(n);
  stage().replaceChildren();
  const adapter = new MemoryAdapter({ store, author: 'viewer' });
  const beforeRead = performance.now();
  const records = await adapter.list('posts');
  const read = performance.now() - beforeRead;
  // The board's first read gets the records just read, so the two measures don't overlap.
  const list = adapter.list.bind(adapter);
  let listed!: () => void;
  const delivered = new Promise<void>((resolve) => (listed = resolve));
  adapter.list = ((collection: string) => {
    if (collection !== 'posts') return list(collection);
    const promise = Promise.resolve(records);
    void promise.then(() => listed());
    return promise;
  }) as typeof adapter.list;

  const start = performance.now();
  const { provider, board } = boardOn(adapter);
  stage().append(provider);
  await delivered;
  await settle(board);
  layout(board);
  const first = performance.now() - start;

  // Another person claims a slot of the first card: the change arrives as a live update.
  const other = new MemoryAdapter({ store, author: `other-${++run}` });
  const id = board.shadowRoot!.querySelector<HTMLElement>('li.card')!.dataset['id']!;
  const record = (await other.get<Post>('posts', id))!;
  const person = { id: `other-${run}`, name: `Other ${run}` };
  const next = claimSlot(record.value, person, { claimId: `bench-${run}`, now: NOW });
  const before = performance.now();
  await other.put('posts', id, next, { expectedRev: record.rev });
  await settle(board);
  layout(board);
  const update = performance.now() - before;
  const rendered = board.shadowRoot!.querySelectorAll('li.card').length;
  if (!board.shadowRoot!.textContent!.includes(`Other ${run}`))
    throw new Error('the live update did not show');
  return { read, first, update, rendered };
}

const el = (tag: string, className: string | null, text?: string): HTMLElement => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

/** The same card in plain DOM: meta, heading, state, details, when and where, an action. */
function rawCard(post: Post): HTMLElement {
  const li = el('li', 'card');
  const meta = el('p', 'meta');
  meta.append(
    el('span', 'kind', post.kind),
    el('span', null, post.category),
    el('span', null, `by ${post.authorName}`),
  );
  const open = post.slots - post.claims.filter((c) => c.status === 'active').length;
  const dl = el('dl', null);
  const when = el('div', null);
  when.append(
    el('dt', null, 'When'),
    el('dd', null, post.when.flexible ? 'Flexible' : new Date(post.when.start).toLocaleString()),
  );
  dl.append(when);
  if (post.place) {
    const where = el('div', null);
    where.append(el('dt', null, 'Where'), el('dd', null, post.place));
    dl.append(where);
  }
  const actions = el('div', 'actions');
  actions.append(el('button', null, post.kind === 'need' ? 'I can help' : 'I’d like this'));
  li.append(
    meta,
    el('h3', null, post.title),
    el('p', 'state', `${open} of ${post.slots} spots open`),
    el('p', null, post.details),
    dl,
    actions,
  );
  if (post.rotation) {
    const dates = el('ul', 'dates');
    for (const date of post.rotation.dates) dates.append(el('li', null, date));
    li.append(dates);
  }
  return li;
}

/** Floor: every card as plain DOM, and one card replaced. */
async function measureRaw(n: number): Promise<{ first: number; update: number; rendered: number }> {
  const { posts } = await seeded(n);
  stage().replaceChildren();
  const start = performance.now();
  const ul = el('ul', 'raw');
  for (const post of posts) ul.append(rawCard(post));
  stage().append(ul);
  layout(ul);
  const first = performance.now() - start;
  const before = performance.now();
  const changed = claimSlot(posts[0]!, { id: 'raw', name: 'Raw' }, { claimId: `raw-${++run}`, now: NOW });
  ul.firstElementChild!.replaceWith(rawCard(changed));
  layout(ul);
  const update = performance.now() - before;
  return { first, update, rendered: ul.children.length };
}

/** For profiling: `k` live updates on one board, each timed as in {@link measureBoard}. */
async function updates(n: number, k: number): Promise<number[]> {
  await measureBoard(n);
  const board = stage().querySelector('tend-offer-board')!;
  const { store } = await seeded(n);
  const times: number[] = [];
  for (let i = 0; i < k; i++) {
    const other = new MemoryAdapter({ store, author: `other-${++run}` });
    const id = board.shadowRoot!.querySelector<HTMLElement>('li.card')!.dataset['id']!;
    const record = (await other.get<Post>('posts', id))!;
    const next = { ...record.value, title: `${record.value.title.replace(/ \(\d+\)$/, '')} (${run})` };
    const before = performance.now();
    await other.put('posts', id, next, { expectedRev: record.rev });
    await settle(board);
    layout(board);
    times.push(performance.now() - before);
  }
  return times;
}

/** Where the board's first render goes, step by step, on the same data (records in hand). */
async function breakdown(n: number): Promise<Record<string, number>> {
  const { store } = await seeded(n);
  const adapter = new MemoryAdapter({ store, author: 'viewer' });
  const times: Record<string, number> = {};
  const records = await adapter.list<Post>('posts');
  let t = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    times[name] = now - t;
    t = now;
  };
  for (const r of records) if (!isPost(r.value)) throw new Error('invalid');
  step('check every post (validatePost)');
  // A new moment, so nothing is cached from earlier runs.
  const moment = new Date(NOW.getTime() + ++run * 60_000);
  const facts = listFactsFor(moment, 'viewer');
  for (const r of records) facts(r.value);
  step('list facts (state, order, involvement)');
  filterPosts(records, NO_FILTERS, facts, (c) => c);
  step('filter and sort');
  const load = loadFactsFor(moment, 'viewer');
  const helps = records.map((r) => load(r.value).help);
  step('load facts (after a long board’s paint)');
  spreadOf(helps);
  step('sum the load spread (after paint)');
  return times;
}

declare global {
  interface Window {
    bench: {
      seed(n: number): Promise<void>;
      seedIndexedDB: typeof seedIndexedDB;
      firstCards: typeof firstCards;
      board: typeof measureBoard;
      raw: typeof measureRaw;
      breakdown: typeof breakdown;
      updates: typeof updates;
      clear(): void;
    };
  }
}

window.bench = {
  seed: async (n) => void (await seeded(n)),
  seedIndexedDB,
  firstCards,
  board: measureBoard,
  raw: measureRaw,
  breakdown,
  updates,
  clear: () => stage().replaceChildren(),
};
