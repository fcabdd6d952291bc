import type { StoredRecord } from './adapter.js';
import { toStorageError } from './errors.js';
import type { RecordBackend, RecordKey, RecordUpdate } from './record-backend.js';

const STORE = 'records';

interface Row extends RecordKey {
  record: StoredRecord;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Opens (and on first use creates) the database; rejects when IndexedDB is missing or blocked. */
export async function openIndexedDB(name: string, factory: IDBFactory | undefined): Promise<IDBDatabase> {
  if (!factory) throw new Error('IndexedDB is not available');
  const open = factory.open(name, 1);
  open.onupgradeneeded = () => {
    open.result.createObjectStore(STORE, { keyPath: ['community', 'collection', 'id'] });
  };
  // Another tab holding an older version open: wait for it rather than fail.
  const db = await request(open);
  // A newer version opened elsewhere: let it upgrade; this page will reopen on next load.
  db.onversionchange = () => db.close();
  return db;
}

/**
 * Records in IndexedDB, one row per record keyed [community, collection, id]. A readwrite
 * transaction serialises with every other one on the store, in this tab and others, so the
 * read-decide-write of `update` is atomic.
 */
export class IndexedDBBackend implements RecordBackend {
  readonly location = 'indexeddb';
  readonly persistent = true;
  readonly #db: IDBDatabase;

  constructor(db: IDBDatabase) {
    this.#db = db;
  }

  async get({ community, collection, id }: RecordKey): Promise<StoredRecord | undefined> {
    const store = this.#db.transaction(STORE, 'readonly').objectStore(STORE);
    const row = (await request(store.get([community, collection, id]))) as Row | undefined;
    return row?.record;
  }

  async list(community: string, collection: string): Promise<StoredRecord[]> {
    const store = this.#db.transaction(STORE, 'readonly').objectStore(STORE);
    // Ids are restricted to ASCII (SAFE_NAME), so '\uffff' bounds them all; keys come back sorted.
    const range = IDBKeyRange.bound([community, collection, ''], [community, collection, '\uffff']);
    const rows = (await request(store.getAll(range))) as Row[];
    return rows.map((row) => row.record);
  }

  update(key: RecordKey, decide: RecordUpdate): Promise<StoredRecord | null> {
    return new Promise((resolve, reject) => {
      let tx: IDBTransaction;
      try {
        tx = this.#db.transaction(STORE, 'readwrite');
      } catch (error) {
        reject(toStorageError(error, 'Saving failed'));
        return;
      }
      const store = tx.objectStore(STORE);
      let outcome: StoredRecord | null = null;
      let refusal: unknown;
      const read = store.get([key.community, key.collection, key.id]);
      read.onsuccess = () => {
        try {
          outcome = decide((read.result as Row | undefined)?.record);
        } catch (error) {
          refusal = error;
          tx.abort();
          return;
        }
        if (outcome === null) store.delete([key.community, key.collection, key.id]);
        else store.put({ ...key, record: outcome } satisfies Row);
      };
      tx.oncomplete = () => resolve(outcome);
      tx.onabort = () => reject(refusal ?? toStorageError(tx.error, 'Saving failed'));
    });
  }

  close(): void {
    this.#db.close();
  }
}
