/**
 * The reader's draft of a reflection, for `<tend-reflection-prompt>`: saved shortly after they
 * stop typing (sealed once a lock exists), picked up again on their next visit, and removed once
 * the reflection is saved. Drafts stay in this browser.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RecordsController } from '../../controllers/records-controller.js';
import { draftId, isAnswered, isDraft, type ReflectionDraft } from '../../domain/reflection.js';
import type { StoredRecord } from '../../storage/adapter.js';
import type { PrivateStorage } from './private-storage.js';
import type { ReflectionLockController } from './reflection-lock.js';

export interface DraftsOptions extends PrivateStorage {
  post: () => string;
  /** The draft as it stands on screen. */
  current: () => ReflectionDraft;
  /** The lock, which seals what is saved once one exists. */
  lock: () => ReflectionLockController;
  /** True while the saved reflections have not arrived yet. */
  entriesLoading: () => boolean;
}

export class ReflectionDrafts implements ReactiveController {
  readonly records: RecordsController<ReflectionDraft>;
  /** The reader has started on this visit: what is on screen is newer than any draft. */
  touched = false;
  readonly #o: DraftsOptions;
  #restored = false;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost, options: DraftsOptions) {
    this.#o = options;
    this.records = new RecordsController<ReflectionDraft>(host, {
      adapter: options.adapter,
      collection: () => 'reflection-drafts',
      accept: isDraft,
    });
    host.addController(this);
  }

  hostDisconnected(): void {
    if (this.#timer) void this.save();
  }

  /** The reader's own drafts, on every post. */
  get mine(): StoredRecord<ReflectionDraft>[] {
    const me = this.#o.author();
    return this.records.records.filter((r) => r.value.authorId === me);
  }

  /** This post's draft as stored. */
  get stored(): ReflectionDraft | undefined {
    return this.records.get(draftId(this.#o.post()))?.value;
  }

  /** Picks the draft up again on the next `restore()` (the post changed). */
  reset(): void {
    this.#restored = false;
  }

  /**
   * Once, when drafts and entries have arrived: the reader's draft of this post, unless they have
   * already started (storage can be slow to open).
   */
  restore(): ReflectionDraft | undefined {
    if (this.#restored || this.records.loading || this.#o.entriesLoading()) return undefined;
    this.#restored = true;
    const draft = this.stored;
    return !this.touched && draft && draft.authorId === this.#o.author() && draft.postId === this.#o.post()
      ? draft
      : undefined;
  }

  /** Saves the draft shortly, once the reader pauses. */
  later(): void {
    this.touched = true;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.save(), 600);
  }

  /** Forgets a pending save. */
  cancel(): void {
    clearTimeout(this.#timer);
  }

  /**
   * Saves the draft now, sealed when a lock exists. A failure is said by the storage notice; the
   * words stay in the fields.
   */
  async save(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const lock = this.#o.lock();
    // Whether a lock exists is known only once storage has answered: never guess "no lock".
    if (!lock.ready) {
      this.#timer = setTimeout(() => void this.save(), 200);
      return;
    }
    const id = draftId(this.#o.post());
    const draft = this.#o.current();
    if (!Object.values(draft.answers!).some(isAnswered) && !this.records.get(id)) return;
    await lock.save(this.records, id, draft);
  }

  /** Removes this post's draft. */
  remove(): Promise<unknown> {
    return this.#o.write(() => this.records.remove(draftId(this.#o.post())));
  }
}
