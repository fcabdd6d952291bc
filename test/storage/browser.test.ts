import { expect } from '@open-wc/testing';
import { runAdapterConformance } from '../../src/storage/conformance.js';
import { BrowserAdapter, type BrowserBackendName } from '../../src/storage/index.js';

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
