import type { StoredRecord } from './adapter.js';
import type { RecordBackend, RecordKey, RecordUpdate } from './record-backend.js';
import { byId } from './revisions.js';

const keyOf = ({ community, collection, id }: RecordKey) => JSON.stringify([community, collection, id]);

/**
 * Records in a `Map`. JavaScript runs one task at a time, so a synchronous read-decide-write
 * is atomic. Values are copied in and out so callers never share a mutable object with the store.
 */
export class MemoryBackend implements RecordBackend {
  readonly location = 'memory';
  readonly persistent = false;
  readonly #records = new Map<string, StoredRecord>();

  async get(key: RecordKey): Promise<StoredRecord | undefined> {
    const record = this.#records.get(keyOf(key));
    return record && structuredClone(record);
  }

  async list(community: string, collection: string): Promise<StoredRecord[]> {
    const prefix = JSON.stringify([community, collection]).slice(0, -1) + ',';
    const found: StoredRecord[] = [];
    for (const [key, record] of this.#records)
      if (key.startsWith(prefix)) found.push(structuredClone(record));
    return found.sort(byId);
  }

  async update(key: RecordKey, decide: RecordUpdate): Promise<StoredRecord | null> {
    const k = keyOf(key);
    const next = decide(this.#records.get(k));
    if (next === null) this.#records.delete(k);
    else this.#records.set(k, structuredClone(next));
    return next && structuredClone(next);
  }

  close(): void {}
}
