/**
 * Makes a long collection's buckets in IndexedDB (see `IndexedDBBackend`), from what is stored
 * now, in one transaction: fetched the first time a page needs it, as most pages' collections
 * are short.
 */
import type { StoredRecord } from './adapter.js';

/** Puts a collection in buckets of `size` records, in id order, from its buckets or else its rows. */
export function make(db: IDBDatabase, community: string, collection: string, size: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(['records', 'lists'], 'readwrite');
    const lists = tx.objectStore('lists');
    const range = IDBKeyRange.bound([community, collection, ''], [community, collection, '\uffff']);
    const write = (records: StoredRecord[]) => {
      lists.delete(range);
      for (let from = 0; from < records.length || !from; from += size)
        lists.put(records.slice(from, from + size), [community, collection, from ? records[from]!.id : '']);
    };
    const buckets = lists.getAll(range);
    buckets.onsuccess = () => {
      if (buckets.result.length) return write((buckets.result as StoredRecord[][]).flat());
      const rows = tx.objectStore('records').getAll(range);
      rows.onsuccess = () => write((rows.result as { record: StoredRecord }[]).map((row) => row.record));
    };
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
}
