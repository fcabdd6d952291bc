import type { AdapterOptions } from './adapter.js';
import { BroadcastChangeHub } from './change-hub.js';
import { IndexedDBBackend, openIndexedDB } from './indexeddb-backend.js';
import { LocalAdapter, type LocalStore } from './local-adapter.js';
import { MemoryBackend } from './memory-backend.js';
import type { RecordBackend } from './record-backend.js';

/** Where a `BrowserAdapter` may keep records, tried in order. */
export type BrowserBackendName = 'indexeddb' | 'localstorage' | 'memory';

export interface BrowserAdapterOptions extends AdapterOptions {
  /** The database (and localStorage key prefix) name. Default `tend`. */
  name?: string;
  /**
   * The places to try, in order; the first that works is used. Default
   * `['indexeddb', 'localstorage', 'memory']`. Memory is always the last resort.
   */
  backends?: BrowserBackendName[];
}

/** Reads a global that the browser may refuse to hand out (a sandboxed frame throws SecurityError). */
function guarded<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

async function openBackend(name: string, order: BrowserBackendName[]): Promise<RecordBackend> {
  for (const candidate of order) {
    try {
      if (candidate === 'indexeddb')
        return new IndexedDBBackend(
          await openIndexedDB(
            name,
            guarded(() => globalThis.indexedDB),
          ),
        );
      // Fetched only when a page needs it: most have IndexedDB.
      if (candidate === 'localstorage')
        return (await import('./localstorage-backend.js')).LocalStorageBackend.probe(
          guarded(() => globalThis.localStorage),
          name,
        );
      if (candidate === 'memory') break;
    } catch {
      // This place is blocked or missing: try the next one.
    }
  }
  return new MemoryBackend();
}

/**
 * The default adapter: records stay in this browser. IndexedDB first, localStorage when
 * IndexedDB is unavailable, memory when both are blocked (then `status.persistent` is false,
 * so the UI can say "saving only until you close this page"). Changes reach other tabs of the
 * same site through a BroadcastChannel.
 */
export class BrowserAdapter extends LocalAdapter {
  readonly #opened: Promise<LocalStore>;

  constructor(options: BrowserAdapterOptions = {}) {
    const name = options.name ?? 'tend';
    const opened = openBackend(name, options.backends ?? ['indexeddb', 'localstorage', 'memory']).then(
      // One channel per place: a tab that fell back to memory must not hear of records it cannot read.
      (backend) => ({ backend, hub: new BroadcastChangeHub(`tend:${name}:${backend.location}`) }),
    );
    super(opened, { location: 'opening', persistent: true, shared: false, pending: 0 }, options);
    this.#opened = opened;
  }

  override close(): void {
    super.close();
    void this.#opened.then(({ backend, hub }) => {
      hub.close();
      backend.close();
    });
  }
}
