/**
 * Binds one storage collection to an element: the records to render, live changes from other
 * tabs and people, writes in flight, and errors to say plainly. Written once, used by every
 * widget; no element talks to an adapter directly.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  AdapterStatus,
  RecordChange,
  RecordOperation,
  StorageAdapter,
  StoredRecord,
} from '../storage/adapter.js';
import { ConflictError, type StorageError, toStorageError } from '../storage/errors.js';

export interface RecordsControllerOptions<T> {
  /** The adapter in force; read at every update, so a provider that arrives later is picked up. */
  adapter: () => StorageAdapter;
  /** The collection; may depend on the host's attributes (e.g. a board id). */
  collection: () => string;
  /** Checks a stored value; records it rejects are left out rather than breaking the view. */
  accept?: (value: unknown) => value is T;
}

/** How a change to one record is made from its current value; throw to refuse it. */
export type RecordChangeFn<T> = (current: T | undefined, record: StoredRecord<T> | undefined) => T;

/** Frozen values each check has accepted. */
const accepted = new WeakMap<(value: unknown) => boolean, WeakSet<object>>();

/** Carries a refusal thrown by a change function past the storage-error handling, untouched. */
class ChangeRefused {
  constructor(readonly reason: unknown) {}
}

export class RecordsController<T> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: RecordsControllerOptions<T>;
  #byId = new Map<string, StoredRecord<T>>();
  #sorted: StoredRecord<T>[] | undefined;
  #bound: { adapter: StorageAdapter; collection: string; unbind: () => void } | undefined;
  #generation = 0;

  /** True until the first list has arrived. */
  loading = true;
  /** Why reading failed, if it did. */
  readError: StorageError | undefined;
  /** Why the latest write failed; cleared by the next successful one. */
  writeError: StorageError | undefined;
  /** Writes started and not yet finished. */
  pending = 0;

  constructor(host: ReactiveControllerHost, options: RecordsControllerOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Every record, ordered by id. */
  get records(): StoredRecord<T>[] {
    return (this.#sorted ??= [...this.#byId.values()].sort((a, b) =>
      a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    ));
  }

  get(id: string): StoredRecord<T> | undefined {
    return this.#byId.get(id);
  }

  /** The adapter's status (where records live, pending writes, the latest problem). */
  get status(): AdapterStatus {
    return this.#options.adapter().status;
  }

  hostConnected(): void {
    this.#bind();
  }

  hostUpdate(): void {
    this.#bind();
  }

  hostDisconnected(): void {
    this.#bound?.unbind();
    this.#bound = undefined;
  }

  /** Writes a value. Without `expectedRev` it updates whatever revision this view holds (or creates). */
  async put(
    id: string,
    value: T,
    expectedRev: number | null = this.get(id)?.rev ?? null,
  ): Promise<StoredRecord<T>> {
    return this.#write(async (adapter, collection) => {
      const record = await adapter.put<T>(collection, id, value, { expectedRev });
      this.#apply({ type: 'put', collection, id, record });
      return record;
    });
  }

  /**
   * Changes one record from its latest value, retrying when someone else wrote first. `change`
   * sees the fresh value each time and may throw to refuse (e.g. "this slot was just taken").
   */
  async update(id: string, change: RecordChangeFn<T>, attempts = 5): Promise<StoredRecord<T>> {
    return this.#write(async (adapter, collection) => {
      for (let attempt = 1; ; attempt++) {
        const current = await adapter.get<T>(collection, id);
        let next: T;
        try {
          next = change(current?.value, current);
        } catch (reason) {
          throw new ChangeRefused(reason);
        }
        try {
          const record = await adapter.put<T>(collection, id, next, { expectedRev: current?.rev ?? null });
          this.#apply({ type: 'put', collection, id, record });
          return record;
        } catch (error) {
          if (!(error instanceof ConflictError) || attempt >= attempts) throw error;
        }
      }
    });
  }

  /**
   * Makes a named change to a record that may not be this person's (claim a slot, add a count).
   * A store with rules of its own (a tend-server) applies `operation` to its current record;
   * any other store gets `applyLocally`, the same domain rule, through {@link update}. When
   * `applyLocally` refuses (throws), nothing is sent.
   */
  async operate(
    id: string,
    operation: RecordOperation,
    applyLocally?: RecordChangeFn<T>,
  ): Promise<StoredRecord<T>> {
    const adapter = this.#options.adapter();
    if (!adapter.operate) {
      if (!applyLocally) throw new Error(`"${operation.type}" needs a store that applies operations`);
      return this.update(id, applyLocally);
    }
    const held = this.get(id);
    // The same rule here first: a refusal it already knows of is not sent.
    const provisional = applyLocally?.(held?.value, held);
    return this.#write(async (store, collection) => {
      const record = await store.operate!<T>(collection, id, operation, { provisional });
      this.#apply({ type: 'put', collection, id, record });
      return record;
    });
  }

  async remove(id: string, expectedRev: number | null = this.get(id)?.rev ?? null): Promise<void> {
    await this.#write(async (adapter, collection) => {
      await adapter.remove(collection, id, { expectedRev });
      this.#apply({ type: 'remove', collection, id });
    });
  }

  async #write<R>(run: (adapter: StorageAdapter, collection: string) => Promise<R>): Promise<R> {
    this.pending++;
    this.#host.requestUpdate();
    try {
      const result = await run(this.#options.adapter(), this.#options.collection());
      this.writeError = undefined;
      return result;
    } catch (error) {
      // A rule said no (e.g. "that slot was just taken"): not a storage problem; the caller explains it.
      if (error instanceof ChangeRefused) throw error.reason;
      this.writeError = toStorageError(error, 'Saving failed');
      throw this.writeError;
    } finally {
      this.pending--;
      this.#host.requestUpdate();
    }
  }

  /** (Re)subscribes and reloads when the adapter or the collection changed. */
  #bind(): void {
    const adapter = this.#options.adapter();
    const collection = this.#options.collection();
    if (this.#bound?.adapter === adapter && this.#bound.collection === collection) return;
    this.#bound?.unbind();
    const generation = ++this.#generation;
    this.#byId = new Map();
    this.#sorted = undefined;
    this.loading = true;
    this.readError = undefined;
    const removedWhileLoading = new Set<string>();
    const stopChanges = adapter.subscribe<T>(collection, (change) => {
      if (this.loading && change.type === 'remove') removedWhileLoading.add(change.id);
      this.#apply(change);
    });
    const stopStatus = adapter.subscribeStatus(() => this.#host.requestUpdate());
    this.#bound = {
      adapter,
      collection,
      unbind: () => {
        stopChanges();
        stopStatus();
      },
    };
    adapter.list<T>(collection).then(
      (listed) => {
        if (generation !== this.#generation) return;
        this.#take(collection, listed, removedWhileLoading);
        this.loading = false;
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        if (generation !== this.#generation) return;
        this.readError = toStorageError(error, 'Reading failed');
        this.loading = false;
        this.#host.requestUpdate();
      },
    );
  }

  /**
   * Takes in the first list. Usually nothing has arrived before it, and it comes in id order:
   * then it is this view's order as it is, each record checked once and held once.
   */
  #take(collection: string, listed: StoredRecord<T>[], removed: ReadonlySet<string>): void {
    if (this.#byId.size || removed.size) {
      for (const record of listed)
        if (!removed.has(record.id)) this.#apply({ type: 'put', collection, id: record.id, record });
      return;
    }
    const kept: StoredRecord<T>[] = [];
    let ordered = true;
    for (const record of listed) {
      if (!this.#accepts(record.value)) continue;
      const last = kept[kept.length - 1];
      if (last && last.id >= record.id) ordered = false;
      this.#byId.set(record.id, record);
      kept.push(record);
    }
    this.#sorted = ordered ? kept : undefined;
    this.#host.requestUpdate();
  }

  #accepts(value: T): boolean {
    const accept = this.#options.accept;
    if (!accept) return true;
    // A frozen value cannot change, so one check of it holds for good (the memory store hands
    // out the same frozen records every time).
    const frozen = typeof value === 'object' && value !== null && Object.isFrozen(value);
    let known = frozen ? accepted.get(accept) : undefined;
    if (known?.has(value as object)) return true;
    if (!accept(value)) return false;
    if (frozen) {
      if (!known) accepted.set(accept, (known = new WeakSet()));
      known.add(value as object);
    }
    return true;
  }

  /** Applies a change unless this view already holds a newer revision. */
  #apply(change: RecordChange<T>): void {
    const held = this.#byId.get(change.id);
    if (change.type === 'remove') {
      if (!held) return;
      this.#byId.delete(change.id);
    } else {
      const record = change.record!;
      if (held && held.rev >= record.rev) return;
      if (!this.#accepts(record.value)) return;
      this.#byId.set(change.id, record);
    }
    this.#sorted = undefined;
    this.#host.requestUpdate();
  }
}
