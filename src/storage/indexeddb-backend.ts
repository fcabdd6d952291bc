import type { StoredRecord } from './adapter.js';
import { toStorageError } from './errors.js';
import type { RecordBackend, RecordKey, RecordUpdate } from './record-backend.js';
import { byId } from './revisions.js';

/** One row a record, keyed [community, collection, id]: what `get` and `update` read and write. */
const STORE = 'records';
/**
 * A long collection's records again, a few hundred a value in id order, each keyed [community,
 * collection, the first id it may hold] (the first bucket's is ""), so bucket after bucket is the
 * whole collection in id order.
 */
const LISTS = 'lists';

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
  const open = factory.open(name, 2);
  // Opening version 2 upgrades from nothing or from version 1 (whose rows stay as they are).
  open.onupgradeneeded = ({ oldVersion }) => {
    const db = open.result;
    if (!oldVersion) db.createObjectStore(STORE, { keyPath: ['community', 'collection', 'id'] });
    db.createObjectStore(LISTS);
  };
  // Another tab holding an older version open: wait for it rather than fail.
  const db = await request(open);
  // A newer version opened elsewhere: let it upgrade; this page will reopen on next load.
  db.onversionchange = () => db.close();
  return db;
}

/** Every key of one collection: ids are restricted to ASCII (SAFE_NAME), so '\uffff' bounds them all. */
const keysOf = (community: string, collection: string, last = '\uffff') =>
  IDBKeyRange.bound([community, collection, ''], [community, collection, last]);

/** Reads a collection in `tx` from its buckets when it has them, else from its rows (in id order either way). */
async function readCollection(
  tx: IDBTransaction,
  community: string,
  collection: string,
): Promise<[StoredRecord[], StoredRecord[][]?]> {
  const range = keysOf(community, collection);
  const buckets = (await request(tx.objectStore(LISTS).getAll(range))) as StoredRecord[][];
  // Awaiting a request keeps the transaction open: what follows runs as its success event ends.
  if (buckets.length) return [buckets.flat(), buckets];
  return [((await request(tx.objectStore(STORE).getAll(range))) as Row[]).map((row) => row.record)];
}

/**
 * Records in IndexedDB, one row per record keyed [community, collection, id]. A readwrite
 * transaction serialises with every other one on the store, in this tab and others, so the
 * read-decide-write of `update` is atomic.
 *
 * Reading thousands of rows costs about a tenth of a millisecond each in Chromium (10,000 posts
 * took most of a second), so a long collection is also kept in buckets, a few hundred records a
 * value in id order, and `list` reads those few values. The buckets always hold exactly what the
 * rows hold: every write of a record changes its bucket in the same transaction (a removed or
 * rewritten record leaves nothing behind in them). A while after a `list` of a long collection
 * without buckets (or with one grown to twice its size), they are made in one readwrite
 * transaction that reads what is stored itself: what callers were handed, and may have changed,
 * never goes into them.
 */
export class IndexedDBBackend implements RecordBackend {
  readonly location = 'indexeddb';
  readonly persistent = true;
  readonly #db: IDBDatabase;
  readonly #size: number;

  /**
   * `bucketSize`: how many records a bucket holds when made (fewer values to read, more to write
   * again with each change). A collection a tenth of that long or longer is kept in buckets; they
   * are made that many milliseconds times two after a `list` (a second by default).
   */
  constructor(db: IDBDatabase, bucketSize = 500) {
    this.#db = db;
    this.#size = bucketSize;
  }

  async get({ community, collection, id }: RecordKey): Promise<StoredRecord | undefined> {
    const store = this.#db.transaction(STORE).objectStore(STORE);
    const row = (await request(store.get([community, collection, id]))) as Row | undefined;
    return row?.record;
  }

  async list(community: string, collection: string): Promise<StoredRecord[]> {
    const [records, buckets] = await readCollection(
      this.#db.transaction([STORE, LISTS]),
      community,
      collection,
    );
    const size = this.#size;
    if (buckets ? buckets.some((b) => b.length > 2 * size) : records.length * 10 >= size)
      setTimeout(
        () =>
          import('./indexeddb-buckets.js')
            .then((buckets) => buckets.make(this.#db, community, collection, size))
            // Closed meanwhile, or the disk is full: the rows are still right, and a later list tries again.
            .catch(() => {}),
        2 * size,
      );
    return records;
  }

  update(key: RecordKey, decide: RecordUpdate): Promise<StoredRecord | null> {
    return new Promise((resolve, reject) => {
      let tx: IDBTransaction;
      try {
        tx = this.#db.transaction([STORE, LISTS], 'readwrite');
      } catch (error) {
        reject(toStorageError(error, 'Saving failed'));
        return;
      }
      const store = tx.objectStore(STORE);
      const lists = tx.objectStore(LISTS);
      const { community, collection, id } = key;
      let outcome: StoredRecord | null = null;
      let refusal: unknown;
      const read = store.get([community, collection, id]);
      // The bucket the id belongs in: the last whose first id is not after it.
      const bucket = lists.openCursor(keysOf(community, collection, id), 'prev');
      read.onsuccess = () => {
        try {
          outcome = decide((read.result as Row | undefined)?.record);
        } catch (error) {
          refusal = error;
          tx.abort();
          return;
        }
        if (outcome === null) store.delete([community, collection, id]);
        else store.put({ ...key, record: outcome } satisfies Row);
      };
      // Requests complete in the order they were made: the decision above is taken by now (a
      // refusal aborted the transaction, and this request with it).
      bucket.onsuccess = () => {
        const cursor = bucket.result;
        if (!cursor) return;
        const records = (cursor.value as StoredRecord[]).filter((r) => r.id !== id);
        if (outcome) records.push(outcome);
        cursor.update(records.sort(byId));
      };
      tx.oncomplete = () => resolve(outcome);
      tx.onabort = () => reject(refusal ?? toStorageError(tx.error, 'Saving failed'));
    });
  }

  close(): void {
    this.#db.close();
  }
}
