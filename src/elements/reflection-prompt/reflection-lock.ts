/**
 * The reader's passphrase lock, for `<tend-reflection-prompt>`: the lock record, its keys in
 * memory, sealing what is saved, opening what is sealed, and the sweep that seals every entry and
 * draft of the reader still in plain once a lock exists (made here or in another tab).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RecordsController } from '../../controllers/records-controller.js';
import {
  contentOf,
  isLock,
  lockId,
  type LockedBox,
  type ReflectionContent,
  type ReflectionDraft,
  type ReflectionEntry,
  type ReflectionLock,
} from '../../domain/reflection.js';
import type { StoredRecord } from '../../storage/adapter.js';
import type { PrivateStorage } from './private-storage.js';
import type { LockKeys } from './entry-lock.js';

/** The sealing code (WebCrypto): fetched only when a lock exists, is made or is opened. */
const sealing = (): Promise<typeof import('./entry-lock.js')> => import('./entry-lock.js');

/** `none`: no lock. `closed`: a lock exists; everything is sealed with its public key, nothing can be read. `open`: the passphrase opened it on this page. */
export type LockState = 'none' | 'closed' | 'open';

/** What the lock seals: an entry or a draft (its words go into `locked`). */
type Sealable = Partial<ReflectionContent> & { locked?: LockedBox | undefined };

export interface ReflectionLockOptions extends PrivateStorage {
  now: () => Date;
  entries: RecordsController<ReflectionEntry>;
  drafts: RecordsController<ReflectionDraft>;
  /** The reader's own entries and drafts, on every post. */
  mine: () => StoredRecord<ReflectionEntry>[];
  myDrafts: () => StoredRecord<ReflectionDraft>[];
}

/** Thrown inside a record change when the record moved on since it was sealed: seal it again. */
class Moved {
  constructor(readonly current: unknown) {}
}

