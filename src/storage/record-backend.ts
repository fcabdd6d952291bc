/**
 * A place records physically live (memory, IndexedDB, localStorage). Each backend makes
 * `update` atomic in its own way; {@link LocalAdapter} adds the contract's rules on top.
 */
import type { StoredRecord } from './adapter.js';

/** Where one record lives. */
export interface RecordKey {
  community: string;
  collection: string;
  id: string;
}

/**
 * Decides the new state of one record from its current state, inside the backend's atomic
 * step. Returns the record to store, `null` to delete it; throws to abort without writing.
 */
export type RecordUpdate = (current: StoredRecord | undefined) => StoredRecord | null;

export interface RecordBackend {
  /** `memory`, `indexeddb` or `localstorage`. */
  readonly location: string;
  readonly persistent: boolean;
  get(key: RecordKey): Promise<StoredRecord | undefined>;
  list(community: string, collection: string): Promise<StoredRecord[]>;
  /** Reads, decides and writes one record atomically; resolves to what was stored (or null). */
  update(key: RecordKey, decide: RecordUpdate): Promise<StoredRecord | null>;
  close(): void;
}
