import type { StoredRecord } from './adapter.js';
import type { RecordBackend, RecordKey, RecordUpdate } from './record-backend.js';
import { byId } from './revisions.js';

/**
 * Records in `localStorage` as JSON, one key per record. Storage calls are synchronous, so a
 * read-decide-write in one task is atomic within the tab; the browser applies each setItem whole.
 */
export class LocalStorageBackend implements RecordBackend {
  readonly location = 'localstorage';
  readonly persistent = true;
  readonly #storage: Storage;
  readonly #prefix: string;

  constructor(storage: Storage, name: string) {
    this.#storage = storage;
    this.#prefix = `${name}:`;
  }

  /** Throws when the storage refuses a write (blocked, or full before we even start). */
  static probe(storage: Storage | undefined, name: string): LocalStorageBackend {
    if (!storage) throw new Error('localStorage is not available');
    const probe = `${name}:probe`;
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return new LocalStorageBackend(storage, name);
  }

  #key({ community, collection, id }: RecordKey): string {
    return this.#prefix + JSON.stringify([community, collection, id]);
  }

  async get(key: RecordKey): Promise<StoredRecord | undefined> {
    const text = this.#storage.getItem(this.#key(key));
    return text === null ? undefined : (JSON.parse(text) as StoredRecord);
  }

  async list(community: string, collection: string): Promise<StoredRecord[]> {
    const prefix = this.#prefix + JSON.stringify([community, collection]).slice(0, -1) + ',';
    const found: StoredRecord[] = [];
    for (let i = 0; i < this.#storage.length; i++) {
      const key = this.#storage.key(i);
      if (key?.startsWith(prefix)) found.push(JSON.parse(this.#storage.getItem(key)!) as StoredRecord);
    }
    return found.sort(byId);
  }

  async update(key: RecordKey, decide: RecordUpdate): Promise<StoredRecord | null> {
    const storageKey = this.#key(key);
    const text = this.#storage.getItem(storageKey);
    const next = decide(text === null ? undefined : (JSON.parse(text) as StoredRecord));
    if (next === null) this.#storage.removeItem(storageKey);
    else this.#storage.setItem(storageKey, JSON.stringify(next));
    return next;
  }

  close(): void {}
}
