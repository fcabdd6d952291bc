import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/provider/index.js';
import { TestNotes } from '../fixtures/test-notes.js';
import { MemoryAdapter, MemoryStore } from '../../src/storage/index.js';
import type { TendProvider } from '../../src/provider/index.js';
import { anonymousId } from '../../src/provider/identity.js';
import type { StorageAdapter } from '../../src/storage/adapter.js';
import { defineElements } from '../../src/elements/define.js';

/** Notes that remember every adapter they were handed. */
class WatchedNotes extends TestNotes {
  readonly handed = new Set<StorageAdapter>();
  override get storage(): StorageAdapter {
    const storage = super.storage;
    this.handed.add(storage);
    return storage;
  }
}
defineElements({ 'watched-notes': WatchedNotes });

describe('<tend-provider>', () => {
  it('hands a custom adapter, identity and community to the elements inside', async () => {
    const adapter = new MemoryAdapter({ community: 'street', author: 'ana' });
    await adapter.put('notes', 'a', { text: 'Soup on Tuesday' });
    const provider = await fixture<TendProvider>(html`
      <tend-provider .adapter=${adapter} community="street" user-id="ana" user-name="Ana">
        <test-notes></test-notes>
      </tend-provider>
    `);
    const notes = provider.querySelector<TestNotes>('test-notes')!;
    await waitUntil(() => !notes.notes.loading);
    await notes.updateComplete;
    expect(notes.storage).to.equal(adapter);
    expect(notes.identity).to.include({ id: 'ana', name: 'Ana', anonymous: false });
    expect(notes.shadowRoot!.querySelector('li')!.textContent).to.equal('Soup on Tuesday');
    expect(provider).to.be.accessible();
  });

  it('hands its adapter to the elements inside from their first moment: they open no storage of their own', async () => {
    const provider = await fixture<TendProvider>(html`
      <tend-provider storage="memory" community="co-op" user-id="ben"
        ><watched-notes></watched-notes
      ></tend-provider>
    `);
    const notes = provider.querySelector<WatchedNotes>('watched-notes')!;
    await waitUntil(() => !notes.notes.loading);
    expect([...notes.handed]).to.have.length(1);
    expect(notes.storage).to.be.instanceOf(MemoryAdapter);
    expect(notes.storage.community).to.equal('co-op');
  });

  it('makes memory storage for storage="memory", scoped to its community and user', async () => {
    const provider = await fixture<TendProvider>(html`
      <tend-provider storage="memory" community="co-op" user-id="ben"
        ><test-notes></test-notes
      ></tend-provider>
    `);
    const notes = provider.querySelector<TestNotes>('test-notes')!;
    await notes.updateComplete;
    expect(notes.storage).to.be.instanceOf(MemoryAdapter);
    expect(notes.storage.community).to.equal('co-op');
    expect(notes.storage.author).to.equal('ben');
  });

  it('gives a stable anonymous id when the site names nobody', async () => {
    const provider = await fixture<TendProvider>(
      html`<tend-provider storage="memory"><test-notes></test-notes></tend-provider>`,
    );
    const notes = provider.querySelector<TestNotes>('test-notes')!;
    await notes.updateComplete;
    expect(notes.identity.anonymous).to.equal(true);
    expect(notes.identity.id).to.equal(anonymousId());
    expect(anonymousId()).to.equal(anonymousId());
  });

  it('replaces the adapter when the storage or community changes, and elements reload', async () => {
    const store = new MemoryStore();
    const first = new MemoryAdapter({ store, community: 'one' });
    const second = new MemoryAdapter({ store, community: 'two' });
    await second.put('notes', 'x', { text: 'from two' });
    const provider = await fixture<TendProvider>(
      html`<tend-provider .adapter=${first}><test-notes></test-notes></tend-provider>`,
    );
    const notes = provider.querySelector<TestNotes>('test-notes')!;
    await waitUntil(() => !notes.notes.loading);
    expect(notes.notes.records).to.have.length(0);
    provider.adapter = second;
    await waitUntil(() => notes.notes.records.length === 1, 'records of the new adapter');
    expect(notes.storage).to.equal(second);
  });

  it('falls back to browser storage with a clear console error for an unknown storage kind', async () => {
    const errors: string[] = [];
    const original = console.error;
    console.error = (message: string) => errors.push(message);
    try {
      const provider = await fixture<TendProvider>(
        html`<tend-provider storage="carrier-pigeon"><test-notes></test-notes></tend-provider>`,
      );
      const notes = provider.querySelector<TestNotes>('test-notes')!;
      await notes.updateComplete;
      expect(notes.storage.constructor.name).to.equal('BrowserAdapter');
    } finally {
      console.error = original;
    }
    expect(errors.join()).to.contain('storage="carrier-pigeon"> is not available');
  });

  it('lets elements work alone on browser storage without a provider', async () => {
    const notes = await fixture<TestNotes>(html`<test-notes></test-notes>`);
    expect(notes.storage.constructor.name).to.equal('BrowserAdapter');
    expect(notes.identity.anonymous).to.equal(true);
  });
});
