/**
 * What every adapter does the same way, whatever its store: checking names and values, keeping
 * change listeners per collection, and holding the status that elements show.
 */
import type { AdapterStatus, ChangeListener, RecordChange, StatusListener } from './adapter.js';
import { SAFE_NAME } from '../domain/record-ids.js';
import { InvalidValueError } from './errors.js';

export function checkName(kind: string, name: string): void {
  if (typeof name !== 'string' || !SAFE_NAME.test(name))
    throw new InvalidValueError(`${kind} "${String(name)}" must be 1–200 letters, digits or -_.:~`);
}

/** Refuses values the store cannot keep; `serialise` is how this store copies a value. */
export function checkValue(value: unknown, serialise: (value: unknown) => unknown = structuredClone): void {
  if (value === undefined) throw new InvalidValueError('a record needs a value (undefined is not storable)');
  try {
    serialise(value);
  } catch (error) {
    throw new InvalidValueError(`the value cannot be stored: ${(error as Error).message}`);
  }
}

/** Change listeners, by collection. */
export class ChangeListeners {
  readonly #byCollection = new Map<string, Set<ChangeListener>>();

  add<T>(collection: string, listener: ChangeListener<T>): () => void {
    checkName('collection', collection);
    let set = this.#byCollection.get(collection);
    if (!set) this.#byCollection.set(collection, (set = new Set()));
    set.add(listener as ChangeListener);
    return () => set.delete(listener as ChangeListener);
  }

  /** The collections someone listens to. */
  collections(): IterableIterator<string> {
    return this.#byCollection.keys();
  }

  deliver(change: RecordChange): void {
    for (const listener of [...(this.#byCollection.get(change.collection) ?? [])]) listener(change);
  }

  clear(): void {
    this.#byCollection.clear();
  }
}

/** The adapter's status and those who listen to it. A patch with `problem: undefined` clears the problem. */
export class StatusHolder {
  #status: AdapterStatus;
  readonly #listeners = new Set<StatusListener>();

  constructor(initial: AdapterStatus) {
    this.#status = initial;
  }

  get current(): AdapterStatus {
    return this.#status;
  }

  set(patch: Partial<AdapterStatus>): void {
    const next = { ...this.#status, ...patch };
    if (!next.problem) delete next.problem;
    this.#status = next;
    for (const listener of [...this.#listeners]) listener(next);
  }

  subscribe(listener: StatusListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  clear(): void {
    this.#listeners.clear();
  }
}
