import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { claimSlot, createPost, type Post } from '../../../src/domain/offers.js';
import { MemoryAdapter, MemoryStore } from '../../../src/storage/index.js';
import {
  ANA,
  BEN,
  CLEO,
  NOW,
  boardFor,
  button,
  card,
  cardText,
  field,
  openDialog,
  root,
  seed,
  type,
} from './helpers.js';
import type { TendOfferBoard } from '../../../src/elements/offer-board/index.js';

const DAY = 86_400_000;
const titles = (board: TendOfferBoard) =>
  [...root(board).querySelectorAll('li.card h3')].map((h) => h.textContent!.trim());
const count = (board: TendOfferBoard) => cardText(root(board).querySelector('.count')!);

async function busyStore(): Promise<MemoryStore> {
  const store = new MemoryStore();
  await seed(
    store,
    'a',
    {
      kind: 'need',
      title: 'Ride to the clinic',
      category: 'rides',
      when: { flexible: false, start: '2026-03-05T09:00:00Z' },
    },
    BEN,
  );
  await seed(
    store,
    'b',
    { title: 'Soup on Tuesday', when: { flexible: false, start: '2026-03-03T17:00:00Z' } },
    ANA,
  );
  await seed(store, 'c', { title: 'Full soup', slots: 1 }, CLEO, (p) =>
    claimSlot(p, BEN, { claimId: 'x', now: NOW }),
  );
  await seed(
    store,
    'd',
    { kind: 'rotation', title: 'Meals for Sam', rotation: { recipientName: 'Sam', dates: ['2026-03-04'] } },
    CLEO,
  );
  await seed(
    store,
    'e',
    { title: 'Babysitting evenings', category: 'childcare', details: 'Two kids, under ten' },
    CLEO,
  );
  // Another board in the same community stays out of this one.
  const other = createPost('elm', { kind: 'offer', title: 'Elsewhere', category: 'meals' }, ANA, NOW);
  await new MemoryAdapter({ store }).put('posts', 'z', other);
  return store;
}

describe('<tend-offer-board>: finding things', () => {
  it('sorts soonest first and counts what matches', async () => {
    const board = await boardFor({ store: await busyStore(), person: ANA });
    expect(titles(board)).to.deep.equal([
      'Soup on Tuesday',
      'Meals for Sam',
      'Ride to the clinic',
      'Full soup',
      'Babysitting evenings',
    ]);
    expect(count(board)).to.equal('5 posts match.');
    await expect(board).to.be.accessible();
  });

  it('filters by kind, category, open only and mine, and searches text', async () => {
    const board = await boardFor({ store: await busyStore(), person: BEN });
    const filters = root(board).querySelector<HTMLElement>('.filters')!;
    field(filters, 'Needs').click();
    await board.updateComplete;
    expect(titles(board)).to.deep.equal(['Ride to the clinic']);
    field(filters, 'Rotations').click();
    await board.updateComplete;
    expect(titles(board)).to.deep.equal(['Meals for Sam']);
    field(filters, 'All').click();
    const category = field<HTMLSelectElement>(filters, 'Category');
    category.value = 'childcare';
    category.dispatchEvent(new Event('change'));
    await board.updateComplete;
    expect(titles(board)).to.deep.equal(['Babysitting evenings']);
    category.value = '';
    category.dispatchEvent(new Event('change'));
    field(filters, 'Open only').click();
    await board.updateComplete;
    expect(titles(board)).to.not.include('Full soup');
    field(filters, 'Open only').click();
    field(filters, 'Mine').click();
    await board.updateComplete;
    expect(titles(board)).to.deep.equal(['Ride to the clinic', 'Full soup']);
    field(filters, 'Mine').click();
    type(field(filters, 'Search'), 'UNDER TEN');
    await board.updateComplete;
    expect(titles(board)).to.deep.equal(['Babysitting evenings']);
    expect(count(board)).to.equal('1 post matches.');
    type(field(filters, 'Search'), 'nothing like this');
    await board.updateComplete;
    expect(cardText(root(board).querySelector('.empty')!)).to.equal('Nothing matches these filters.');
    await expect(board).to.be.accessible();
  });

  it('sorts newest first on request', async () => {
    const store = new MemoryStore();
    await seed(store, 'old', { title: 'Older' }, ANA, (p) => ({
      ...p,
      createdAt: new Date(NOW.getTime() - 2 * DAY).toISOString(),
    }));
    await seed(store, 'new', { title: 'Newer' }, ANA);
    const board = await boardFor({ store });
    const sort = field<HTMLSelectElement>(root(board).querySelector('.filters')!, 'Sort');
    sort.value = 'newest';
    sort.dispatchEvent(new Event('change'));
    await board.updateComplete;
    expect(titles(board)).to.deep.equal(['Newer', 'Older']);
  });
});

