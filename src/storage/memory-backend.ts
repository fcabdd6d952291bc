import type { StoredRecord } from './adapter.js';
import type { RecordBackend, RecordKey, RecordUpdate } from './record-backend.js';
import { byId } from './revisions.js';

/**
 * Freezes a plain value (objects, arrays, primitives) all the way down and says true; says false
 * at the first thing freezing cannot protect (a `Date`, `Map`, typed array, … can still be
 * changed in place once frozen), leaving the rest as it is.
 */
export function freezePlain(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (Object.isFrozen(value)) return true;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== Array.prototype && proto !== null) return false;
  Object.freeze(value);
  for (const key in value) if (!freezePlain((value as Record<string, unknown>)[key])) return false;
  return true;
}

/** A stored record, and whether it may be handed out as it is (frozen plain data) or must be copied. */
interface Held {
  record: StoredRecord;
  frozen: boolean;
}

/** One collection of one community: its records by id, and (once asked for) in id order. */
interface Collection {
  byId: Map<string, Held>;
  sorted: Held[] | undefined;
}

const out = ({ record, frozen }: Held): StoredRecord => (frozen ? record : structuredClone(record));

/**
 * Records in a `Map` a collection. JavaScript runs one task at a time, so a synchronous
 * read-decide-write is atomic. A value is copied once, when it is written, and frozen: `get` and
 * `list` hand out the stored record itself, so a board of 10,000 posts reads without 10,000
 * copies, and no caller can change it in place (a write makes a new record). A value freezing
 * cannot protect (one holding a `Date` or a `Map`) is copied on the way out, as before.
 */
export class MemoryBackend implements RecordBackend {
  readonly location = 'memory';
  readonly persistent = false;
  readonly #collections = new Map<string, Collection>();

  #collection(community: string, collection: string): Collection {
    // Names are SAFE_NAME (no "/"), so the pair is unambiguous.
    const key = `${community}/${collection}`;
    let found = this.#collections.get(key);
    if (!found) this.#collections.set(key, (found = { byId: new Map(), sorted: undefined }));
    return found;
  }

  async get({ community, collection, id }: RecordKey): Promise<StoredRecord | undefined> {
    const held = this.#collections.get(`${community}/${collection}`)?.byId.get(id);
    return held && out(held);
  }

  async list(community: string, collection: string): Promise<StoredRecord[]> {
    const found = this.#collections.get(`${community}/${collection}`);
    if (!found) return [];
    found.sorted ??= [...found.byId.values()].sort((a, b) => byId(a.record, b.record));
    // A new array each time: a caller may sort or filter it without touching ours.
    return found.sorted.map(out);
  }

  async update(key: RecordKey, decide: RecordUpdate): Promise<StoredRecord | null> {
    const found = this.#collection(key.community, key.collection);
    const next = decide(found.byId.get(key.id)?.record);
    found.sorted = undefined;
    if (next === null) {
      found.byId.delete(key.id);
      return null;
    }
    const record = structuredClone(next);
    const held = { record, frozen: freezePlain(record) };
    found.byId.set(key.id, held);
    return out(held);
  }

  close(): void {}
}
