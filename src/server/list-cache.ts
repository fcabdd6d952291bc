/**
 * Collections served from memory, shared by every viewer. The database is read once per
 * collection; after that the cache follows the changes log: each change read from it (this
 * process's writes at once, other processes' after their NOTIFY) replaces that one record, so a
 * write costs the cache one record, not a reload.
 *
 * Each record is kept with its PUBLIC form (what a reader with no tie to it sees, built once per
 * change) and the people who may see it otherwise (`CollectionRule.viewers`: its owner, a post's
 * claimants…). A list is the public forms joined, built once per change and handed to everybody;
 * a viewer tied to some records gets the same list with those records put through the rule's
 * `view` for them alone. Moderators, and collections whose rule names no viewers, get `view` of
 * their own for every record. So nobody is ever shown more than `view` gives them: a member
 * left out of `viewers` would see the public form, never another member's.
 *
 * A removal reloads the collection (rare; it keeps a record deleted and made again from being
 * confused with its older self). A load that raced with changes applies them after it lands.
 */
import type { Queryable } from './db.js';
import type { LoggedChange } from './events.js';
import { listRows } from './records.js';
import { shownJson, type CollectionRule, type Identity, type OutgoingRecord } from './rights.js';

/** A record's forms, worked out once per version of it. */
export interface SharedForm {
  /** The stored record as JSON. */
  json: string;
  owner: string;
  rev: number;
  /** What a viewer with no tie to it sees (JSON), or undefined: it is absent for them. */
  public: string | undefined;
  /** The people who may see it otherwise (moderators aside); null: `view` is asked for everyone. */
  tied: ReadonlySet<string> | null;
}

const NOBODY: ReadonlySet<string> = new Set();

/** The forms of one stored record under its collection's rule. */
export function sharedForm(rule: CollectionRule, json: string, owner: string): SharedForm {
  if (rule.privateToOwner)
    return { json, owner, rev: revOf(json), public: undefined, tied: new Set([owner]) };
  if (!rule.view) return { json, owner, rev: revOf(json), public: json, tied: NOBODY };
  const record = JSON.parse(json) as OutgoingRecord;
  const view = rule.view(record, owner, undefined);
  const shown = view === undefined ? undefined : view === record ? json : JSON.stringify(view);
  return {
    json,
    owner,
    rev: record.rev,
    public: shown,
    tied: rule.viewers ? new Set(rule.viewers(record, owner)) : null,
  };
}

/** Whether `viewer` sees the public form of a record (else `view` is asked for them). */
export function seesPublic(rule: CollectionRule, form: SharedForm, viewer: Identity | undefined): boolean {
  if (!viewer) return true;
  if (rule.privateToOwner) return !form.tied!.has(viewer.id);
  if (!rule.view) return true;
  if (viewer.moderator || form.tied === null) return false;
  return !form.tied.has(viewer.id);
}

/** What `viewer` sees of a record: JSON, or undefined (absent for them). */
export function formFor(
  rule: CollectionRule,
  form: SharedForm,
  viewer: Identity | undefined,
): string | undefined {
  return seesPublic(rule, form, viewer) ? form.public : shownJson(rule, form.json, form.owner, viewer);
}

/** A record's revision, read from its JSON without parsing the value. */
function revOf(json: string): number {
  const match = /"rev"\s*:\s*(\d+)/.exec(json);
  return match ? Number(match[1]) : (JSON.parse(json) as { rev: number }).rev;
}

