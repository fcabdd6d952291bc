import type { AdapterOptions } from './adapter.js';
import { LocalChangeHub } from './change-hub.js';
import { LocalAdapter } from './local-adapter.js';
import { MemoryBackend } from './memory-backend.js';

/** One in-memory store that several `MemoryAdapter`s can share, as tabs share a browser's storage. */
export class MemoryStore {
  readonly backend = new MemoryBackend();
  readonly changes = new LocalChangeHub();
}

export interface MemoryAdapterOptions extends AdapterOptions {
  /** Share records and changes with other adapters made with the same store. Default: a new store. */
  store?: MemoryStore;
}

/** Records in memory, gone when the page closes: for tests, demos and stories. */
export class MemoryAdapter extends LocalAdapter {
  constructor(options: MemoryAdapterOptions = {}) {
    const store = options.store ?? new MemoryStore();
    super(
      Promise.resolve({ backend: store.backend, hub: store.changes }),
      { location: 'memory', persistent: false, shared: false, pending: 0 },
      options,
    );
  }
}
