/** Shared set-up for the offer board's browser tests: boards on memory adapters, seeded posts; finding things as a person would is ../find.ts. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/provider/index.js';
import '../../../src/elements/offer-board/index.js';
import type { TendOfferBoard } from '../../../src/elements/offer-board/index.js';
import { createPost, type Person, type Post, type PostInput } from '../../../src/domain/offers.js';
import { MemoryAdapter, MemoryStore } from '../../../src/storage/index.js';
import { button, field, text } from '../find.js';

export { announced, button, field, hasButton, inTheme, nameOf, type, text as cardText } from '../find.js';

/** A Monday morning. */
export const NOW = new Date('2026-03-02T10:00:00Z');
export const ANA: Person = { id: 'ana', name: 'Ana' };
export const BEN: Person = { id: 'ben', name: 'Ben' };
export const CLEO: Person = { id: 'cleo', name: 'Cleo' };

export interface BoardOptions {
  person?: Person;
  store?: MemoryStore;
  adapter?: MemoryAdapter;
  max?: number;
  /** The board's `min-group` attribute; unset when absent. */
  minGroup?: number;
  lang?: string;
  now?: Date;
}

/** A board for `person` on a memory adapter (of `store` when given), loaded. */
export async function boardFor(options: BoardOptions = {}): Promise<TendOfferBoard> {
  const person = options.person ?? ANA;
  const adapter =
    options.adapter ?? new MemoryAdapter({ store: options.store ?? new MemoryStore(), author: person.id });
  const provider = await fixture(
    html`<tend-provider
      .adapter=${adapter}
      user-id=${person.id}
      user-name=${person.name ?? ''}
      lang=${options.lang ?? 'en'}
    >
      <tend-offer-board
        board="maple"
        max-commitments=${options.max ?? 3}
        min-group=${ifDefined(options.minGroup)}
        .now=${options.now ?? NOW}
      ></tend-offer-board>
    </tend-provider>`,
  );
  const board = provider.querySelector('tend-offer-board')!;
  await waitUntil(() => !board.posts.loading, 'the board loads');
  await board.updateComplete;
  return board;
}

/** Stores a post as `author` would have posted it. */
export async function seed(
  store: MemoryStore,
  id: string,
  input: Partial<PostInput> & { title: string },
  author: Person = ANA,
  change: (post: Post) => Post = (p) => p,
): Promise<Post> {
  const post = change(createPost('maple', { kind: 'offer', category: 'meals', ...input }, author, NOW));
  await new MemoryAdapter({ store, author: author.id }).put('posts', id, post);
  return post;
}

export const root = (board: TendOfferBoard): ShadowRoot => board.shadowRoot!;

/** The card whose heading is `title`. */
export function card(board: TendOfferBoard, title: string): HTMLElement {
  const found = [...root(board).querySelectorAll<HTMLElement>('li.card')].find(
    (li) => text(li.querySelector('h3')!) === title,
  );
  if (!found) throw new Error(`no card titled "${title}"`);
  return found;
}

/**
 * Opens the form for one kind of post as a person would: "Offer or ask", then the kind
 * ("Offer something", "Ask for something" or "Start a rotation"). Returns the open dialog.
 */
export async function openForm(board: TendOfferBoard, kind: string): Promise<HTMLDialogElement> {
  button(root(board), 'Offer or ask').click();
  await board.updateComplete;
  button(root(board), kind).click();
  return dialogOf(board);
}

/** Chooses a category in a post form, as a person would. */
export function chooseCategory(dialog: HTMLElement, value: string): void {
  const select = field<HTMLSelectElement>(dialog, 'Category');
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

export function openDialog(board: TendOfferBoard): HTMLDialogElement | undefined {
  return [...root(board).querySelectorAll('dialog')].find((d) => d.open);
}

/**
 * The dialog a person's action opens, once it is open: the forms and questions are fetched the
 * first time one is needed, so it may take a moment.
 */
export async function dialogOf(board: TendOfferBoard): Promise<HTMLDialogElement> {
  await waitUntil(() => openDialog(board), 'a dialog opens');
  await board.updateComplete;
  return openDialog(board)!;
}

/** Waits for the board to finish writing and rendering. */
export async function settle(board: TendOfferBoard): Promise<void> {
  await waitUntil(() => board.posts.pending === 0 && board.reflections.pending === 0, 'writes finish');
  await board.updateComplete;
}
