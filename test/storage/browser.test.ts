import { expect } from '@open-wc/testing';
import { BroadcastChangeHub } from '../../src/storage/change-hub.js';
import { runAdapterConformance } from '../../src/storage/conformance.js';
import { IndexedDBBackend, openIndexedDB } from '../../src/storage/indexeddb-backend.js';
import { BrowserAdapter, type BrowserBackendName, type StoredRecord } from '../../src/storage/index.js';
import { LocalAdapter } from '../../src/storage/local-adapter.js';

let counter = 0;
const uniqueName = () => `tend-test-${Date.now()}-${counter++}`;

async function deleteDatabase(name: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
}

function clearLocalStorage(name: string): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(`${name}:`)) localStorage.removeItem(key);
}

function conformanceOn(backend: BrowserBackendName, label: string) {
  runAdapterConformance(label, {
    largeValueChars: backend === 'localstorage' ? 200_000 : 1_000_000,
    newStore: async () => {
      const name = uniqueName();
      return {
        open: async ({ community, author }) => {
          const adapter = new BrowserAdapter({ name, community, author, backends: [backend] });
          const status = await adapter.ready();
          expect(status.location).to.equal(backend);
          return adapter;
        },
        dispose: async () => {
          await deleteDatabase(name);
          clearLocalStorage(name);
        },
      };
    },
  });
}

conformanceOn('indexeddb', 'BrowserAdapter on IndexedDB');
conformanceOn('localstorage', 'BrowserAdapter on localStorage');

/** IndexedDB as BrowserAdapter opens it, keeping every listed collection in buckets of two at once. */
function bucketingAdapter(name: string, options: { community?: string; author?: string } = {}) {
  const store = openIndexedDB(name, indexedDB).then((db) => ({
    backend: new IndexedDBBackend(db, 2),
    hub: new BroadcastChangeHub(`tend:${name}:indexeddb`),
  }));
  return new LocalAdapter(
    store,
    { location: 'opening', persistent: true, shared: false, pending: 0 },
    options,
  );
}

// Every list below puts its collection in buckets (or makes them again): the contract holds on
// the buckets just as on the rows.
runAdapterConformance('IndexedDB with buckets', {
  newStore: () => {
    const name = uniqueName();
    return {
      open: ({ community, author }) => bucketingAdapter(name, { community, author }),
      dispose: () => deleteDatabase(name),
    };
  },
});

/** What IndexedDB holds besides the rows: how many buckets each bucketed collection has, and all their text. */
async function bucketed(name: string): Promise<{ counts: Record<string, number>; text: string }> {
  const db = await openIndexedDB(name, indexedDB);
  const tx = db.transaction('lists');
  const keys = tx.objectStore('lists').getAllKeys();
  const values = tx.objectStore('lists').getAll();
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
  const counts: Record<string, number> = {};
  for (const [community, collection] of keys.result as string[][])
    counts[`${community}/${collection}`] = (counts[`${community}/${collection}`] ?? 0) + 1;
  return { counts, text: JSON.stringify(values.result) };
}

