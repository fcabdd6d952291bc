/**
 * The adapter of `<tend-provider storage="http">`: an `HttpAdapter` whose code (requests, event
 * stream, outbox) is fetched only when a page asks for a community server, so a page on browser
 * storage never downloads it. Calls made before it arrives wait for it; listeners are attached
 * once it is here. What it can do (named operations, server figures, shared records) is known
 * at once, so an element decides what to show before the code arrives.
 */
import { StatusHolder } from '../storage/adapter-support.js';
import type {
  AdapterStatus,
  AggregateListener,
  ChangeListener,
  OperateOptions,
  RecordOperation,
  StatusListener,
  StorageAdapter,
  StoredRecord,
  WriteOptions,
} from '../storage/adapter.js';
import { StorageError } from '../storage/errors.js';
import type { HttpAdapter, HttpAdapterOptions } from '../storage/http.js';

export class DeferredHttpAdapter implements StorageAdapter {
  readonly community: string;
  readonly author: string;
  readonly #status = new StatusHolder({ location: 'server', persistent: true, shared: true, pending: 0 });
  readonly #ready: Promise<HttpAdapter>;
  #adapter: HttpAdapter | undefined;
  #closed = false;

  constructor(options: HttpAdapterOptions) {
    this.community = options.community ?? 'default';
    this.author = options.author ?? 'anonymous';
    this.#ready = import('../storage/http.js').then(
      ({ HttpAdapter }) => {
        const adapter = new HttpAdapter(options);
        if (this.#closed) adapter.close();
        else {
          this.#adapter = adapter;
          this.#status.set(adapter.status);
          adapter.subscribeStatus((status) => this.#status.set(status));
        }
        return adapter;
      },
      (cause: unknown) => {
        const problem = new StorageError(
          'offline',
          'The code that talks to the community server could not be loaded.',
          {
            cause,
          },
        );
        this.#status.set({ problem });
        throw problem;
      },
    );
    // Read by the calls below; a failure is reported through them and the status.
    this.#ready.catch(() => undefined);
  }

  get status(): AdapterStatus {
    return this.#status.current;
  }

  /** Resolves once the server's code is here and its outbox and event stream are open. */
  async ready(): Promise<AdapterStatus> {
    return (await this.#ready).ready();
  }

  async get<T = unknown>(collection: string, id: string): Promise<StoredRecord<T> | undefined> {
    return (await this.#ready).get<T>(collection, id);
  }

  async list<T = unknown>(collection: string): Promise<StoredRecord<T>[]> {
    return (await this.#ready).list<T>(collection);
  }

  async put<T = unknown>(
    collection: string,
    id: string,
    value: T,
    options?: WriteOptions,
  ): Promise<StoredRecord<T>> {
    return (await this.#ready).put<T>(collection, id, value, options);
  }

  async remove(collection: string, id: string, options?: WriteOptions): Promise<void> {
    return (await this.#ready).remove(collection, id, options);
  }

  async operate<T = unknown>(
    collection: string,
    id: string,
    operation: RecordOperation,
    options?: OperateOptions,
  ): Promise<StoredRecord<T>> {
    return (await this.#ready).operate<T>(collection, id, operation, options);
  }

  subscribe<T = unknown>(collection: string, listener: ChangeListener<T>): () => void {
    return this.#once((adapter) => adapter.subscribe(collection, listener));
  }

  watchAggregate<T = unknown>(
    name: string,
    params: Readonly<Record<string, string>>,
    listener: AggregateListener<T>,
  ): () => void {
    return this.#once((adapter) => adapter.watchAggregate(name, params, listener));
  }

  subscribeStatus(listener: StatusListener): () => void {
    return this.#status.subscribe(listener);
  }

  close(): void {
    this.#closed = true;
    this.#adapter?.close();
    this.#status.clear();
  }

  /** Attaches a listener now, or when the adapter arrives; the returned function detaches it either way. */
  #once(attach: (adapter: HttpAdapter) => () => void): () => void {
    if (this.#adapter) return attach(this.#adapter);
    let detach: (() => void) | undefined;
    let detached = false;
    void this.#ready.then(
      (adapter) => {
        if (!detached && !this.#closed) detach = attach(adapter);
      },
      () => undefined,
    );
    return () => {
      detached = true;
      detach?.();
    };
  }
}
