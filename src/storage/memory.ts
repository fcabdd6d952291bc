import type { AdapterOptions, StoredRecord } from './adapter.js';
import { LocalChangeHub } from './change-hub.js';
import { LocalAdapter } from './local-adapter.js';
import { MemoryBackend } from './memory-backend.js';

/**
 * Freezes plain data (objects, arrays) all the way down and says true; says false at the first
 * thing freezing cannot protect (a `Date`, a `Map`, … can still be changed in place when frozen).
 */
function freezePlain(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return true;
  if (![Object.prototype, Array.prototype].includes(Object.getPrototypeOf(value))) return false;
  Object.freeze(value);
  for (const key in value) if (!freezePlain((value as Record<string, unknown>)[key])) return false;
  return true;
}

/** A record written is kept as a copy, frozen when its value is plain data. */
function keepFrozen(record: StoredRecord): StoredRecord {
  const copy = structuredClone(record);
  return freezePlain(copy.value) ? Object.freeze(copy) : copy;
}

/** A frozen record is handed out as it is; any other (one holding a `Date`, say) is copied. */
const giveFrozen = (record: StoredRecord): StoredRecord =>
  Object.isFrozen(record) ? record : structuredClone(record);

/**
 * One in-memory store that several `MemoryAdapter`s can share, as tabs share a browser's storage.
 * A record is copied once, when written, and frozen: reading 10,000 posts makes no copies, and
 * nobody can change a stored record in place (a write makes a new one).
 */
export class MemoryStore {
  readonly backend = new MemoryBackend(keepFrozen, giveFrozen);
  readonly changes = new LocalChangeHub();
}

export interface MemoryAdapterOptions extends AdapterOptions {
  /** Share records and changes with other adapters made with the same store. Default: a new store. */
  store?: MemoryStore;
}

/**
 * Records in memory, gone when the page closes: for tests, demos and stories. The records `get`
 * and `list` hand out are frozen (when their values are plain data): change a copy, then `put` it.
 */
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
