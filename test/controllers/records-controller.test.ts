import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/provider/index.js';
import '../fixtures/test-notes.js';
import type { TestNotes } from '../fixtures/test-notes.js';
import { ConflictError, MemoryAdapter, MemoryStore, type StoredRecord } from '../../src/storage/index.js';

async function notesOn(adapter: MemoryAdapter): Promise<TestNotes> {
  const provider = await fixture(
    html`<tend-provider .adapter=${adapter}><test-notes></test-notes></tend-provider>`,
  );
  const el = provider.querySelector<TestNotes>('test-notes')!;
  await waitUntil(() => !el.notes.loading);
  return el;
}

const items = (el: TestNotes) => [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent);

describe('RecordsController', () => {
  it('lists the collection and renders it', async () => {
    const adapter = new MemoryAdapter();
    await adapter.put('notes', 'b', { text: 'second' });
    await adapter.put('notes', 'a', { text: 'first' });
    const el = await notesOn(adapter);
    await el.updateComplete;
    expect(items(el)).to.deep.equal(['first', 'second']);
  });

  it('shows changes made through another adapter on the same store, live', async () => {
    const store = new MemoryStore();
    const el = await notesOn(new MemoryAdapter({ store }));
    const otherTab = new MemoryAdapter({ store, author: 'ben' });
    const created = await otherTab.put('notes', 'x', { text: 'from the other tab' });
    await el.updateComplete;
    expect(items(el)).to.deep.equal(['from the other tab']);
    await otherTab.remove('notes', 'x', { expectedRev: created.rev });
    await el.updateComplete;
    expect(items(el)).to.deep.equal([]);
  });

  it('leaves out values the element does not accept', async () => {
    const adapter = new MemoryAdapter();
    await adapter.put('notes', 'ok', { text: 'fine' });
    await adapter.put('notes', 'odd', { nope: 1 });
    const el = await notesOn(adapter);
    await el.updateComplete;
    expect(items(el)).to.deep.equal(['fine']);
  });

  it('writes, counts pending writes, and updates with retry when someone else wrote first', async () => {
    const store = new MemoryStore();
    const el = await notesOn(new MemoryAdapter({ store }));
    const writing = el.notes.put('n', { text: 'one' });
    expect(el.notes.pending).to.equal(1);
    await writing;
    expect(el.notes.pending).to.equal(0);
    // Another person writes between our read and our write: update() re-reads and tries again.
    const other = new MemoryAdapter({ store, author: 'ben' });
    let calls = 0;
    const record = await el.notes.update('n', (current, rec) => {
      calls++;
      if (calls === 1) void other.put('notes', 'n', { text: 'ben was here' }, { expectedRev: rec!.rev });
      return { text: `${current!.text} + mine` };
    });
    expect(calls).to.be.greaterThan(1);
    expect(record.value.text).to.equal('ben was here + mine');
    expect(record.rev).to.equal(3);
  });

  it('keeps the error of a failed write for the element to say, and rethrows it', async () => {
    const adapter = new MemoryAdapter();
    const el = await notesOn(adapter);
    await adapter.put('notes', 'n', { text: 'theirs' });
    let thrown: unknown;
    try {
      await el.notes.put('n', { text: 'mine' }, null);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(ConflictError);
    expect(el.notes.writeError?.code).to.equal('conflict');
    await el.notes.put('n', { text: 'mine' });
    expect(el.notes.writeError).to.equal(undefined);
    expect((el.notes.get('n') as StoredRecord<{ text: string }>).value.text).to.equal('mine');
  });

  it('reports a failed read', async () => {
    const adapter = new MemoryAdapter();
    adapter.list = () => Promise.reject(new Error('disk on fire'));
    const provider = await fixture(
      html`<tend-provider .adapter=${adapter}><test-notes></test-notes></tend-provider>`,
    );
    const el = provider.querySelector<TestNotes>('test-notes')!;
    await waitUntil(() => !el.notes.loading);
    expect(el.notes.readError?.message).to.contain('disk on fire');
  });
});

describe('RecordsController refusals', () => {
  it('passes a rule’s refusal through untouched, without calling it a storage problem', async () => {
    const adapter = new MemoryAdapter();
    const el = await notesOn(adapter);
    class SlotTaken extends Error {}
    let thrown: unknown;
    try {
      await el.notes.update('n', () => {
        throw new SlotTaken('that slot was just taken');
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).to.be.instanceOf(SlotTaken);
    expect(el.notes.writeError).to.equal(undefined);
    expect(el.notes.pending).to.equal(0);
  });
});

describe('RecordsController operations', () => {
  it('applies an operation with its local rule on a store that has no rules of its own', async () => {
    const adapter = new MemoryAdapter();
    await adapter.put('notes', 'n', { text: 'a' });
    const el = await notesOn(adapter);
    const record = await el.notes.operate('n', { type: 'append', text: 'b' }, (current) => ({
      text: `${current!.text}b`,
    }));
    expect(record.value.text).to.equal('ab');
    expect((await adapter.get<{ text: string }>('notes', 'n'))!.value.text).to.equal('ab');
  });

  it('refuses an operation only a store with rules can apply, and writes nothing', async () => {
    const adapter = new MemoryAdapter();
    const el = await notesOn(adapter);
    let thrown: unknown;
    try {
      await el.notes.operate('n', { type: 'count' });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).to.contain('count');
    expect(await adapter.get('notes', 'n')).to.equal(undefined);
  });
});
