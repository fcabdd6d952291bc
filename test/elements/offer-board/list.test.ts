import { expect, waitUntil } from '@open-wc/testing';
import { claimSlot, createPost, type Post } from '../../../src/domain/offers.js';
import { WINDOW_FROM } from '../../../src/elements/offer-board/windowed-list.js';
import { MemoryAdapter, MemoryStore } from '../../../src/storage/index.js';
import { ANA, BEN, NOW, boardFor, button, card, cardText, field, root, type } from './helpers.js';
import type { TendOfferBoard } from '../../../src/elements/offer-board/index.js';
import type { TendProvider } from '../../../src/provider/index.js';

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

  it('shows a long board’s first cards before it works out how help is spread, which follows', async () => {
    const store = await manyPosts(600);
    const ben = new MemoryAdapter({ store, author: 'ben' });
    const first = (await ben.get<Post>('posts', 'p0000'))!;
    await ben.put('posts', 'p0000', claimSlot(first.value, BEN, { claimId: 'c1', now: NOW }), {
      expectedRev: first.rev,
    });
    const provider = document.createElement('tend-provider') as TendProvider;
    provider.adapter = ben;
    provider.setAttribute('user-id', 'ben');
    const board = document.createElement('tend-offer-board');
    board.board = 'maple';
    board.now = NOW;
    provider.append(board);
    document.body.append(provider);
    try {
      // What the first render with cards holds, seen as soon as it is in the page.
      const shown = await new Promise<{ cards: number; load: boolean }>((resolve) => {
        const observer = new MutationObserver(() => {
          const cards = rendered(board).length;
          if (!cards) return;
          observer.disconnect();
          resolve({ cards, load: root(board).querySelector('.load') !== null });
        });
        observer.observe(root(board), { childList: true, subtree: true });
      });
      expect(shown.cards).to.be.within(3, 60);
      expect(shown.load).to.equal(false);
      await waitUntil(() => root(board).querySelector('.load'), 'the load figures follow');
      expect(cardText(root(board).querySelector('.load')!)).to.contain(
        'Just for you: You have 1 thing on this week. You helped 1 time this week.',
      );
    } finally {
      provider.remove();
    }
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
