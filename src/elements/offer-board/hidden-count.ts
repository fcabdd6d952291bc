/**
 * What the board always carries of moderation: how many of its posts a moderator has hidden
 * (the server's `moderation` figure: never which, whose or why), and the look of a hidden post.
 * The view of a hidden post itself is hidden-posts.ts, fetched only when one is shown.
 */
import { css, html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
// Types only: the concerns' rules (and their schemas) stay out of the board's bundle.
import type { ModerationFigures } from '../../domain/concerns.js';
import type { StorageAdapter } from '../../storage/adapter.js';
import type { BoardMessages } from './offer-board.messages.js';

/** "2 posts hidden by a moderator": all the board says of hidden posts to everyone else. */
export function renderHiddenCount(t: BoardMessages, lang: string, count: number | undefined): TemplateResult {
  return count ? html`<p class="muted" part="hidden-count">${t.hiddenCount(count, lang)}</p>` : html``;
}

const isFigures = (value: unknown): value is ModerationFigures =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ModerationFigures).board === 'string' &&
  typeof (value as ModerationFigures).hiddenPosts === 'number';

/** Watches the server's count of a board's hidden posts, on a store that computes it. */
export class HiddenCountController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #adapter: () => StorageAdapter;
  readonly #board: () => string;
  #bound: { adapter: StorageAdapter; board: string; stop: () => void } | undefined;
  /** How many posts of the board are hidden; `undefined` until known (or on browser-only storage). */
  value: number | undefined;

  constructor(host: ReactiveControllerHost, adapter: () => StorageAdapter, board: () => string) {
    this.#host = host;
    this.#adapter = adapter;
    this.#board = board;
    host.addController(this);
  }

  hostConnected(): void {
    this.#bind();
  }

  hostUpdate(): void {
    this.#bind();
  }

  hostDisconnected(): void {
    this.#bound?.stop();
    this.#bound = undefined;
    this.value = undefined;
  }

  #bind(): void {
    const adapter = this.#adapter();
    const board = this.#board();
    if (this.#bound?.adapter === adapter && this.#bound.board === board) return;
    this.hostDisconnected();
    if (!adapter.watchAggregate || !adapter.status.shared) return;
    let live = true;
    // MODERATION_AGGREGATE in src/domain/concerns.ts.
    const stop = adapter.watchAggregate('moderation', { board }, (value) => {
      if (!live || !isFigures(value) || value.board !== board) return;
      this.value = value.hiddenPosts;
      this.#host.requestUpdate();
    });
    this.#bound = {
      adapter,
      board,
      stop: () => {
        live = false;
        stop();
      },
    };
  }
}

/** The hide on a card: one message block, its thread as a plain list. */
export const hiddenStyles = css`
  .hidden-note,
  .hidden-note form {
    display: grid;
    gap: var(--_space-s);
  }
  .replies {
    display: grid;
    gap: var(--_space-s);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .replies li {
    padding-inline-start: var(--_space-s);
    border-inline-start: 3px solid var(--_border-soft);
  }
  .replies p {
    margin: 0;
  }
  .card.hidden {
    border-style: dashed;
  }
`;
