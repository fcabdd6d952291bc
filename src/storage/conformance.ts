/**
 * The storage conformance suite: one set of behaviours every `StorageAdapter` must show.
 * It runs in any test runner that provides global `describe` and `it` (Mocha, Vitest with
 * globals, Jest, @web/test-runner) and needs no assertion library.
 *
 * ```ts
 * import { runAdapterConformance } from 'tend-widgets/storage/conformance';
 * runAdapterConformance('MyAdapter', {
 *   newStore: () => {
 *     const shared = new MyBackingStore();
 *     return { open: ({ community, author }) => new MyAdapter({ shared, community, author }) };
 *   },
 * });
 * ```
 * @packageDocumentation
 */
import type { RecordChange, StorageAdapter, StoredRecord } from './adapter.js';
import { isStorageError } from './errors.js';

/** One empty store, and a way to open adapters on it (as several tabs or people would). */
export interface ConformanceStore {
  open(options: { community: string; author: string }): StorageAdapter | Promise<StorageAdapter>;
  /** Removes what the test wrote. */
  dispose?(): void | Promise<void>;
}

export interface ConformanceOptions {
  /** A fresh, empty store for each test. */
  newStore(): ConformanceStore | Promise<ConformanceStore>;
  /** Size of the large value written, in characters. Default 1,000,000. */
  largeValueChars?: number;
  /** How long to wait for a change made by another adapter to arrive. Default 3000 ms. */
  changeTimeoutMs?: number;
}

type SuiteFn = (name: string, body: () => void) => void;
type TestFn = (name: string, body: () => Promise<void>) => void;

function fail(message: string): never {
  throw new Error(message);
}

function equal(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) fail(`${what}: expected ${e}, got ${a}`);
}

async function rejectsWith(promise: Promise<unknown>, code: string, what: string): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    if (!isStorageError(error)) fail(`${what}: expected a StorageError "${code}", got ${String(error)}`);
    if (error.code !== code) fail(`${what}: expected error code "${code}", got "${error.code}"`);
    return error;
  }
  return fail(`${what}: expected a "${code}" error, but it succeeded`);
}

function nextChange<T>(
  adapter: StorageAdapter,
  collection: string,
  matches: (change: RecordChange<T>) => boolean,
  timeoutMs: number,
): Promise<RecordChange<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no matching change on "${collection}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const stop = adapter.subscribe<T>(collection, (change) => {
      if (!matches(change)) return;
      clearTimeout(timer);
      stop();
      resolve(change);
    });
  });
}

