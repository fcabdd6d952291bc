import { expect, waitUntil } from '@open-wc/testing';
import { createPost } from '../../../src/domain/offers.js';
import { WINDOW_FROM } from '../../../src/elements/offer-board/windowed-list.js';
import { MemoryAdapter, MemoryStore } from '../../../src/storage/index.js';
import { ANA, BEN, NOW, boardFor, button, card, cardText, field, root, type } from './helpers.js';
import type { TendOfferBoard } from '../../../src/elements/offer-board/index.js';

const DAY = 86_400_000;

/** `n` needs, one a day from now, so "soonest first" lists them in number order. */
async function manyPosts(n: number): Promise<MemoryStore> {
  const store = new MemoryStore();
  const adapter = new MemoryAdapter({ store, author: 'ana' });
  for (let i = 0; i < n; i++) {
    const start = new Date(NOW.getTime() + (i + 1) * 3_600_000).toISOString();
    const post = createPost(
      'maple',
      {
        kind: 'need',
        title: `Need number ${i}`,
        details: `Details of need ${i}`,
        category: 'errands',
        when: { flexible: false, start },
        expiresAt: new Date(NOW.getTime() + 60 * DAY).toISOString(),
      },
      ANA,
      NOW,
    );
    await adapter.put('posts', `p${String(i).padStart(4, '0')}`, post);
  }
  return store;
}

const rendered = (board: TendOfferBoard) => [...root(board).querySelectorAll<HTMLElement>('li.card')];

describe('<tend-offer-board>: a long list', () => {
  it('renders every card of a short list', async () => {
    const board = await boardFor({ store: await manyPosts(WINDOW_FROM), person: BEN });
    expect(rendered(board)).to.have.length(WINDOW_FROM);
  });

  it('keeps 1,000 posts smooth by rendering only the cards near the viewport, and stays a list of 1,000 for screen readers', async () => {
    const board = await boardFor({ store: await manyPosts(1000), person: BEN });
    const cards = rendered(board);
    expect(cards.length).to.be.within(3, 60);
    expect(cards[0]!.getAttribute('aria-setsize')).to.equal('1000');
    expect(cards[0]!.getAttribute('aria-posinset')).to.equal('1');
    field(root(board).querySelector('.filters')!, 'Needs').click();
    await board.updateComplete;
    expect(cardText(root(board).querySelector('.count')!)).to.equal('1,000 posts match.');
    const list = root(board).querySelector<HTMLElement>('.posts')!;
    // The padding stands for the rows left out, so the page is as tall as the whole list.
    expect(list.offsetHeight).to.be.greaterThan(1000 * 100);
    await expect(board).to.be.accessible();

    // Scrolling to the end brings the last cards in.
    const rect = list.getBoundingClientRect();
    window.scrollTo(0, window.scrollY + rect.bottom - innerHeight);
    await waitUntil(
      () => rendered(board).some((li) => li.getAttribute('aria-posinset') === '1000'),
      'the last card renders',
    );
    expect(rendered(board).length).to.be.below(60);
    expect(cardText(card(board, 'Need number 999'))).to.contain('I can help');
    window.scrollTo(0, 0);
    await waitUntil(() => rendered(board)[0]!.getAttribute('aria-posinset') === '1', 'back at the top');
  });

  it('finds a far-away post by search and filters, and claims it by keyboard', async () => {
    const board = await boardFor({ store: await manyPosts(1000), person: BEN });
    type(field(root(board).querySelector('.filters')!, 'Search'), 'need number 987');
    await board.updateComplete;
    expect(rendered(board).map((li) => li.querySelector('h3')!.textContent!.trim())).to.deep.equal([
      'Need number 987',
    ]);
    const help = button(card(board, 'Need number 987'), 'I can help');
    help.focus();
    help.click();
    await waitUntil(() => cardText(card(board, 'Need number 987')).includes('You’re on this'));
    expect(root(board).activeElement?.textContent?.trim()).to.equal('Release my spot');
  });
});
