/**
 * The anonymous concerns a person raised from this browser, followed by their keys. A key (and
 * the concern's id) is kept only in this browser's own storage, never on the community server,
 * with the id of the person who raised it, so someone else using the same browser does not see
 * it. The server is asked for each concern with the `follow` operation (an anonymous raiser has
 * no live stream: a stream is opened as a person and would tie them to it): when the element
 * appears, when the page is shown again, and every few minutes while it is visible.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RecordsController } from '../../controllers/records-controller.js';
import {
  CONCERNS_COLLECTION,
  isConcern,
  type Concern,
  type ConcernOperation,
} from '../../domain/concerns.js';
import type { StorageAdapter, StoredRecord } from '../../storage/adapter.js';
import { type StorageError, toStorageError } from '../../storage/errors.js';

/** The collection (in this browser's own storage) of what is kept to follow anonymous concerns. */
export const NOTES_COLLECTION = 'concern-keys';

/** What this browser keeps to follow one anonymous concern. */
export interface ConcernNote {
  concernId: string;
  /** The concern key: whoever holds it acts as the concern's raiser. */
  key: string;
  /** The person of this page who raised it. */
  personId: string;
  raisedAt: string;
}

const isConcernNote = (value: unknown): value is ConcernNote => {
  const note = value as Partial<ConcernNote> | null;
  return (
    typeof note === 'object' &&
    note !== null &&
    typeof note.concernId === 'string' &&
    typeof note.key === 'string' &&
    typeof note.personId === 'string' &&
    typeof note.raisedAt === 'string'
  );
};

/** An anonymous concern as last read with its key. */
export interface Followed {
  note: ConcernNote;
  /** The concern as its raiser sees it; absent until read. */
  record?: StoredRecord<Concern> | undefined;
  /** Why it could not be read the last time (`not-found`: the server does not know it). */
  error?: StorageError | undefined;
}

export interface FollowedOptions {
  /** The community server. */
  server: () => StorageAdapter;
  /** This browser's own storage, where the keys are kept. */
  device: () => StorageAdapter;
  /** The person in force. */
  person: () => string;
  /** False while there is nothing to follow with (browser-only storage). */
  active: () => boolean;
}

/** How often an open page asks again. */
const EVERY_MS = 3 * 60_000;

export class FollowedConcerns implements ReactiveController {
  /** The keys this browser holds, for every person who used it here. */
  readonly notes: RecordsController<ConcernNote>;
  readonly #host: ReactiveControllerHost;
  readonly #o: FollowedOptions;
  readonly #read = new Map<string, Followed>();
  /** The server and person the concerns were read from, and the ids asked for. */
  #from: { server: StorageAdapter; person: string } | undefined;
  #asked = new Set<string>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #onVisible = (): void => {
    if (document.visibilityState === 'visible') this.refresh();
  };

  constructor(host: ReactiveControllerHost, options: FollowedOptions) {
    this.#host = host;
    this.#o = options;
    this.notes = new RecordsController<ConcernNote>(host, {
      adapter: options.device,
      collection: () => NOTES_COLLECTION,
      accept: isConcernNote,
    });
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisible);
    this.#timer = setInterval(() => {
      if (document.visibilityState === 'visible') this.refresh();
    }, EVERY_MS);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisible);
    clearInterval(this.#timer);
    this.#asked.clear();
  }

  hostUpdate(): void {
    if (!this.#o.active()) return;
    const server = this.#o.server();
    const person = this.#o.person();
    if (this.#from?.server !== server || this.#from.person !== person) {
      this.#from = { server, person };
      this.#read.clear();
      this.#asked.clear();
    }
    // Keys that arrived (the list read, another tab) are followed once they are here.
    for (const note of this.#mine())
      if (!this.#asked.has(note.concernId)) {
        this.#asked.add(note.concernId);
        void this.#follow(note);
      }
  }

  /** This person's notes, newest first. */
  #mine(): ConcernNote[] {
    const me = this.#o.person();
    return this.notes.records
      .map((record) => record.value)
      .filter((note) => note.personId === me)
      .sort((a, b) => (a.raisedAt < b.raisedAt ? 1 : a.raisedAt > b.raisedAt ? -1 : 0));
  }

  /** This person's anonymous concerns from this browser, newest first. */
  get mine(): Followed[] {
    return this.#mine().map((note) => this.#read.get(note.concernId) ?? { note });
  }

  /** The note of one concern, if this browser holds its key for this person. */
  noteOf(concernId: string): ConcernNote | undefined {
    return this.#mine().find((note) => note.concernId === concernId);
  }

  /** Asks the server again for every concern this person follows from here. */
  refresh(): void {
    if (!this.#o.active() || this.#o.server().status.problem?.code === 'offline') return;
    for (const note of this.#mine()) void this.#follow(note);
  }

  /** Keeps a key in this browser, before the concern is raised (so it is never lost after). */
  async keep(note: ConcernNote): Promise<void> {
    this.#asked.add(note.concernId);
    await this.notes.put(note.concernId, note, this.notes.get(note.concernId)?.rev ?? null);
  }

  /** Forgets a key (a concern the server never got, or one the person lets go of). */
  async forget(concernId: string): Promise<void> {
    this.#read.delete(concernId);
    if (this.notes.get(concernId)) await this.notes.remove(concernId);
  }

  /** Sends an operation as the concern's anonymous raiser (its key added); keeps the answer. */
  async operate(note: ConcernNote, op: ConcernOperation): Promise<StoredRecord<Concern>> {
    const record = await this.#o.server().operate!<Concern>(CONCERNS_COLLECTION, note.concernId, {
      ...op,
      key: note.key,
    });
    this.#keepRead(note, record);
    return record;
  }

  async #follow(note: ConcernNote): Promise<void> {
    const server = this.#o.server();
    if (!server.operate) return;
    try {
      const record = await server.operate<Concern>(CONCERNS_COLLECTION, note.concernId, {
        type: 'follow',
        key: note.key,
      });
      if (this.#o.server() === server) this.#keepRead(note, record);
    } catch (error) {
      if (this.#o.server() !== server) return;
      const held = this.#read.get(note.concernId);
      this.#read.set(note.concernId, {
        note,
        record: held?.record,
        error: toStorageError(error, 'Reading the concern failed'),
      });
      this.#host.requestUpdate();
    }
  }

  #keepRead(note: ConcernNote, record: StoredRecord<Concern>): void {
    const held = this.#read.get(note.concernId)?.record;
    if (!isConcern(record.value) || (held && held.rev > record.rev)) return;
    this.#read.set(note.concernId, { note, record });
    this.#host.requestUpdate();
  }
}
