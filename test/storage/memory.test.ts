import { runAdapterConformance } from '../../src/storage/conformance.js';
import { MemoryAdapter, MemoryStore } from '../../src/storage/index.js';

runAdapterConformance('MemoryAdapter', {
  newStore: () => {
    const store = new MemoryStore();
    return { open: ({ community, author }) => new MemoryAdapter({ store, community, author }) };
  },
});
