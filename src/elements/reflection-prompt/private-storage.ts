/**
 * What every store of `<tend-reflection-prompt>` (entries, drafts, the lock, "I added my count")
 * needs: the reader's own storage, the reader, and one way to write that says a failure plainly.
 */
import type { StorageAdapter } from '../../storage/adapter.js';

export interface PrivateStorage {
  /** The reader's own storage: with a shared adapter, still this browser's. */
  adapter: () => StorageAdapter;
  /** The reader (the identity in force). */
  author: () => string;
  /** Runs a write; answers undefined when it failed (the host says so). */
  write: <R>(run: () => Promise<R>) => Promise<R | undefined>;
}
