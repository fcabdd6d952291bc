/**
 * Writes waiting for the server: kept in IndexedDB so they survive a reload, in the order they
 * were made, each with the idempotency key it is sent with (so a retry after a lost answer is
 * not applied twice). One database serves every HttpAdapter of the origin; each adapter sees the
 * entries of its own server, community and person.
 */
import type { RecordOperation, WriteOptions } from './adapter.js';

/** One waiting write. */
export interface OutboxEntry {
  /** Order of arrival (assigned by the outbox). */
  seq?: number;
  /** Whose queue: server, community and person. */
  scope: string;
  collection: string;
  id: string;
  op: 'put' | 'remove' | 'operate';
  value?: unknown;
  /** For `operate`: the named operation sent to the server. */
  operation?: RecordOperation;
  expectedRev?: WriteOptions['expectedRev'];
  /** Sent as `Idempotency-Key`. */
  key: string;
  /** When it was made (ISO 8601). */
  at: string;
}

export interface Outbox {
  /** True when entries survive a reload (IndexedDB); false for the in-memory fallback. */
  readonly durable: boolean;
  add(entry: OutboxEntry): Promise<number>;
  remove(seq: number): Promise<void>;
  /** A scope's entries, oldest first. */
  list(scope: string): Promise<OutboxEntry[]>;
  close(): void;
}

const STORE = 'writes';

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

class IndexedDBOutbox implements Outbox {
  readonly durable = true;
  readonly #db: IDBDatabase;

  constructor(db: IDBDatabase) {
    this.#db = db;
  }

  #store(mode: IDBTransactionMode): IDBObjectStore {
    return this.#db.transaction(STORE, mode).objectStore(STORE);
  }

  async add(entry: OutboxEntry): Promise<number> {
    const { seq: _seq, ...rest } = entry;
    return (await done(this.#store('readwrite').add(rest))) as number;
  }

  async remove(seq: number): Promise<void> {
    await done(this.#store('readwrite').delete(seq));
  }

  async list(scope: string): Promise<OutboxEntry[]> {
    return done(this.#store('readonly').index('scope').getAll(scope)) as Promise<OutboxEntry[]>;
  }

  close(): void {
    this.#db.close();
  }
}

class MemoryOutbox implements Outbox {
  readonly durable = false;
  #entries: OutboxEntry[] = [];
  #next = 1;

  async add(entry: OutboxEntry): Promise<number> {
    const seq = this.#next++;
    this.#entries.push({ ...entry, seq });
    return seq;
  }

  async remove(seq: number): Promise<void> {
    this.#entries = this.#entries.filter((e) => e.seq !== seq);
  }

  async list(scope: string): Promise<OutboxEntry[]> {
    return this.#entries.filter((e) => e.scope === scope);
  }

  close(): void {}
}

/**
 * Opens the outbox database `name`, or an in-memory one when IndexedDB is blocked or `name` is
 * false (then waiting writes are lost when the page closes).
 */
export async function openOutbox(name: string | false): Promise<Outbox> {
  if (name === false) return new MemoryOutbox();
  try {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore(STORE, { keyPath: 'seq', autoIncrement: true });
      store.createIndex('scope', 'scope');
    };
    const db = await done(open);
    db.onversionchange = () => db.close();
    return new IndexedDBOutbox(db);
  } catch {
    return new MemoryOutbox();
  }
}