describe('<tend-offer-board>: load stays spread', () => {
  it('says how few people carry most of the help, draws it, and highlights needs nobody picked up', async () => {
    const store = new MemoryStore();
    let soup: Post = createPost(
      'maple',
      { kind: 'offer', title: 'Soup', category: 'meals', slots: 5 },
      ANA,
      NOW,
    );
    for (const who of ['p', 'q', 'r', 's'])
      soup = claimSlot(soup, { id: who, name: who }, { claimId: who, now: NOW });
    await new MemoryAdapter({ store }).put('posts', 'soup', soup);
    await seed(store, 'n1', { kind: 'need', title: 'Help with forms', category: 'errands' }, CLEO, (p) =>
      claimSlot(p, BEN, { claimId: 'b', now: NOW }),
    );
    await seed(
      store,
      'old',
      { kind: 'need', title: 'Someone to talk to', category: 'listening' },
      CLEO,
      (p) => ({
        ...p,
        createdAt: new Date(NOW.getTime() - 4 * DAY).toISOString(),
      }),
    );
    const board = await boardFor({ store, person: BEN });
    const load = root(board).querySelector('.load')!;
    expect(cardText(load)).to.contain('1 of 2 people carries 80 % of this week’s help.');
    expect(cardText(load)).to.contain('A few people are carrying a lot');
    expect(cardText(load)).to.contain('You have 1 thing on this week.');
    expect(cardText(load)).to.contain('1 need has waited 3 days or more for someone.');
    const bars = [...load.querySelectorAll('.bars li')].map((li) => cardText(li));
    expect(bars).to.deep.equal(['Ana 4', 'Ben 1']);
    expect(cardText(card(board, 'Someone to talk to'))).to.contain('Waiting 4 days for someone');
    await expect(board).to.be.accessible();
  });
});

describe('<tend-offer-board>: live, language, theme', () => {
  it('shows changes from another person live without losing what someone is typing', async () => {
    const store = new MemoryStore();
    const board = await boardFor({ store, person: ANA });
    button(root(board), 'Offer something').click();
    await board.updateComplete;
    const dialog = openDialog(board)!;
    type(field(dialog, 'Title'), 'Half-typed offer');
    await seed(store, 'n1', { kind: 'need', title: 'Arrived from another tab', category: 'errands' }, BEN);
    await waitUntil(() => titles(board).includes('Arrived from another tab'), 'the new post appears');
    expect(openDialog(board)).to.equal(dialog);
    expect(field(dialog, 'Title').value).to.equal('Half-typed offer');
    expect(count(board)).to.equal('1 post matches.');
  });

  it('speaks Spanish', async () => {
    const store = new MemoryStore();
    await seed(store, 'n1', { kind: 'need', title: 'Compras', category: 'errands' }, BEN);
    const board = await boardFor({ store, lang: 'es', person: ANA });
    expect(cardText(root(board).querySelector('h2')!)).to.equal('Ofrecimientos y necesidades');
    expect(cardText(card(board, 'Compras'))).to.contain('Puedo ayudar');
    expect(count(board)).to.equal('1 publicación coincide.');
    await expect(board).to.be.accessible();
  });

  it('is accessible in the dark theme', async () => {
    const board = await boardFor({ store: await busyStore(), person: BEN });
    board.theme = 'dark';
    await board.updateComplete;
    expect(getComputedStyle(board).colorScheme).to.equal('dark');
    await expect(board).to.be.accessible();
  });

  it('works alone on browser storage without a provider', async () => {
    const board = await fixture<TendOfferBoard>(html`<tend-offer-board board="solo"></tend-offer-board>`);
    await waitUntil(() => !board.posts.loading);
    expect(board.storage.constructor.name).to.equal('BrowserAdapter');
    expect(cardText(root(board).querySelector('.empty')!)).to.contain('Nothing here yet');
  });
});
