import type { ReactiveControllerHost } from 'lit';

/**
 * A part of an element (views, dialogs) whose module is fetched the first time it is needed;
 * the element renders again when it arrives. `current` is the module once here; `ready()`
 * fetches it (once) and resolves with it. A browser remembers a module that failed to load for
 * the rest of the page's life, so after a failure the words to say are "reload the page".
 */
export class LazyPart<M> {
  readonly #host: ReactiveControllerHost;
  readonly #load: () => Promise<M>;
  #loading: Promise<M> | undefined;
  current: M | undefined;

  constructor(host: ReactiveControllerHost, load: () => Promise<M>) {
    this.#host = host;
    this.#load = load;
  }

  /** True while the module is on its way. */
  get pending(): boolean {
    return !!this.#loading && !this.current;
  }

  ready(): Promise<M> {
    this.#loading ??= this.#load().then(
      (module) => {
        this.current = module;
        this.#host.requestUpdate();
        return module;
      },
      (error: unknown) => {
        this.#loading = undefined;
        throw error;
      },
    );
    return this.#loading;
  }

  /** The module if it is here; otherwise starts fetching it and returns `undefined`. */
  get(): M | undefined {
    if (!this.current) void this.ready().catch(() => undefined);
    return this.current;
  }
}
