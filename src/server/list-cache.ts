/**
 * Lists served from memory. The database builds each list's JSON once; it is kept until the
 * changes log says the collection changed (a write in this process invalidates at once; other
 * processes' writes arrive through NOTIFY). A list read that raced with a change is returned
 * but not kept.
 */
import type { Queryable } from './db.js';
import { listJson, listRows } from './records.js';
import type { CollectionRule, Identity, OutgoingRecord } from './rights.js';

interface Entry {
  /** One list for everybody (collections without a per-viewer view). */
  shared?: Promise<string>;
  /** The stored records, for collections each viewer sees differently. */
  rows?: Promise<{ record: OutgoingRecord; json: string; owner: string }[]>;
  /** Finished lists by viewer (private collections and per-viewer views). */
  byViewer: Map<string, string>;
}

export interface ListCacheOptions {
  /** Collections kept at most (oldest dropped first). Default 2,000. */
  maxLists?: number;
  /** Viewers kept per list. Default 500. */
  maxViewers?: number;
}

const viewerKey = (viewer: Identity | undefined) =>
  viewer ? `${viewer.moderator ? 'm' : 'p'}:${viewer.id}` : '-';

export class ListCache {
  readonly #db: Queryable;
  readonly #entries = new Map<string, Entry>();
  readonly #maxLists: number;
  readonly #maxViewers: number;

  constructor(db: Queryable, options: ListCacheOptions = {}) {
    this.#db = db;
    this.#maxLists = options.maxLists ?? 2000;
    this.#maxViewers = options.maxViewers ?? 500;
  }

  /** Forgets a collection's lists (it changed). */
  invalidate(community: string, collection: string): void {
    this.#entries.delete(`${community}\u0000${collection}`);
  }

  /** The JSON array of the records `viewer` may see in a collection, ordered by id. */
  async items(community: string, rule: CollectionRule, viewer: Identity | undefined): Promise<string> {
    const key = `${community}\u0000${rule.name}`;
    let entry = this.#entries.get(key);
    if (!entry) {
      if (this.#entries.size >= this.#maxLists) this.#entries.delete(this.#entries.keys().next().value!);
      entry = { byViewer: new Map() };
      this.#entries.set(key, entry);
    }
    const current = entry;
    // A load that finishes after the collection changed answers its own request, and is not kept.
    const drop = () => {
      if (this.#entries.get(key) === current) this.#entries.delete(key);
    };

    if (rule.privateToOwner) {
      if (!viewer) return '[]';
      const kept = current.byViewer.get(viewer.id);
      if (kept !== undefined) return kept;
      const text = await listJson(this.#db, community, rule.name, viewer.id);
      if (this.#entries.get(key) === current) this.#keep(current, viewer.id, text);
      return text;
    }

    if (!rule.view) {
      if (!current.shared) {
        current.shared = listJson(this.#db, community, rule.name);
        current.shared.catch(drop);
      }
      return current.shared;
    }

    const vk = viewerKey(viewer);
    const kept = current.byViewer.get(vk);
    if (kept !== undefined) return kept;
    if (!current.rows) {
      current.rows = listRows(this.#db, community, rule.name).then((rows) =>
        rows.map((row) => ({
          record: JSON.parse(row.json) as OutgoingRecord,
          json: row.json,
          owner: row.owner,
        })),
      );
      current.rows.catch(drop);
    }
    const rows = await current.rows;
    const parts: string[] = [];
    for (const row of rows) {
      const shown = rule.view(row.record, row.owner, viewer);
      if (shown) parts.push(shown === row.record ? row.json : JSON.stringify(shown));
    }
    const text = `[${parts.join(',')}]`;
    if (this.#entries.get(key) === current) this.#keep(current, vk, text);
    return text;
  }

  #keep(entry: Entry, key: string, text: string): void {
    if (entry.byViewer.size >= this.#maxViewers) entry.byViewer.delete(entry.byViewer.keys().next().value!);
    entry.byViewer.set(key, text);
  }
}
