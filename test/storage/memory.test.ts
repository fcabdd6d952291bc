import { expect } from '@open-wc/testing';
import { runAdapterConformance } from '../../src/storage/conformance.js';
import { MemoryAdapter, MemoryStore } from '../../src/storage/index.js';

runAdapterConformance('MemoryAdapter', {
  newStore: () => {
    const store = new MemoryStore();
    return { open: ({ community, author }) => new MemoryAdapter({ store, community, author }) };
  },
});

describe('MemoryAdapter', () => {
  it('hands out records nobody can change in place, and keeps its own copy of what was written', async () => {
    const store = new MemoryStore();
    const ana = new MemoryAdapter({ store, author: 'ana' });
    const value = { text: 'as written', nested: { list: [1, 2] } };
    const written = await ana.put('notes', 'n', value);
    // The writer's object stays the writer's: changing it afterwards changes nothing stored.
    value.text = 'changed after writing';
    value.nested.list.push(3);
    const ben = new MemoryAdapter({ store, author: 'ben' });
    const read = (await ben.get<typeof value>('notes', 'n'))!;
    const [listed] = await ben.list<typeof value>('notes');
    for (const record of [written, read, listed!]) {
      expect(() => (record.value.text = 'changed by a reader')).to.throw(TypeError);
      expect(() => record.value.nested.list.push(4)).to.throw(TypeError);
      expect(() => (record.rev = 9)).to.throw(TypeError);
    }
    // A list is the caller's own array.
    (await ben.list('notes')).pop();
    expect((await ana.list('notes')).length).to.equal(1);
    expect((await ana.get('notes', 'n'))?.value).to.deep.equal({
      text: 'as written',
      nested: { list: [1, 2] },
    });
    // A write makes a new record; the one handed out before stays as it was.
    await ana.put('notes', 'n', { text: 'second', nested: { list: [] } }, { expectedRev: 1 });
    expect(read.value.text).to.equal('as written');
    expect((await ben.get('notes', 'n'))?.rev).to.equal(2);
  });

  it('copies on the way out a value that freezing cannot protect', async () => {
    const adapter = new MemoryAdapter();
    await adapter.put('notes', 'n', { at: new Date(0), tags: new Map([['a', 1]]) });
    const first = (await adapter.get<{ at: Date; tags: Map<string, number> }>('notes', 'n'))!;
    first.value.at.setTime(1000);
    first.value.tags.set('b', 2);
    const [listed] = await adapter.list<{ at: Date; tags: Map<string, number> }>('notes');
    listed!.value.tags.clear();
    const again = (await adapter.get<{ at: Date; tags: Map<string, number> }>('notes', 'n'))!;
    expect(again.value.at.getTime()).to.equal(0);
    expect([...again.value.tags]).to.deep.equal([['a', 1]]);
  });
});