export class ReflectionLockController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #o: ReflectionLockOptions;
  readonly #locks: RecordsController<ReflectionLock>;
  /** The lock's keys in memory: the public key whenever a lock exists, the private key while it is open. */
  #keys?: LockKeys;
  /** The public key `#keys` belong to (base64), to notice a lock removed or made elsewhere. */
  #keysFor?: string;
  /** The lock's public key as last seen in storage. */
  #seen?: string;
  /** A lock appeared (on this page or another tab): seal anything of this reader still in plain. */
  #sweepWanted = false;
  /** Sealing passes, one after another (a later one sees what the earlier one wrote). */
  #sweeps: Promise<unknown> = Promise.resolve();
  /** Entries tried with the keys in hand (`id:rev`), opened or not, so none is tried on every render. */
  #tried = new Set<string>();
  /** Opened locked entries, in memory only while the lock is open. */
  #opened = new Map<string, { rev: number; content: ReflectionContent }>();

  constructor(host: ReactiveControllerHost, options: ReflectionLockOptions) {
    this.#host = host;
    this.#o = options;
    this.#locks = new RecordsController<ReflectionLock>(host, {
      adapter: options.adapter,
      collection: () => 'reflection-locks',
      accept: isLock,
    });
    host.addController(this);
  }

  get #record(): StoredRecord<ReflectionLock> | undefined {
    const me = this.#o.author();
    const record = this.#locks.get(lockId(me));
    return record?.value.authorId === me ? record : undefined;
  }

  /** True once the lock, entries and drafts have all been read: only then is "no lock" known. */
  get ready(): boolean {
    return !this.#locks.loading && !this.#o.entries.loading && !this.#o.drafts.loading;
  }

  get state(): LockState {
    return this.#record ? (this.#keys?.privateKey ? 'open' : 'closed') : 'none';
  }

  /** What an entry says: its words, or what the open lock read from its box; undefined while sealed. */
  content(record: StoredRecord<ReflectionEntry>): ReflectionContent | undefined {
    if (!record.value.locked) return contentOf(record.value);
    const opened = this.#opened.get(record.id);
    return opened?.rev === record.rev ? opened.content : undefined;
  }

  /** Opens a box with the open lock; undefined when the lock is closed or the box is another lock's. */
  read<T>(box: LockedBox): Promise<T | undefined> {
    const key = this.#keys?.privateKey;
    return key
      ? sealing()
          .then(({ unsealWith }) => unsealWith<T>(key, box))
          .catch(() => undefined)
      : Promise.resolve(undefined);
  }

  hostUpdate(): void {
    // A lock made, replaced or removed elsewhere: the keys in hand no longer fit.
    const seen = this.#record?.value.publicKey;
    if (this.#locks.loading || seen === this.#seen) return;
    this.#seen = seen;
    if (this.#keysFor !== seen) this.#forget();
    if (seen) this.#sweepWanted = true;
  }

  hostUpdated(): void {
    if (this.#keys?.privateKey) void this.#openAll();
    if (this.#sweepWanted && this.ready) {
      this.#sweepWanted = false;
      void this.#sealAll();
    }
  }

  /** The public key to seal with, when a lock exists (imported once from the lock record). */
  async #publicKey(): Promise<CryptoKey | undefined> {
    const lock = this.#record?.value;
    if (!lock) return undefined;
    if (this.#keys && this.#keysFor === lock.publicKey) return this.#keys.publicKey;
    const publicKey = await (await sealing()).publicKeyOf(lock);
    if (this.#keysFor !== lock.publicKey || !this.#keys) this.#keep({ publicKey }, lock.publicKey);
    return this.#keys!.publicKey;
  }

  #keep(keys: LockKeys | undefined, publicKey?: string): void {
    this.#keys = keys;
    this.#keysFor = publicKey;
  }

  #forget(): void {
    this.#keep(undefined);
    this.#opened.clear();
  }

  /** `value` with its words sealed for the public key. */
  async #seal<T extends Sealable>(value: T, publicKey: CryptoKey): Promise<T> {
    const { promptSet, questions, answers, ...meta } = value;
    return {
      ...meta,
      locked: await (await sealing()).sealFor(publicKey, { promptSet, questions, answers }),
    } as T;
  }

  /**
   * Writes a new value of an entry or draft: sealed when a lock exists (no passphrase needed),
   * else as it is. Undefined when the write failed.
   */
  async save<T extends Sealable>(
    records: RecordsController<T>,
    id: string,
    value: T,
  ): Promise<StoredRecord<T> | undefined> {
    const publicKey = await this.#publicKey();
    const record = await this.#o.write(async () => {
      const next = publicKey ? await this.#seal(value, publicKey) : value;
      return records.update(id, () => next);
    });
    // A lock made while this was being written (e.g. in another tab): seal it now.
    if (!publicKey && this.#record) this.#sweepWanted = true;
    return record;
  }

  /** Makes a lock, then seals every entry and draft of this reader, on every post. False when it could not be stored. */
  async create(passphrase: string): Promise<boolean> {
    const { stored, keys } = await (await sealing()).createLock(passphrase);
    this.#keep(keys, stored.publicKey);
    const author = this.#o.author();
    const lock: ReflectionLock = { authorId: author, createdAt: this.#o.now().toISOString(), ...stored };
    // Create only: a lock made meanwhile in another tab is never replaced (its boxes would no longer open).
    if (!(await this.#o.write(() => this.#locks.put(lockId(author), lock, null)))) {
      this.#keep(undefined);
      return false;
    }
    await this.#sealAll();
    return true;
  }

  /** Opens the lock with a passphrase, then seals anything still in plain; rejects (changing nothing) when it is not this lock's. */
  async open(passphrase: string): Promise<void> {
    const lock = this.#record?.value;
    if (!lock) throw new Error('no lock');
    this.#keep(await (await sealing()).openLock(passphrase, lock), lock.publicKey);
    this.#tried.clear();
    await this.#sealAll();
  }

  /** Forgets the private key; the public key stays, so saving still works, sealed. */
  close(): void {
    if (this.#keys) this.#keys = { publicKey: this.#keys.publicKey };
    this.#opened.clear();
    this.#host.requestUpdate();
  }

  /** Writes every entry and draft that opens back in plain, by the reader's choice, then forgets the lock. False when a write failed. */
  async remove(): Promise<boolean> {
    const plain = await this.#rewriteAll(async (value) => {
      const content = value.locked && (await this.read<Partial<ReflectionContent>>(value.locked));
      if (!content) return undefined;
      const { locked: _locked, ...meta } = value;
      return { ...meta, ...content };
    });
    if (!plain || !(await this.#o.write(() => this.#locks.remove(lockId(this.#o.author())).then(() => true))))
      return false;
    this.#forget();
    return true;
  }

  /** Seals, with the lock's public key, every entry and draft of this reader still in plain, on every post. */
  #sealAll(): Promise<unknown> {
    return (this.#sweeps = this.#sweeps.then(async () => {
      const publicKey = await this.#publicKey();
      if (publicKey)
        await this.#rewriteAll((value) => (value.locked ? undefined : this.#seal(value, publicKey)));
    }));
  }

  /** Rewrites the reader's entries, then drafts, with `change`; stops at the first failed write (the storage notice says it). */
  async #rewriteAll(
    change: (value: Sealable) => Promise<Sealable | undefined> | undefined,
  ): Promise<boolean> {
    const lists = [
      [this.#o.entries, this.#o.mine()],
      [this.#o.drafts, this.#o.myDrafts()],
    ] as [RecordsController<Sealable>, StoredRecord<Sealable>[]][];
    for (const [records, list] of lists)
      for (const record of list) if (!(await this.#rewrite(records, record, change))) return false;
    return true;
  }

  /**
   * Writes `change` of one record, unless the record changed meanwhile (then changes the newer
   * value). `change` answers undefined when there is nothing to write. False when the write failed.
   */
  async #rewrite(
    records: RecordsController<Sealable>,
    record: StoredRecord<Sealable>,
    change: (value: Sealable) => Promise<Sealable | undefined> | undefined,
  ): Promise<boolean> {
    let value: Sealable | undefined = record.value;
    for (let attempt = 0; attempt < 5 && value; attempt++) {
      const next = await change(value);
      if (!next) break;
      const seen = JSON.stringify(value);
      const saved = await this.#o.write(() =>
        records
          .update(record.id, (current) => {
            if (JSON.stringify(current) !== seen) throw new Moved(current);
            return next;
          })
          .catch((error: unknown) => {
            if (error instanceof Moved) return error;
            throw error;
          }),
      );
      if (!saved) return false;
      if (!(saved instanceof Moved)) break;
      value = saved.current as Sealable | undefined;
    }
    return true;
  }

  async #openAll(): Promise<void> {
    for (const record of this.#o.mine()) {
      const box = record.value.locked;
      const tried = `${record.id}:${record.rev}`;
      if (!box || this.#tried.has(tried)) continue;
      this.#tried.add(tried);
      const content = await this.read<ReflectionContent>(box);
      // Undefined: sealed by another lock, so it stays locked.
      if (content) {
        this.#opened.set(record.id, { rev: record.rev, content });
        this.#host.requestUpdate();
      }
    }
  }
}
