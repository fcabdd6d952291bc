import type { StoredRecord } from './adapter.js';
import type { RecordBackend, RecordKey, RecordUpdate } from './record-backend.js';
import { byId } from './revisions.js';

const keyOf = ({ community, collection, id }: RecordKey) => JSON.stringify([community, collection, id]);

/** Makes one record from another. */
export type RecordCopy = (record: StoredRecord) => StoredRecord;

/**
 * Records in a `Map`. JavaScript runs one task at a time, so a synchronous read-decide-write is
 * atomic. Callers never share a mutable object with the store: by default values are copied in
 * and out (a `MemoryStore` keeps them frozen instead, and hands them out as they are).
 */
export class MemoryBackend implements RecordBackend {
  readonly location = 'memory';
  readonly persistent = false;
  readonly #records = new Map<string, StoredRecord>();
  readonly #keep: RecordCopy;
  readonly #give: RecordCopy;

  /** `keep` makes the record stored from one written; `give`, the record handed out from one stored. */
  constructor(keep: RecordCopy = (r) => structuredClone(r), give: RecordCopy = keep) {
    this.#keep = keep;
    this.#give = give;
  }

  async get(key: RecordKey): Promise<StoredRecord | undefined> {
    const record = this.#records.get(keyOf(key));
    return record && this.#give(record);
  }

  async list(community: string, collection: string): Promise<StoredRecord[]> {
    const prefix = JSON.stringify([community, collection]).slice(0, -1) + ',';
    const found: StoredRecord[] = [];
    for (const [key, record] of this.#records) if (key.startsWith(prefix)) found.push(this.#give(record));
    return found.sort(byId);
  }

  async update(key: RecordKey, decide: RecordUpdate): Promise<StoredRecord | null> {
    const k = keyOf(key);
    const next = decide(this.#records.get(k));
    if (next === null) this.#records.delete(k);
    else this.#records.set(k, this.#keep(next));
    return next && this.#give(this.#records.get(k)!);
  }

  close(): void {}
}