async function until(check: () => Promise<boolean>): Promise<void> {
  for (let waited = 0; !(await check()); waited += 50) {
    if (waited > 10_000) throw new Error('waited too long');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const values = (records: StoredRecord[]) => records.map((r) => [r.id, r.rev, r.value]);

describe('BrowserAdapter', () => {
  it('uses IndexedDB by default and keeps records for the next page load', async () => {
    const name = uniqueName();
    const first = new BrowserAdapter({ name });
    expect((await first.ready()).location).to.equal('indexeddb');
    await first.put('notes', 'kept', { text: 'still here' });
    first.close();
    const reopened = new BrowserAdapter({ name });
    expect((await reopened.get('notes', 'kept'))?.value).to.deep.equal({ text: 'still here' });
    expect(reopened.status).to.include({ persistent: true, shared: false });
    reopened.close();
    await deleteDatabase(name);
  });

  it('lists a long collection from a few buckets, in the next page too, and they keep no old version', async () => {
    const name = uniqueName();
    const first = new BrowserAdapter({ name });
    const ids = Array.from({ length: 60 }, (_, i) => `n${String(i).padStart(2, '0')}`);
    await Promise.all(ids.map((id) => first.put('notes', id, { text: `text of ${id}` })));
    await first.put('other', 'o', { text: 'another collection' });
    expect((await first.list('notes')).map((r) => r.id)).to.deep.equal(ids);
    // A while after a list of 60 records, they are put in buckets; the short collection is not.
    await until(async () => 'default/notes' in (await bucketed(name)).counts);
    expect((await bucketed(name)).counts).to.deep.equal({ 'default/notes': 1 });

    // Another tab changes, removes and adds records: each write changes its bucket too.
    const other = new BrowserAdapter({ name, author: 'ben' });
    await other.put('notes', 'n05', { text: 'changed' }, { expectedRev: 1 });
    await other.remove('notes', 'n10');
    await other.put('notes', 'n99', { text: 'new' });
    await other.put('notes', 'a0', { text: 'first now' });
    const { text } = await bucketed(name);
    expect(text).to.include('first now');
    expect(text).not.to.include('text of n05');
    expect(text).not.to.include('text of n10');

    const expected = [
      ['a0', 1, { text: 'first now' }],
      ...ids
        .filter((id) => id !== 'n10')
        .map((id) => (id === 'n05' ? [id, 2, { text: 'changed' }] : [id, 1, { text: `text of ${id}` }])),
      ['n99', 1, { text: 'new' }],
    ];
    const nextPage = new BrowserAdapter({ name });
    expect(values(await nextPage.list('notes'))).to.deep.equal(expected);
    expect(values(await first.list('notes'))).to.deep.equal(expected);
    expect((await nextPage.get('notes', 'n05'))?.value).to.deep.equal({ text: 'changed' });
    expect(await nextPage.get('notes', 'n10')).to.equal(undefined);
    expect((await nextPage.list('other')).map((r) => r.value)).to.deep.equal([
      { text: 'another collection' },
    ]);
    for (const adapter of [first, other, nextPage]) adapter.close();
    await deleteDatabase(name);
  });

  it('makes buckets from what is stored, never from what callers hold, and more as a collection grows', async () => {
    const name = uniqueName();
    const adapter = bucketingAdapter(name);
    await adapter.put('notes', 'kept', { text: 'as written', list: [1, 2] });
    await adapter.put('notes', 'other', { text: 'other' });
    // A caller changes the records it was handed before the buckets are made: they are not changed.
    const listed = await adapter.list<{ text: string; list: number[] }>('notes');
    listed[0]!.value.text = 'changed by a caller';
    listed[0]!.value.list.push(3);
    listed.pop();
    await until(async () => (await bucketed(name)).counts['default/notes'] === 1);
    const fresh = new BrowserAdapter({ name });
    expect(values(await fresh.list('notes'))).to.deep.equal([
      ['kept', 1, { text: 'as written', list: [1, 2] }],
      ['other', 1, { text: 'other' }],
    ]);
    // Eight records in buckets meant for two each: the next list has them made again, four.
    const more = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (const id of more) await adapter.put('notes', id, { text: id });
    expect((await adapter.list('notes')).map((r) => r.id)).to.deep.equal([...more, 'kept', 'other']);
    await until(async () => (await bucketed(name)).counts['default/notes'] === 4);
    expect((await fresh.list('notes')).map((r) => r.id)).to.deep.equal([...more, 'kept', 'other']);
    // Writes land in the bucket of their id, in order: before the first, between two, after the last.
    await adapter.put('notes', '0', { text: 'before a' });
    await adapter.put('notes', 'bb', { text: 'between b and c' });
    await adapter.remove('notes', 'e');
    await adapter.put('notes', 'zz', { text: 'last' });
    await adapter.put('notes', 'kept', { text: 'kept, changed' }, { expectedRev: 1 });
    expect(values(await fresh.list('notes'))).to.deep.equal([
      ['0', 1, { text: 'before a' }],
      ...['a', 'b'].map((id) => [id, 1, { text: id }]),
      ['bb', 1, { text: 'between b and c' }],
      ...['c', 'd', 'f'].map((id) => [id, 1, { text: id }]),
      ['kept', 2, { text: 'kept, changed' }],
      ['other', 1, { text: 'other' }],
      ['zz', 1, { text: 'last' }],
    ]);
    adapter.close();
    fresh.close();
    await deleteDatabase(name);
  });

  it('reads and writes the records a version 1 database holds', async () => {
    const name = uniqueName();
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () =>
      open.result.createObjectStore('records', { keyPath: ['community', 'collection', 'id'] });
    const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)));
    const tx = db.transaction('records', 'readwrite');
    for (const id of ['a', 'b'])
      tx.objectStore('records').put({
        community: 'default',
        collection: 'notes',
        id,
        record: { id, rev: 1, value: { text: id }, author: 'ana', updatedAt: '2026-03-02T10:00:00.000Z' },
      });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
    const adapter = new BrowserAdapter({ name });
    expect((await adapter.ready()).location).to.equal('indexeddb');
    expect(values(await adapter.list('notes'))).to.deep.equal([
      ['a', 1, { text: 'a' }],
      ['b', 1, { text: 'b' }],
    ]);
    await adapter.put('notes', 'b', { text: 'b again' }, { expectedRev: 1 });
    expect((await adapter.get('notes', 'b'))?.rev).to.equal(2);
    adapter.close();
    await deleteDatabase(name);
  });

  it('falls back to memory when nothing else is allowed, and says it will not persist', async () => {
    const adapter = new BrowserAdapter({ name: uniqueName(), backends: ['memory'] });
    const status = await adapter.ready();
    expect(status).to.include({ location: 'memory', persistent: false });
    await adapter.put('notes', 'n', { v: 1 });
    expect((await adapter.get('notes', 'n'))?.rev).to.equal(1);
    adapter.close();
  });

  it('surfaces a full localStorage as a QuotaError, keeps the old value and reports the problem', async () => {
    const name = uniqueName();
    const adapter = new BrowserAdapter({ name, backends: ['localstorage'] });
    await adapter.ready();
    const statuses: string[] = [];
    adapter.subscribeStatus((s) => statuses.push(s.problem?.code ?? 'ok'));
    const small = await adapter.put('notes', 'n', { text: 'small' });
    let error: unknown;
    try {
      // Chromium gives an origin about 5 MB of localStorage (UTF-16): 6 million characters cannot fit.
      await adapter.put('notes', 'n', { text: 'x'.repeat(6_000_000) }, { expectedRev: small.rev });
    } catch (e) {
      error = e;
    }
    expect(error).to.have.property('code', 'quota');
    expect(error).to.have.property('name', 'QuotaError');
    expect(adapter.status.problem?.code).to.equal('quota');
    expect((await adapter.get('notes', 'n'))?.value).to.deep.equal({ text: 'small' });
    await adapter.put('notes', 'n', { text: 'fits again' }, { expectedRev: small.rev });
    expect(adapter.status.problem).to.equal(undefined);
    expect(statuses).to.deep.equal(['quota', 'ok']);
    adapter.close();
    clearLocalStorage(name);
  });
});