/** Registers the conformance tests for one adapter with the runner's `describe`/`it`. */
export function runAdapterConformance(name: string, options: ConformanceOptions): void {
  const g = globalThis as unknown as { describe?: SuiteFn; it?: TestFn };
  const describe = g.describe ?? fail('runAdapterConformance needs a global describe()');
  const it = g.it ?? fail('runAdapterConformance needs a global it()');
  const timeout = options.changeTimeoutMs ?? 3000;
  const largeChars = options.largeValueChars ?? 1_000_000;

  /** Runs a test body with a fresh store and closes everything it opened. */
  const withStore =
    (body: (open: (community?: string, author?: string) => Promise<StorageAdapter>) => Promise<void>) =>
    async () => {
      const store = await options.newStore();
      const opened: StorageAdapter[] = [];
      const open = async (community = 'c1', author = 'ana') => {
        const adapter = await store.open({ community, author });
        opened.push(adapter);
        return adapter;
      };
      try {
        await body(open);
      } finally {
        for (const adapter of opened) adapter.close();
        await store.dispose?.();
      }
    };

  describe(`${name} (storage conformance)`, () => {
    it(
      'creates, reads and lists records',
      withStore(async (open) => {
        const a = await open();
        equal(await a.get('notes', 'n1'), undefined, 'get of a missing record');
        equal(await a.list('notes'), [], 'list of an empty collection');
        const created = await a.put('notes', 'n2', { text: 'second' });
        await a.put('notes', 'n1', { text: 'first' });
        equal(created.rev, 1, 'revision of a new record');
        equal(created.id, 'n2', 'id of a new record');
        equal(created.author, 'ana', 'author of a new record');
        if (Number.isNaN(Date.parse(created.updatedAt)))
          fail(`updatedAt "${created.updatedAt}" is not a date`);
        equal((await a.get('notes', 'n2'))?.value, { text: 'second' }, 'value read back');
        equal(
          (await a.list('notes')).map((r) => r.id),
          ['n1', 'n2'],
          'list is ordered by id',
        );
      }),
    );

    it(
      'increases the revision with every write',
      withStore(async (open) => {
        const a = await open();
        let record = await a.put('notes', 'n', { v: 0 });
        for (let v = 1; v <= 3; v++) {
          const next = await a.put('notes', 'n', { v }, { expectedRev: record.rev });
          equal(next.rev, record.rev + 1, `revision after write ${v}`);
          record = next;
        }
        equal((await a.get('notes', 'n'))?.rev, 4, 'stored revision');
      }),
    );

    it(
      'refuses a stale revision, and a create over an existing record, with a ConflictError',
      withStore(async (open) => {
        const a = await open();
        const first = await a.put('notes', 'n', { v: 1 });
        await a.put('notes', 'n', { v: 2 }, { expectedRev: first.rev });
        const conflict = (await rejectsWith(
          a.put('notes', 'n', { v: 'stale' }, { expectedRev: first.rev }),
          'conflict',
          'put with a stale revision',
        )) as { currentRev?: number };
        equal(conflict.currentRev, 2, 'the conflict names the current revision');
        await rejectsWith(a.put('notes', 'n', { v: 'again' }), 'conflict', 'create over an existing record');
        await rejectsWith(
          a.put('notes', 'gone', { v: 1 }, { expectedRev: 1 }),
          'conflict',
          'update of a missing record',
        );
        equal((await a.get('notes', 'n'))?.value, { v: 2 }, 'the refused writes changed nothing');
      }),
    );

    it(
      'lets exactly one of several concurrent writers win each revision',
      withStore(async (open) => {
        const writers = await Promise.all([
          open('c1', 'ana'),
          open('c1', 'ben'),
          open('c1', 'cai'),
          open('c1', 'dee'),
        ]);
        const base = await writers[0]!.put('slots', 'last', { claimedBy: null });
        const results = await Promise.allSettled(
          writers.map((w) => w.put('slots', 'last', { claimedBy: w.author }, { expectedRev: base.rev })),
        );
        const won = results.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<StoredRecord>[];
        const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
        equal(won.length, 1, 'writers that won');
        for (const loss of lost)
          if (!isStorageError(loss.reason) || loss.reason.code !== 'conflict')
            fail(`a losing writer got ${String(loss.reason)} instead of a conflict`);
        const stored = await writers[0]!.get<{ claimedBy: string }>('slots', 'last');
        equal(stored?.rev, 2, 'revision after the race');
        equal(stored?.value, won[0]!.value.value, 'the stored value is the winner’s');
        // Creates race the same way.
        const creates = await Promise.allSettled(writers.map((w) => w.put('slots', 'new', { by: w.author })));
        equal(creates.filter((r) => r.status === 'fulfilled').length, 1, 'concurrent creates that won');
      }),
    );

    it(
      'removes records, refusing stale or missing ones',
      withStore(async (open) => {
        const a = await open();
        const record = await a.put('notes', 'n', { v: 1 });
        const updated = await a.put('notes', 'n', { v: 2 }, { expectedRev: record.rev });
        await rejectsWith(
          a.remove('notes', 'n', { expectedRev: record.rev }),
          'conflict',
          'remove with a stale revision',
        );
        await a.remove('notes', 'n', { expectedRev: updated.rev });
        equal(await a.get('notes', 'n'), undefined, 'get after remove');
        equal(await a.list('notes'), [], 'list after remove');
        await rejectsWith(a.remove('notes', 'n'), 'not-found', 'remove of a missing record');
        const again = await a.put('notes', 'n', { v: 'new life' });
        equal(again.rev, 1, 'a removed id can be created again');
        await a.remove('notes', 'n');
        equal(await a.get('notes', 'n'), undefined, 'remove without a revision');
      }),
    );

    it(
      'tells subscribers of changes made through another adapter on the same store',
      withStore(async (open) => {
        const tabA = await open('c1', 'ana');
        const tabB = await open('c1', 'ben');
        const seenPut = nextChange<{ text: string }>(
          tabA,
          'notes',
          (c) => c.type === 'put' && c.id === 'n',
          timeout,
        );
        await tabB.put('notes', 'n', { text: 'from the other tab' });
        const put = await seenPut;
        equal(put.collection, 'notes', 'collection of the change');
        equal(put.record?.value, { text: 'from the other tab' }, 'value carried by the change');
        equal(put.record?.author, 'ben', 'author carried by the change');
        const seenRemove = nextChange(tabA, 'notes', (c) => c.type === 'remove' && c.id === 'n', timeout);
        await tabB.remove('notes', 'n');
        equal((await seenRemove).record, undefined, 'a remove carries no record');
        // Unsubscribing stops delivery; the adapter's own writes are delivered too.
        const own = nextChange(tabB, 'notes', (c) => c.id === 'own', timeout);
        let calls = 0;
        const stop = tabA.subscribe('notes', () => calls++);
        stop();
        await tabB.put('notes', 'own', { v: 1 });
        await own;
        await new Promise((r) => setTimeout(r, 50));
        equal(calls, 0, 'changes delivered after unsubscribe');
      }),
    );

    it(
      'keeps unicode and large values intact',
      withStore(async (open) => {
        const a = await open();
        const text = 'Grüße, 你好, مرحبا, 🌱🤝 — "quotes" <b>not markup</b> \u0000 \n\t';
        await a.put('notes', 'unicode', { text, nested: { list: [1, 2.5, -3, true, null, 'ü'] } });
        equal(
          (await a.get('notes', 'unicode'))?.value,
          { text, nested: { list: [1, 2.5, -3, true, null, 'ü'] } },
          'unicode value',
        );
        const large = '✿'.repeat(largeChars);
        await a.put('notes', 'large', { large });
        const back = await a.get<{ large: string }>('notes', 'large');
        equal(back?.value.large.length, largeChars, 'length of a large value read back');
        if (back?.value.large !== large) fail('a large value came back changed');
      }),
    );

    it(
      'keeps communities and collections apart',
      withStore(async (open) => {
        const one = await open('c1', 'ana');
        const two = await open('c2', 'ana');
        await one.put('notes', 'same', { from: 'c1 notes' });
        await one.put('offers', 'same', { from: 'c1 offers' });
        await two.put('notes', 'same', { from: 'c2 notes' });
        equal((await one.get('notes', 'same'))?.value, { from: 'c1 notes' }, 'c1 notes');
        equal((await one.get('offers', 'same'))?.value, { from: 'c1 offers' }, 'c1 offers');
        equal((await two.get('notes', 'same'))?.value, { from: 'c2 notes' }, 'c2 notes');
        equal(await two.get('offers', 'same'), undefined, 'c2 offers');
        equal((await two.list('notes')).length, 1, 'records listed in c2 notes');
        let leaked = 0;
        const stop = two.subscribe('notes', () => leaked++);
        const own = nextChange(one, 'notes', (c) => c.id === 'other', timeout);
        await one.put('notes', 'other', { v: 1 });
        await own;
        await new Promise((r) => setTimeout(r, 50));
        stop();
        equal(leaked, 0, 'changes of c1 delivered to a c2 subscriber');
      }),
    );

    it(
      'refuses unsafe names and unstorable values with a clear error',
      withStore(async (open) => {
        const a = await open();
        await rejectsWith(a.put('notes', '', { v: 1 }), 'invalid', 'an empty id');
        await rejectsWith(a.put('no/slash', 'n', { v: 1 }), 'invalid', 'a collection with a slash');
        await rejectsWith(a.put('notes', 'n', undefined), 'invalid', 'an undefined value');
        equal(await a.list('notes'), [], 'nothing stored');
      }),
    );

    it(
      'reports its status',
      withStore(async (open) => {
        const a = await open();
        const { status } = a;
        if (typeof status.location !== 'string' || !status.location) fail('status.location is missing');
        equal(typeof status.persistent, 'boolean', 'type of status.persistent');
        equal(typeof status.shared, 'boolean', 'type of status.shared');
        equal(typeof status.pending, 'number', 'type of status.pending');
        equal(a.community, 'c1', 'community');
      }),
    );
  });
}
