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
  hasButton,
  inTheme,
  openDialog,
  openForm,
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
    expect(count(board), 'no count while nothing is filtered').to.equal('');
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
    expect(count(board)).to.equal('Nothing matches these filters.');
    expect(root(board).querySelector('.empty'), 'said once').to.equal(null);
    await expect(board).to.be.accessible();
  });

  it('on a narrow board, the filters wait behind one “Filter” button that says how many are on', async () => {
    const board = await boardFor({ store: await busyStore(), person: BEN });
    const filters = root(board).querySelector<HTMLElement>('.filters')!;
    const toggle = button(root(board), 'Filter');
    expect(getComputedStyle(toggle).display, 'a wide board shows the filters as they are').to.equal('none');
    expect(getComputedStyle(filters).display).to.not.equal('none');
    board.style.inlineSize = '375px';
    await board.updateComplete;
    expect(getComputedStyle(toggle).display).to.not.equal('none');
    expect(getComputedStyle(filters).display, 'collapsed').to.equal('none');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal(filters.id);
    toggle.click();
    await board.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(getComputedStyle(filters).display).to.not.equal('none');
    field(filters, 'Needs').click();
    field(filters, 'Open only').click();
    await board.updateComplete;
    expect(cardText(toggle)).to.equal('Filter 2 on');
    expect(count(board)).to.equal('1 post matches.');
    await expect(board).to.be.accessible();
    toggle.click();
    await board.updateComplete;
    expect(getComputedStyle(filters).display).to.equal('none');
    expect(hasButton(root(board), 'Filter 2 on'), 'still says what is on').to.equal(true);
    board.style.inlineSize = '';
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
  const loadText = (board: TendOfferBoard) => cardText(root(board).querySelector('.load')!);
  const spreadText = (board: TendOfferBoard) => cardText(root(board).querySelector('.load .spread')!);

  /** Ana's offer claimed by four people (Ana helps four times), and one need each picked up by `helpers`. */
  async function unevenStore(helpers: string[]): Promise<MemoryStore> {
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
    for (const who of helpers)
      await seed(store, `n-${who}`, { kind: 'need', title: `Forms ${who}`, category: 'errands' }, CLEO, (p) =>
        claimSlot(p, { id: who, name: who === 'ben' ? 'Ben' : who }, { claimId: who, now: NOW }),
      );
    return store;
  }

  it('says nothing about the spread while fewer than three people helped, and names nobody', async () => {
    const store = await unevenStore(['ben']);
    await seed(
      store,
      'old',
      { kind: 'need', title: 'Someone to talk to', category: 'listening' },
      CLEO,
      (p) => ({ ...p, createdAt: new Date(NOW.getTime() - 4 * DAY).toISOString() }),
    );
    const board = await boardFor({ store, person: BEN });
    expect(spreadText(board)).to.equal(
      'Some help has been given this week. Thank you to everyone who helped.',
    );
    expect(loadText(board)).to.contain(
      'Just for you: You have 1 thing on this week. You helped 1 time this week.',
    );
    expect(loadText(board)).to.contain('1 need has waited 3 days or more for someone.');
    expect(loadText(board)).not.to.contain('Ana');
    expect(root(board).querySelector('[part="chart"]')).to.equal(null);
    expect(cardText(card(board, 'Someone to talk to'))).to.contain('Waiting 4 days for someone');
    await expect(board).to.be.accessible();
  });

  it('says how few gave most of it when help is uneven, without a name or a figure per person', async () => {
    const store = await unevenStore(['ben', 'dee', 'eli']);
    const board = await boardFor({ store, person: BEN });
    expect(spreadText(board)).to.equal(
      'Most of this week’s help came from very few of the 4 people who helped. If you have room, an open need is a kind place to start.',
    );
    const load = root(board).querySelector('.load')!;
    for (const name of ['Ana', 'ana', 'dee', 'eli', '80 %']) expect(cardText(load)).not.to.contain(name);
    expect(load.querySelector('[part="chart"]')).not.to.equal(null);
    // Only Ben's own figures, and no note to rest: he gave one piece of help.
    expect(cardText(load)).to.contain('You helped 1 time this week.');
    expect(cardText(load)).not.to.contain('You’ve given a lot');
    await expect(board).to.be.accessible();
  });

  it('tells the person who gave a lot, and only them, that it is fine to rest', async () => {
    const store = await unevenStore(['ben', 'dee', 'eli']);
    const board = await boardFor({ store, person: ANA });
    expect(loadText(board)).to.contain('You helped 4 times this week. Thank you.');
    expect(loadText(board)).to.contain('You’ve given a lot this week. It’s fine to rest');
  });

  it('says help was shared when it was even: never that a few carry most', async () => {
    const store = new MemoryStore();
    for (const who of ['ben', 'dee', 'eli', 'fay'])
      await seed(store, `n-${who}`, { kind: 'need', title: `Forms ${who}`, category: 'errands' }, CLEO, (p) =>
        claimSlot(p, { id: who }, { claimId: who, now: NOW }),
      );
    const board = await boardFor({ store, person: ANA });
    expect(spreadText(board)).to.equal('This week’s help was shared among 4 people. Thank you, everyone.');
    expect(root(board).querySelector('[part="chart"]')).to.equal(null);
  });

  it('waits for min-group helpers, and never for fewer than three', async () => {
    const four = await unevenStore(['ben', 'dee', 'eli']);
    const strict = await boardFor({ store: four, person: BEN, minGroup: 5 });
    expect(spreadText(strict)).to.contain('Some help has been given');
    const two = await unevenStore(['ben']);
    const lax = await boardFor({ store: two, person: BEN, minGroup: 1 });
    expect(lax.minGroup).to.equal(1);
    expect(spreadText(lax)).to.contain('Some help has been given');
  });

  it('speaks Spanish', async () => {
    const board = await boardFor({
      store: await unevenStore(['ben', 'dee', 'eli']),
      person: BEN,
      lang: 'es',
    });
    expect(spreadText(board)).to.contain(
      'La mayor parte de la ayuda de esta semana vino de muy pocas de las 4',
    );
    expect(loadText(board)).to.contain(
      'Solo para ti: Esta semana tienes 1 cosa pendiente. Ayudaste 1 vez esta semana.',
    );
  });
});

