import type { StoredRecord } from './adapter.js';
import { toStorageError } from './errors.js';
import type { RecordBackend, RecordKey, RecordUpdate } from './record-backend.js';

/** One row a record, keyed [community, collection, id]: what `get` and `update` read and write. */
const STORE = 'records';
/**
 * A long collection's records again, a few hundred a value in id order, keyed [community,
 * collection, n] (n from 0), beside [community, collection, "buckets"]: the first id each bucket
 * may hold (the first is ""), so bucket after bucket is the whole collection in id order.
 */
const LISTS = 'lists';
const BUCKETS = 'buckets';

/** When an {@link IndexedDBBackend} keeps a collection in a few values besides its rows. */
export interface ListCopyOptions {
  /** A collection this long is kept in buckets too: reading thousands of rows one by one is slow. Default 50. */
  from: number;
  /** About how many records a bucket holds: fewer values to read, more to write again with each change. Default 500. */
  bucketSize: number;
  /** How long after a `list` the buckets are made (or made again), so it never competes with a page's first paint. Default 1000 ms. */
  afterMs: number;
}

const COPY: ListCopyOptions = { from: 50, bucketSize: 500, afterMs: 1000 };

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
  open.onupgradeneeded = (event) => {
    const db = open.result;
    if (event.oldVersion < 1) db.createObjectStore(STORE, { keyPath: ['community', 'collection', 'id'] });
    // Version 2: rows stay where version 1 put them; a long collection's buckets are made after its next `list`.
    if (event.oldVersion < 2) db.createObjectStore(LISTS);
  };
  // Another tab holding an older version open: wait for it rather than fail.
  const db = await request(open);
  // A newer version opened elsewhere: let it upgrade; this page will reopen on next load.
  db.onversionchange = () => db.close();
  return db;
}

/** Every row of one collection: ids are restricted to ASCII (SAFE_NAME), so '\uffff' bounds them all. */
const rowsOf = (community: string, collection: string) =>
  IDBKeyRange.bound([community, collection, ''], [community, collection, '\uffff']);
/** Every bucket of one collection (numbers sort before the string key of their count). */
const bucketsOf = (community: string, collection: string) =>
  IDBKeyRange.bound([community, collection, 0], [community, collection, Infinity]);

