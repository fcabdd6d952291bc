/**
 * The anonymous "readers reflected here" count of `<tend-reflection-prompt share="count">`: the
 * post's one count record on shared storage, the reader's opt-in sent once as the operation
 * `count` (no words, no id of the reader), and "I added mine" remembered in this browser only.
 */
import type { ReactiveControllerHost } from 'lit';
import { RecordsController } from '../../controllers/records-controller.js';
import {
  addReflectionCount,
  countReaders,
  countedId,
  isCounted,
  isReflectionCount,
  reflectionCountId,
  type ReflectionCount,
  type ReflectionCounted,
} from '../../domain/reflection.js';
import type { StorageAdapter } from '../../storage/adapter.js';
import type { StorageError } from '../../storage/errors.js';
import type { PrivateStorage } from './private-storage.js';

export interface CountsOptions extends PrivateStorage {
  /** The shared storage, where the post's count is (the reader's own storage keeps "I added mine"). */
  shared: () => StorageAdapter;
}

export class ReflectionCounts {
  /** Why the latest count could not be added. */
  error?: StorageError;
  readonly #host: ReactiveControllerHost;
  readonly #o: CountsOptions;
  /** "I added my count for this post", kept in this browser only. */
  readonly #counted: RecordsController<ReflectionCounted>;
  readonly #counts: RecordsController<ReflectionCount>;
  #counting = false;

  constructor(host: ReactiveControllerHost, options: CountsOptions) {
    this.#host = host;
    this.#o = options;
    this.#counted = new RecordsController<ReflectionCounted>(host, {
      adapter: options.adapter,
      collection: () => 'reflection-counted',
      accept: isCounted,
    });
    this.#counts = new RecordsController<ReflectionCount>(host, {
      adapter: options.shared,
      collection: () => 'reflection-counts',
      accept: isReflectionCount,
    });
  }

  /** How many readers reflected on the post; 0 below three. */
  readers(post: string): number {
    return countReaders(this.#counts.get(reflectionCountId(post))?.value, post);
  }

  /** True once this reader added their count for the post (remembered in this browser). */
  added(post: string): boolean {
    const me = this.#o.author();
    return this.#counted.get(countedId(post, me))?.value.authorId === me;
  }

  /** Adds this reader's one anonymous count for the post: sent once, then remembered in this browser only. */
  async add(post: string): Promise<void> {
    const me = this.#o.author();
    if (this.#counting || this.added(post)) return;
    this.#counting = true;
    try {
      await this.#counts.operate(reflectionCountId(post), { type: 'count', postId: post }, (current) =>
        addReflectionCount(current, post),
      );
      this.error = undefined;
      await this.#o.write(() =>
        this.#counted.update(countedId(post, me), () => ({ postId: post, authorId: me })),
      );
    } catch (error) {
      this.error = error as StorageError;
    } finally {
      this.#counting = false;
      this.#host.requestUpdate();
    }
  }
}