describe('<tend-offer-board>: live, language, theme', () => {
  it('shows changes from another person live without losing what someone is typing', async () => {
    const store = new MemoryStore();
    const board = await boardFor({ store, person: ANA });
    const dialog = await openForm(board, 'Offer something');
    type(field(dialog, 'Title'), 'Half-typed offer');
    await seed(store, 'n1', { kind: 'need', title: 'Arrived from another tab', category: 'errands' }, BEN);
    await waitUntil(() => titles(board).includes('Arrived from another tab'), 'the new post appears');
    expect(openDialog(board)).to.equal(dialog);
    expect(field(dialog, 'Title').value).to.equal('Half-typed offer');
    expect(titles(board)).to.deep.equal(['Arrived from another tab']);
  });

  it('speaks Spanish', async () => {
    const store = new MemoryStore();
    await seed(store, 'n1', { kind: 'need', title: 'Compras', category: 'errands' }, BEN);
    const board = await boardFor({ store, lang: 'es', person: ANA });
    expect(cardText(root(board).querySelector('h2')!)).to.equal('Ofrecimientos y necesidades');
    expect(cardText(card(board, 'Compras'))).to.contain('Puedo ayudar');
    type(field(root(board).querySelector('.filters')!, 'Buscar'), 'compras');
    await board.updateComplete;
    expect(count(board)).to.equal('1 publicación coincide.');
    await expect(board).to.be.accessible();
  });

  it('writes counts by each language’s plural rules: the noun agrees with the total', async () => {
    const store = new MemoryStore();
    await seed(store, 's2', { title: 'Two soups', slots: 2 }, CLEO, (p) =>
      claimSlot(p, BEN, { claimId: 'x', now: NOW }),
    );
    await seed(store, 's1', { title: 'One soup', slots: 1 }, CLEO);
    await seed(store, 'n1', { kind: 'need', title: 'Two rides', category: 'rides', slots: 2 }, CLEO, (p) =>
      claimSlot(p, BEN, { claimId: 'y', now: NOW }),
    );
    await seed(
      store,
      'r1',
      { kind: 'rotation', title: 'Meals for Sam', rotation: { recipientName: 'Sam', dates: ['2026-03-04'] } },
      CLEO,
    );
    const en = await boardFor({ store, person: ANA });
    expect(cardText(card(en, 'Two soups'))).to.contain('1 of 2 spots open');
    expect(cardText(card(en, 'One soup'))).to.contain('1 of 1 spot open');
    expect(cardText(card(en, 'Meals for Sam'))).to.contain('1 of 1 date open');
    expect(cardText(card(en, 'Two soups'))).to.contain('Who it’s for Ben: receiving');
    expect(cardText(card(en, 'Two rides'))).to.contain('Who’s helping Ben: signed up');
    // The count shows while a filter narrows the list.
    en.filters = { ...en.filters, openOnly: true };
    await en.updateComplete;
    expect(count(en)).to.equal('4 posts match.');
    const es = await boardFor({ store, person: ANA, lang: 'es' });
    expect(cardText(card(es, 'Two soups'))).to.contain('1 de 2 lugares libres');
    expect(cardText(card(es, 'One soup'))).to.contain('1 de 1 lugar libre');
    expect(cardText(card(es, 'Meals for Sam'))).to.contain('1 de 1 fecha libre');
    expect(cardText(card(es, 'Two soups'))).to.contain('Para quién es Ben: lo recibe');
    expect(cardText(card(es, 'Two rides'))).to.contain('Quién ayuda Ben: se apuntó');
    es.filters = { ...es.filters, openOnly: true };
    await es.updateComplete;
    expect(count(es)).to.equal('4 publicaciones coinciden.');
  });

  it('is accessible in the dark theme', async () => {
    const board = await boardFor({ store: await busyStore(), person: BEN });
    await inTheme(board, 'dark');
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
