/**
 * Finding things on the board: the filter bar (kind, category, open only, mine, search, sort)
 * and the matching and ordering it asks for. Matching is plain string work on cached,
 * lower-cased text, so it stays quick with thousands of posts.
 */
import { html, type TemplateResult } from 'lit';
import type { PostEntry } from '../../domain/load.js';
import { claimOf, isExpired, postState, soonestTime, type Post } from '../../domain/offers.js';
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

const haystacks = new WeakMap<Post, string>();
function haystack(post: Post): string {
  let text = haystacks.get(post);
  if (text === undefined) {
    const r = post.rotation;
    text = [post.title, post.details, post.place, post.authorName, r?.recipientName, r?.notes].join('\n');
    haystacks.set(post, (text = text.toLocaleLowerCase()));
  }
  return text;
}

/** True when the viewer wrote the post or holds (or held) a claim on it. */
export function involves(post: Post, personId: string): boolean {
  return post.authorId === personId || claimOf(post, personId) !== undefined;
}

/**
 * The posts to list for `viewerId`, in order. Withdrawn and ended posts stay visible only to
 * the people involved (so those who had claimed see that it was withdrawn).
 */
export function filterPosts(
  entries: readonly PostEntry[],
  filters: BoardFilters,
  viewerId: string,
  now: Date,
  categoryLabel: (slug: string) => string,
): PostEntry[] {
  const query = filters.query.trim().toLocaleLowerCase();
  const keyed: { entry: PostEntry; key: number }[] = [];
  for (const entry of entries) {
    const post = entry.value;
    if (filters.kind !== 'all' && post.kind !== filters.kind) continue;
    if (filters.category && post.category !== filters.category) continue;
    const mine = involves(post, viewerId);
    if (filters.mine && !mine) continue;
    if ((post.status === 'withdrawn' || isExpired(post, now)) && !mine) continue;
    if (filters.openOnly && postState(post, now) !== 'open') continue;
    if (
      query &&
      !haystack(post).includes(query) &&
      !categoryLabel(post.category).toLocaleLowerCase().includes(query)
    )
      continue;
    keyed.push({
      entry,
      key: filters.sort === 'newest' ? -Date.parse(post.createdAt) : soonestTime(post, now),
    });
  }
  keyed.sort((a, b) => a.key - b.key || (a.entry.id < b.entry.id ? -1 : 1));
  return keyed.map((k) => k.entry);
}

/** The filter bar. `set` gets what changed (merged by the board with its current filters, never a stale copy). */
export function renderFilters(
  t: BoardMessages,
  filters: BoardFilters,
  categories: readonly string[],
  set: (patch: Partial<BoardFilters>) => void,
): TemplateResult {
  return html`<form
    class="filters"
    part="filters"
    role="search"
    aria-label=${t.filtersLabel}
    @submit=${(e: Event) => e.preventDefault()}
  >
    <fieldset class="kinds">
      <legend>${t.show}</legend>
      ${(['all', 'offer', 'need', 'rotation'] as const).map(
        (kind) =>
          html`<label class="chip"
            ><input
              type="radio"
              name="kind"
              .checked=${filters.kind === kind}
              @change=${() => set({ kind })}
            />${t.showKind(kind)}</label
          >`,
      )}
    </fieldset>
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
    <label class="check"
      ><input
        type="checkbox"
        .checked=${filters.openOnly}
        @change=${(e: Event) => set({ openOnly: (e.target as HTMLInputElement).checked })}
      />${t.openOnly}</label
    >
    <label class="check"
      ><input
        type="checkbox"
        .checked=${filters.mine}
        @change=${(e: Event) => set({ mine: (e.target as HTMLInputElement).checked })}
      />${t.mine}</label
    >
  </form>`;
}
