/**
 * Renders only the cards near the viewport once a list is long: a board of 10,000 posts keeps
 * a few dozen in the DOM. Rows are measured after they render (cards differ in height) and the
 * rest are estimated; padding above and below stands in for the rows left out, so the page's
 * scrollbar, the browser's own scrolling and keyboard focus behave as with the full list.
 * Short lists render whole, so find-in-page works where it matters most.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Lists up to this long render every row. */
export const WINDOW_FROM = 60;
/** Extra pixels rendered above and below the viewport. */
const OVERSCAN = 800;

export interface ListWindow {
  start: number;
  end: number;
  /** Padding that stands for the rows before `start` and after `end`. */
  before: number;
  after: number;
}

export class WindowedList implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #list: () => HTMLElement | null | undefined;
  readonly #heights = new Map<string, number>();
  #estimate = 200;
  #ids: readonly string[] = [];
  #rendered: ListWindow = { start: 0, end: 0, before: 0, after: 0 };
  #frame = 0;

  constructor(host: ReactiveControllerHost, list: () => HTMLElement | null | undefined) {
    this.#host = host;
    this.#list = list;
    host.addController(this);
  }

  hostConnected(): void {
    // Capture: scrolling of any ancestor (not only the page) moves the list.
    addEventListener('scroll', this.#onScroll, { capture: true, passive: true });
    addEventListener('resize', this.#onScroll, { passive: true });
  }

  hostDisconnected(): void {
    removeEventListener('scroll', this.#onScroll, { capture: true });
    removeEventListener('resize', this.#onScroll);
    cancelAnimationFrame(this.#frame);
  }

  /** The rows to render for these ids now. */
  window(ids: readonly string[]): ListWindow {
    this.#ids = ids;
    return (this.#rendered = this.#compute());
  }

  hostUpdated(): void {
    const list = this.#list();
    if (!list || this.#ids.length <= WINDOW_FROM) return;
    const gap = parseFloat(getComputedStyle(list).rowGap) || 0;
    let sum = 0;
    let count = 0;
    for (const row of list.children as HTMLCollectionOf<HTMLElement>) {
      const id = row.dataset['id'];
      if (!id) continue;
      const height = row.offsetHeight + gap;
      this.#heights.set(id, height);
      sum += height;
      count++;
    }
    if (count) this.#estimate = sum / count;
    this.#recheck();
  }

  #onScroll = (): void => {
    if (this.#frame || this.#ids.length <= WINDOW_FROM) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#recheck();
    });
  };

  /** Renders again when the rows in view are no longer the rows rendered. */
  #recheck(): void {
    const next = this.#compute();
    if (next.start !== this.#rendered.start || next.end !== this.#rendered.end) this.#host.requestUpdate();
  }

  #compute(): ListWindow {
    const ids = this.#ids;
    if (ids.length <= WINDOW_FROM) return { start: 0, end: ids.length, before: 0, after: 0 };
    const list = this.#list();
    const top = list ? -list.getBoundingClientRect().top : 0;
    const from = top - OVERSCAN;
    const to = top + innerHeight + OVERSCAN;
    let y = 0;
    let start = 0;
    let before = 0;
    let end = ids.length;
    for (let i = 0; i < ids.length; i++) {
      const height = this.#heights.get(ids[i]!) ?? this.#estimate;
      if (y + height <= from) {
        start = i + 1;
        before = y + height;
      } else if (y >= to) {
        end = i;
        break;
      }
      y += height;
    }
    let after = 0;
    for (let i = end; i < ids.length; i++) after += this.#heights.get(ids[i]!) ?? this.#estimate;
    return { start, end: Math.max(end, start), before, after };
  }
}
