/**
 * `tend-widgets/storage`: the adapter contract, the built-in adapters and their errors.
 * @packageDocumentation
 */
export type {
  AdapterOptions,
  AdapterStatus,
  ChangeListener,
  RecordChange,
  StatusListener,
  StorageAdapter,
  StoredRecord,
  WriteOptions,
} from './adapter.js';
export { SAFE_NAME } from './adapter.js';
export {
  ConflictError,
  InvalidValueError,
  NotFoundError,
  NotSyncedError,
  QuotaError,
  StorageError,
  UnavailableError,
  WriteFailedError,
  isStorageError,
  type StorageErrorCode,
} from './errors.js';
export { MemoryAdapter, MemoryStore, type MemoryAdapterOptions } from './memory.js';
export { BrowserAdapter, type BrowserAdapterOptions, type BrowserBackendName } from './browser.js';
export { HttpAdapter, type HttpAdapterOptions } from './http.js';
