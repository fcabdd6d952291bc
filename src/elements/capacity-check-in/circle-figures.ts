/**
 * The circle's figures as a store computes them (a tend-server's `circle` aggregate), watched
 * for as long as the element is on the page and re-watched when the circle or kinds change.
 * Figures only: the server sends no person, id, name or note, and its own minimum group.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isCircleFigures, type CircleFigures } from '../../domain/capacity.js';
import type { StorageAdapter } from '../../storage/adapter.js';
import type { StorageError } from '../../storage/errors.js';

export interface CircleFiguresOptions {
  adapter: () => StorageAdapter;
  /** What to watch; `undefined` when there is no circle. */
  params: () => { circle: string; kinds: readonly string[] } | undefined;
  /** The element's clock, to note when figures arrived. */
  now: () => Date;
}

/** Watches the `circle` aggregate on a store that computes it; idle on one that does not. */
export class CircleFiguresController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: CircleFiguresOptions;
  #bound: { adapter: StorageAdapter; key: string; stop: () => void } | undefined;

  /** The newest figures for the watched circle and kinds; `undefined` until they arrive. */
  value: CircleFigures | undefined;
  /** When {@link value} arrived, by the element's clock. */
  receivedAt: Date | undefined;
  /** Why the figures can't be read now, if they can't. */
  error: StorageError | undefined;

  constructor(host: ReactiveControllerHost, options: CircleFiguresOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** True when the store computes the figures (a tend-server); false in browser-only mode. */
  get fromStore(): boolean {
    return typeof this.#options.adapter().watchAggregate === 'function';
  }

  hostConnected(): void {
    this.#bind();
  }

  hostUpdate(): void {
    this.#bind();
  }

  hostDisconnected(): void {
    this.#unbind();
  }

  #unbind(): void {
    this.#bound?.stop();
    this.#bound = undefined;
    this.value = undefined;
    this.receivedAt = undefined;
    this.error = undefined;
  }

  #bind(): void {
    const adapter = this.#options.adapter();
    const params = this.#options.params();
    const watch = adapter.watchAggregate?.bind(adapter);
    const key = params && watch ? `${params.circle}|${params.kinds.join(',')}` : '';
    if (this.#bound?.adapter === adapter && this.#bound.key === key) return;
    this.#unbind();
    if (!params || !watch) return;
    let live = true;
    const stop = watch<unknown>(
      'circle',
      { circle: params.circle, kinds: params.kinds.join(',') },
      (value, error) => {
        if (!live) return;
        this.error = error;
        if (isCircleFigures(value) && value.circle === params.circle) {
          this.value = value;
          this.receivedAt = this.#options.now();
        }
        this.#host.requestUpdate();
      },
    );
    this.#bound = {
      adapter,
      key,
      stop: () => {
        live = false;
        stop();
      },
    };
  }
}