/** Code point order, as the database's `COLLATE "C"` sorts ids. */
function byCodePoint(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

interface Entry {
  rule: CollectionRule;
  /** Set while the collection is read from the database. */
  loading: Promise<void> | undefined;
  ready: boolean;
  /** Changes that arrived while loading: applied once the load lands. */
  pending: { json: string; owner: string }[];
  rows: Map<string, SharedForm>;
  /** Ids in list order; undefined after an id was added (sorted again when next needed). */
  order: string[] | undefined;
  /** The people tied to some record, with those records' ids. */
  ties: Map<string, Set<string>>;
  /** Counts changes: finished lists are kept for the version they were made for. */
  version: number;
  /** The list of public forms, for this version. */
  shared: string | undefined;
  byViewer: Map<string, { version: number; text: string }>;
}

export interface ListCacheOptions {
  /** Collections kept at most (oldest dropped first). Default 2,000. */
  maxLists?: number;
  /** Finished lists kept per collection for viewers tied to records or moderating. Default 500. */
  maxViewers?: number;
}

/** How reads were served: from memory, or after reading the database. */
export interface ListCacheStats {
  hits: number;
  misses: number;
}

/** Whether `viewer` sees anything but the shared list of public forms. */
function needsOwnList(
  rule: CollectionRule,
  viewer: Identity,
  tiedTo: ReadonlySet<string> | undefined,
): boolean {
  if (rule.privateToOwner) return tiedTo !== undefined;
  if (!rule.view) return false;
  return viewer.moderator || tiedTo !== undefined || !rule.viewers;
}

const viewerKey = (viewer: Identity) => `${viewer.moderator ? 'm' : 'p'}:${viewer.id}`;

export class ListCache {
  readonly #db: Queryable;
  readonly #entries = new Map<string, Entry>();
  readonly #maxLists: number;
  readonly #maxViewers: number;
  readonly stats: ListCacheStats = { hits: 0, misses: 0 };

  constructor(db: Queryable, options: ListCacheOptions = {}) {
    this.#db = db;
    this.#maxLists = options.maxLists ?? 2000;
    this.#maxViewers = options.maxViewers ?? 500;
  }

  /** Forgets a collection: it is read again from the database when next asked for. */
  invalidate(community: string, collection: string): void {
    this.#entries.delete(`${community}\u0000${collection}`);
  }

  /** A change read from the log: that record as it is now (a removal reloads the collection). */
  changed(change: LoggedChange): void {
    if (change.kind === 'remove' || change.current === null || change.currentOwner === null) {
      this.invalidate(change.community, change.collection);
      return;
    }
    this.stored(change.community, change.collection, change.current, change.currentOwner);
  }

  /** A record as a write committed it (`json` as the database built it), kept unless a newer one is. */
  stored(community: string, collection: string, json: string, owner: string): void {
    const entry = this.#entries.get(`${community}\u0000${collection}`);
    if (!entry) return;
    if (!entry.ready) {
      entry.pending.push({ json, owner });
      return;
    }
    // A create of an id the cache holds in another form: the held one was deleted meanwhile (its
    // removal not yet read from the log) or changed again since; only the database knows which.
    if (!this.#put(entry, json, owner)) this.invalidate(community, collection);
  }

  /** The JSON array of the records `viewer` may see in a collection, ordered by id. */
  async items(community: string, rule: CollectionRule, viewer: Identity | undefined): Promise<string> {
    const entry = await this.#ready(community, rule);
    const { rows, order } = this.#ordered(entry);
    const tiedTo = viewer ? entry.ties.get(viewer.id) : undefined;
    if (!viewer || !needsOwnList(rule, viewer, tiedTo)) {
      entry.shared ??= `[${joinForms(order, rows, (form) => form.public)}]`;
      return entry.shared;
    }
    const key = viewerKey(viewer);
    const kept = entry.byViewer.get(key);
    if (kept?.version === entry.version) return kept.text;
    let text: string;
    if (rule.privateToOwner) {
      const mine = order.filter((id) => tiedTo?.has(id));
      text = `[${joinForms(mine, rows, (form) => shownJson(rule, form.json, form.owner, viewer))}]`;
    } else text = `[${joinForms(order, rows, (form) => formFor(rule, form, viewer))}]`;
    if (entry.byViewer.size >= this.#maxViewers && !entry.byViewer.has(key))
      entry.byViewer.delete(entry.byViewer.keys().next().value!);
    entry.byViewer.set(key, { version: entry.version, text });
    return text;
  }

  /**
   * One record as `viewer` may see it: its JSON and revision, or undefined when it does not
   * exist for them.
   */
  async record(
    community: string,
    rule: CollectionRule,
    id: string,
    viewer: Identity | undefined,
  ): Promise<{ json: string; rev: number } | undefined> {
    const entry = await this.#ready(community, rule);
    const form = entry.rows.get(id);
    if (!form) return undefined;
    const json = formFor(rule, form, viewer);
    return json === undefined ? undefined : { json, rev: form.rev };
  }

  /** The collection's entry, read from the database first when it is not in memory. */
  async #ready(community: string, rule: CollectionRule): Promise<Entry> {
    const key = `${community}\u0000${rule.name}`;
    let entry = this.#entries.get(key);
    if (entry?.ready) {
      this.stats.hits++;
      return entry;
    }
    this.stats.misses++;
    if (!entry) {
      if (this.#entries.size >= this.#maxLists) this.#entries.delete(this.#entries.keys().next().value!);
      const fresh: Entry = {
        rule,
        loading: undefined,
        ready: false,
        pending: [],
        rows: new Map(),
        order: undefined,
        ties: new Map(),
        version: 0,
        shared: undefined,
        byViewer: new Map(),
      };
      fresh.loading = this.#load(community, fresh).catch((error: unknown) => {
        if (this.#entries.get(key) === fresh) this.#entries.delete(key);
        throw error;
      });
      this.#entries.set(key, (entry = fresh));
    }
    // An entry dropped while it loaded (a removal came) still answers the reads that waited for it,
    // as fresh as the database was when read; the next read loads it again.
    await entry.loading;
    return entry;
  }

  async #load(community: string, entry: Entry): Promise<void> {
    for (;;) {
      const rows = await listRows(this.#db, community, entry.rule.name);
      for (const row of rows) this.#put(entry, row.json, row.owner);
      let settled = true;
      for (const change of entry.pending.splice(0))
        settled = this.#put(entry, change.json, change.owner) && settled;
      if (settled) break;
      // A create met an older form of its record: read again, now that the create is committed.
      entry.rows.clear();
      entry.ties.clear();
      entry.order = undefined;
    }
    entry.ready = true;
  }

  /**
   * Keeps a version of a record unless a newer one is held. False when it cannot tell: a create
   * (revision 1) of an id held in another form, which may be an older life of the record (deleted
   * and made again) or a later version of this one; the caller reads the collection again.
   */
  #put(entry: Entry, json: string, owner: string): boolean {
    const id = idOf(json);
    const held = entry.rows.get(id);
    const rev = revOf(json);
    // A write here is met again when the log is read: the second time costs a look-up, no parse.
    if (held && held.rev >= rev) return rev !== 1 || held.json === json;
    const form = sharedForm(entry.rule, json, owner);
    if (held) this.#untie(entry, id, held);
    else entry.order = undefined;
    entry.rows.set(id, form);
    if (form.tied)
      for (const person of form.tied) {
        let ids = entry.ties.get(person);
        if (!ids) entry.ties.set(person, (ids = new Set()));
        ids.add(id);
      }
    entry.version++;
    entry.shared = undefined;
    return true;
  }

  #untie(entry: Entry, id: string, form: SharedForm): void {
    if (!form.tied) return;
    for (const person of form.tied) {
      const ids = entry.ties.get(person);
      ids?.delete(id);
      if (ids?.size === 0) entry.ties.delete(person);
    }
  }

  #ordered(entry: Entry): { rows: Map<string, SharedForm>; order: string[] } {
    entry.order ??= [...entry.rows.keys()].sort(byCodePoint);
    return { rows: entry.rows, order: entry.order };
  }
}

/** A record's id, read from its JSON (the database builds it with `id` first). */
function idOf(json: string): string {
  const match = /^\{"id"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(json);
  return match ? (JSON.parse(match[1]!) as string) : (JSON.parse(json) as { id: string }).id;
}

function joinForms(
  order: readonly string[],
  rows: Map<string, SharedForm>,
  form: (row: SharedForm) => string | undefined,
): string {
  let text = '';
  for (const id of order) {
    const shown = form(rows.get(id)!);
    if (shown === undefined) continue;
    text += text ? `,${shown}` : shown;
  }
  return text;
}
