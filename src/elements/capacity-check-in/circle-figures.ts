/**
 * The circle's figures as a store computes them (a tend-server's `circle` aggregate), watched
 * for as long as the element is on the page and re-watched when the circle or kinds change.
 * Figures only: the server sends no person, id, name or note, and its own minimum group.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ROOM_LEVELS, type CircleAggregate } from '../../domain/capacity.js';
import type { StorageAdapter } from '../../storage/adapter.js';
import type { StorageError } from '../../storage/errors.js';

/** How often a named person was asked this week, by anyone (never by whom). */
export interface AskedCount {
  personId: string;
  count: number;
}

/** The `circle` aggregate: the figures, and ask counts of named people when the store sends them. */
export interface CircleFigures extends CircleAggregate {
  asked?: AskedCount[];
}

const isFigure = (value: unknown): value is number | null =>
  value === null || (typeof value === 'number' && Number.isInteger(value) && value >= 0);

/** True for a value of the `circle` aggregate's shape; anything else is not shown. */
export function isCircleFigures(value: unknown): value is CircleFigures {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (typeof v['circle'] !== 'string' || !isFigure(v['withRoom'])) return false;
  if (typeof v['minGroup'] !== 'number' || !Number.isFinite(v['minGroup'])) return false;
  if (!Array.isArray(v['kinds'])) return false;
  for (const kind of v['kinds'] as unknown[]) {
    if (typeof kind !== 'object' || kind === null) return false;
    const k = kind as Record<string, unknown>;
    if (typeof k['kind'] !== 'string' || !isFigure(k['withRoom'])) return false;
    const levels = k['levels'];
    if (typeof levels !== 'object' || levels === null) return false;
    for (const level of ROOM_LEVELS) if (!isFigure((levels as Record<string, unknown>)[level])) return false;
  }
  const asked = v['asked'];
  if (asked === undefined) return true;
  return (
    Array.isArray(asked) &&
    asked.every(
      (a: unknown) =>
        typeof a === 'object' &&
        a !== null &&
        typeof (a as AskedCount).personId === 'string' &&
        isFigure((a as AskedCount).count) &&
        (a as AskedCount).count !== null,
    )
  );
}

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