/** The first index of `sorted` whose id is `id` or after it. */
function indexOf(sorted: readonly { id: string }[], id: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]!.id < id) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The bucket an id belongs in: the last whose first id is not after it. */
function bucketOf(id: string, firsts: readonly string[]): number {
  let low = 0;
  let high = firsts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (firsts[mid]! <= id) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Records in IndexedDB, one row per record keyed [community, collection, id]. A readwrite
 * transaction serialises with every other one on the store, in this tab and others, so the
 * read-decide-write of `update` is atomic.
 *
 * Reading thousands of rows costs about a tenth of a millisecond each in Chromium (10,000 posts
 * took most of a second), so a long collection is also kept in buckets, a few hundred records a
 * value in id order, and `list` reads those few values. The buckets always hold exactly what the rows hold:
 * every write of a record changes its bucket in the same transaction (a removed or rewritten
 * record leaves nothing behind in them). A while after a `list` of a long collection without
 * buckets (or with too few or too many for its length), they are made in one readwrite
 * transaction that reads what is stored itself: what callers were handed, and may have changed,
 * never goes into them.
 */
export class IndexedDBBackend implements RecordBackend {
  readonly location = 'indexeddb';
  readonly persistent = true;
  readonly #db: IDBDatabase;
  readonly #copy: ListCopyOptions;
  /** Collections whose buckets are about to be made. */
  readonly #bucketing = new Set<string>();

  constructor(db: IDBDatabase, copy: Partial<ListCopyOptions> = {}) {
    this.#db = db;
    this.#copy = { ...COPY, ...copy };
  }

  async get({ community, collection, id }: RecordKey): Promise<StoredRecord | undefined> {
    const store = this.#db.transaction(STORE, 'readonly').objectStore(STORE);
    const row = (await request(store.get([community, collection, id]))) as Row | undefined;
    return row?.record;
  }

  list(community: string, collection: string): Promise<StoredRecord[]> {
    return new Promise((resolve, reject) => {
      const tx = this.#db.transaction([STORE, LISTS], 'readonly');
      const lists = tx.objectStore(LISTS);
      let rows: Row[] | undefined;
      const firsts = lists.get([community, collection, BUCKETS]);
      const buckets = lists.getAll(bucketsOf(community, collection));
      firsts.onsuccess = () => {
        if (firsts.result !== undefined) return;
        // No buckets (yet): the rows, in key (so id) order.
        const read = tx.objectStore(STORE).getAll(rowsOf(community, collection));
        read.onsuccess = () => (rows = read.result as Row[]);
      };
      tx.oncomplete = () => {
        let records: StoredRecord[];
        if (rows) {
          records = rows.map((row) => row.record);
          if (records.length >= this.#copy.from) this.#bucketLater(community, collection);
        } else {
          const held = buckets.result as StoredRecord[][];
          records = held.flat();
          const size = this.#copy.bucketSize;
          if (
            held.some((b) => b.length > 2 * size) ||
            (held.length > 1 && records.length < (held.length * size) / 4)
          )
            this.#bucketLater(community, collection);
        }
        resolve(records);
      };
      tx.onabort = () => reject(toStorageError(tx.error, 'Reading failed'));
    });
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
      const at = [key.community, key.collection, key.id];
      let outcome: StoredRecord | null = null;
      let refusal: unknown;
      const read = store.get(at);
      const firsts = lists.get([key.community, key.collection, BUCKETS]);
      read.onsuccess = () => {
        try {
          outcome = decide((read.result as Row | undefined)?.record);
        } catch (error) {
          refusal = error;
          tx.abort();
          return;
        }
        if (outcome === null) store.delete(at);
        else store.put({ ...key, record: outcome } satisfies Row);
      };
      // Requests complete in the order they were made: the decision above is taken by now.
      firsts.onsuccess = () => {
        if (refusal !== undefined || firsts.result === undefined) return;
        const where = [key.community, key.collection, bucketOf(key.id, firsts.result as string[])];
        const bucket = lists.get(where);
        bucket.onsuccess = () => {
          const records = (bucket.result ?? []) as StoredRecord[];
          const at = indexOf(records, key.id);
          const held = records[at]?.id === key.id ? 1 : 0;
          if (outcome) records.splice(at, held, outcome);
          else records.splice(at, held);
          lists.put(records, where);
        };
      };
      tx.oncomplete = () => resolve(outcome);
      tx.onabort = () => reject(refusal ?? toStorageError(tx.error, 'Saving failed'));
    });
  }

  close(): void {
    this.#db.close();
  }

  #bucketLater(community: string, collection: string): void {
    const which = JSON.stringify([community, collection]);
    if (this.#bucketing.has(which)) return;
    this.#bucketing.add(which);
    const done = () => this.#bucketing.delete(which);
    // Closed, or the disk is full: the rows are still right, and a later `list` tries again.
    setTimeout(() => this.#makeBuckets(community, collection).then(done, done), this.#copy.afterMs);
  }

  /** Makes a collection's buckets from what is stored now (its buckets, else its rows; both in id order), in one transaction. */
  #makeBuckets(community: string, collection: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const tx = this.#db.transaction([STORE, LISTS], 'readwrite');
      const lists = tx.objectStore(LISTS);
      const write = (records: StoredRecord[]) => {
        const size = this.#copy.bucketSize;
        const firsts = [''];
        lists.delete(bucketsOf(community, collection));
        lists.put(records.slice(0, size), [community, collection, 0]);
        for (let from = size; from < records.length; from += size) {
          lists.put(records.slice(from, from + size), [community, collection, firsts.length]);
          firsts.push(records[from]!.id);
        }
        lists.put(firsts, [community, collection, BUCKETS]);
      };
      const firsts = lists.get([community, collection, BUCKETS]);
      firsts.onsuccess = () => {
        const read =
          firsts.result === undefined
            ? tx.objectStore(STORE).getAll(rowsOf(community, collection))
            : lists.getAll(bucketsOf(community, collection));
        read.onsuccess = () =>
          write(
            firsts.result === undefined
              ? (read.result as Row[]).map((row) => row.record)
              : (read.result as StoredRecord[][]).flat(),
          );
      };
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error);
    });
  }
}
