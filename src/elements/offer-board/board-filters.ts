/**
 * Finding things on the board: the filter bar (kind, category, open only, mine, search, sort)
 * and the matching and ordering it asks for, from each post's cached facts, so it stays quick
 * with thousands of posts.
 */
import { html, type TemplateResult } from 'lit';
import type { PostEntry } from '../../domain/load.js';
import type { Post } from '../../domain/offers.js';
import { searchText, type ListFacts } from './post-facts.js';
import type { BoardMessages } from './offer-board.messages.js';

export interface BoardFilters {
  kind: 'all' | Post['kind'];
  category: string;
  openOnly: boolean;
  mine: boolean;
  query: string;
  sort: 'soonest' | 'newest';
}

export const NO_FILTERS: BoardFilters = {
  kind: 'all',
  category: '',
  openOnly: false,
  mine: false,
  query: '',
  sort: 'soonest',
};

/**
 * The posts to list, in order. Withdrawn and ended posts stay visible only to the people
 * involved (so those who had claimed see that it was withdrawn).
 */
export function filterPosts(
  entries: readonly PostEntry[],
  filters: BoardFilters,
  facts: (post: Post) => ListFacts,
  categoryLabel: (slug: string) => string,
): PostEntry[] {
  const query = filters.query.trim().toLowerCase();
  const keyed: { entry: PostEntry; key: number }[] = [];
  for (const entry of entries) {
    const post = entry.value;
    if (filters.kind !== 'all' && post.kind !== filters.kind) continue;
    if (filters.category && post.category !== filters.category) continue;
    const f = facts(post);
    if ((filters.mine || f.state === 'withdrawn' || f.state === 'expired') && !f.involved) continue;
    if (filters.openOnly && f.state !== 'open') continue;
    if (
      query &&
      !searchText(post).includes(query) &&
      !categoryLabel(post.category).toLowerCase().includes(query)
    )
      continue;
    keyed.push({ entry, key: filters.sort === 'newest' ? f.newest : f.soonest });
  }
  // Entries come in id order and sort is stable: equal keys stay in id order.
  keyed.sort((a, b) => a.key - b.key);
  return keyed.map((k) => k.entry);
}

/** How many filters narrow the list (the order is not one). */
export function activeFilters(f: BoardFilters): number {
  return +(f.kind !== 'all') + +Boolean(f.category) + +f.openOnly + +f.mine + +Boolean(f.query.trim());
}

/** The filter bar. `set` gets what changed (merged by the board with its current filters, never a stale copy). */
export function renderFilters(
  t: BoardMessages,
  filters: BoardFilters,
  categories: readonly string[],
  set: (patch: Partial<BoardFilters>) => void,
  open: boolean,
): TemplateResult {
  const check = (key: 'openOnly' | 'mine') =>
    html`<label class="choice"
      ><input
        type="checkbox"
        .checked=${filters[key]}
        @change=${(e: Event) => set({ [key]: (e.target as HTMLInputElement).checked })}
      />${t[key]}</label
    >`;
  return html`<form
    id="filters"
    class="filters ${open ? 'open' : ''}"
    part="filters"
    role="search"
    aria-label=${t.filtersLabel}
    @submit=${(e: Event) => e.preventDefault()}
  >
    <fieldset>
      <legend>${t.show}</legend>
      <div class="choices">
        ${(['all', 'offer', 'need', 'rotation'] as const).map(
          (kind) =>
            html`<label class="choice"
              ><input
                type="radio"
                name="kind"
                .checked=${filters.kind === kind}
                @change=${() => set({ kind })}
              />${t.showKind(kind)}</label
            >`,
        )}
      </div>
    </fieldset>
    <div class="choices">${check('openOnly')} ${check('mine')}</div>
    <div class="row">
      <label
        >${t.categoryLabel}
        <select @change=${(e: Event) => set({ category: (e.target as HTMLSelectElement).value })}>
          <option value="" ?selected=${!filters.category}>${t.allCategories}</option>
          ${categories.map((c) => html`<option value=${c} ?selected=${filters.category === c}>${t.category(c)}</option>`)}
        </select></label
      >
      <label class="grow"
        >${t.search}
        <input
          type="search"
          .value=${filters.query}
          @input=${(e: Event) => set({ query: (e.target as HTMLInputElement).value })}
      /></label>
      <label
        >${t.sort}
        <select
          @change=${(e: Event) => set({ sort: (e.target as HTMLSelectElement).value as BoardFilters['sort'] })}
        >
          ${(['soonest', 'newest'] as const).map(
            (s) => html`<option value=${s} ?selected=${filters.sort === s}>${t.sortBy(s)}</option>`,
          )}
        </select></label
      >
    </div>
  </form>`;
}
