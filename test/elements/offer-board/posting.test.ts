import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { MemoryStore } from '../../../src/storage/index.js';
import { addThanks, claimSlot, markDone } from '../../../src/domain/offers.js';
import {
  dialogOf,
  NOW,
  announced,
  boardFor,
  button,
  card,
  cardText,
  chooseCategory,
  field,
  hasButton,
  inTheme,
  openDialog,
  openForm,
  root,
  seed,
  settle,
  type,
} from './helpers.js';

describe('<tend-offer-board>: posting', () => {
  it('shows an empty board kindly: one way to start, no filters and no count, accessible in light and dark', async () => {
    const board = await boardFor();
    expect(cardText(root(board).querySelector('.empty')!)).to.contain('Nothing here yet');
    expect(root(board).querySelector('.filters'), 'nothing to filter yet').to.equal(null);
    expect(hasButton(root(board), 'Filter')).to.equal(false);
    expect(cardText(root(board).querySelector('[part="count"]')!), 'no “0 posts match.”').to.equal('');
    expect([...root(board).querySelectorAll('button.primary')].map((b) => cardText(b))).to.deep.equal([
      'Offer or ask',
    ]);
    await expect(board).to.be.accessible();
    await inTheme(board, 'dark');
    await expect(board).to.be.accessible();
  });

  it('“Offer or ask” is one button that opens a choice of the three kinds', async () => {
    const store = new MemoryStore();
    await seed(store, 'n1', { kind: 'need', title: 'Groceries', category: 'errands' });
    const board = await boardFor({ store });
    const opener = button(root(board), 'Offer or ask');
    const kinds = ['Offer something', 'Ask for something', 'Start a rotation'];
    expect(opener.getAttribute('aria-expanded')).to.equal('false');
    for (const kind of kinds) expect(hasButton(root(board), kind)).to.equal(false);
    expect(
      [...root(board).querySelectorAll('button.primary')].map((b) => cardText(b)),
      'one primary action in view',
    ).to.deep.equal(['Offer or ask']);
    opener.click();
    await board.updateComplete;
    expect(opener.getAttribute('aria-expanded')).to.equal('true');
    for (const kind of kinds) expect(hasButton(root(board), kind), kind).to.equal(true);
    await expect(board).to.be.accessible();
    opener.click();
    await board.updateComplete;
    expect(opener.getAttribute('aria-expanded')).to.equal('false');
    expect(hasButton(root(board), 'Offer something')).to.equal(false);
  });

  it('asks for a category on purpose: none is chosen for you, and a missing one is said at the field', async () => {
    const board = await boardFor();
    let dialog = await openForm(board, 'Ask for something');
    const category = field<HTMLSelectElement>(dialog, 'Category');
    expect(category.value, 'no silent default').to.equal('');
    expect(category.selectedOptions[0]!.textContent!.trim()).to.equal('Choose a category');
    expect(category.getAttribute('aria-required')).to.equal('true');
    type(field(dialog, 'Title'), 'Groceries on Friday');
    button(dialog, 'Post').click();
    await board.updateComplete;
    expect(openDialog(board), 'nothing is posted').to.equal(dialog);
    expect(board.posts.records).to.have.length(0);
    expect(category.getAttribute('aria-invalid')).to.equal('true');
    const error = root(board).getElementById(category.getAttribute('aria-describedby')!)!;
    expect(cardText(error)).to.equal('Please choose a category.');
    expect(error.classList.contains('field-error')).to.equal(true);
    await waitUntil(() => root(board).activeElement === category, 'the field takes focus');
    await expect(board).to.be.accessible();
    chooseCategory(dialog, 'errands');
    await board.updateComplete;
    expect(category.getAttribute('aria-invalid')).to.equal('false');
    expect(cardText(error)).to.equal('');
    button(dialog, 'Post').click();
    await waitUntil(() => !openDialog(board), 'posted');
    await settle(board);
    expect(board.posts.records[0]!.value.category).to.equal('errands');
    // A rotation asks too (it no longer starts as "Meals").
    dialog = await openForm(board, 'Start a rotation');
    expect(field<HTMLSelectElement>(dialog, 'Category').value).to.equal('');
    type(field(dialog, 'What is it for?'), 'Meals for Sam');
    type(field(dialog, 'Who it’s for'), 'Sam');
    await board.updateComplete;
    button(dialog, 'Start rotation').click();
    await board.updateComplete;
    expect(field<HTMLSelectElement>(dialog, 'Category').getAttribute('aria-invalid')).to.equal('true');
    expect(board.posts.records).to.have.length(1);
  });

  it('posts an offer through the won’t-resent check, shrinking it in one click', async () => {
    const store = new MemoryStore();
    const board = await boardFor({ store });
    const opener = button(root(board), 'Offer or ask');
    opener.focus();
    const dialog = await openForm(board, 'Offer something');
    expect(dialog.matches(':modal'), 'the form opens in a modal dialog').to.equal(true);
    await waitUntil(
      () => root(board).activeElement === field(dialog, 'Title'),
      'the first field takes focus',
    );
    await expect(board).to.be.accessible();
    type(field(dialog, 'Title'), 'Soup on Tuesdays');
    chooseCategory(dialog, 'meals');
    type(field<HTMLTextAreaElement>(dialog, 'Details'), 'Lentil, vegan');
    type(field(dialog, 'How many people or times'), '3');
    button(dialog, 'Post').click();
    await board.updateComplete;
    expect(cardText(dialog)).to.contain('Could you still do this on a tired day?');
    await waitUntil(
      () => root(board).activeElement === dialog.querySelector('h3'),
      'the check’s heading takes focus (the Post button is gone)',
    );
    await expect(board).to.be.accessible();
    button(dialog, 'Make it 2 instead of 3').click();
    await board.updateComplete;
    const posted = oneEvent(board, 'tend-offer-posted');
    button(dialog, 'Post it').click();
    const event = await posted;
    expect(Object.keys(event.detail).sort()).to.deep.equal(['board', 'kind', 'postId']);
    expect(event.detail).to.include({ board: 'maple', kind: 'offer' });
    expect(event.bubbles && event.composed).to.equal(true);
    await settle(board);
    await waitUntil(() => !openDialog(board), 'the dialog closes');
    expect(cardText(card(board, 'Soup on Tuesdays'))).to.contain('2 of 2 spots open');
    const stored = board.posts.get(event.detail.postId)!.value;
    expect(stored).to.include({ authorId: 'ana', authorName: 'Ana', slots: 2, title: 'Soup on Tuesdays' });
    await waitUntil(() => root(board).activeElement === opener, 'focus returns to the button that opened it');
    expect(announced(board), 'said to screen readers').to.equal('Posted. Thank you.');
  });
});

describe('<tend-offer-board>: posting, continued', () => {
  it('posts a need straight away (the check is for offers), with a time window and private details', async () => {
    const board = await boardFor();
    const dialog = await openForm(board, 'Ask for something');
    type(field(dialog, 'Title'), 'A ride to the clinic');
    chooseCategory(dialog, 'rides');
    field(dialog, 'Any time (flexible)').click();
    await board.updateComplete;
    type(field(dialog, 'From'), '2026-03-05T09:30');
    type(field(dialog, 'Until'), '2026-03-05T11:00');
    type(field<HTMLTextAreaElement>(dialog, 'Just for people signed up'), 'Flat 4, buzzer 2');
    const posted = oneEvent(board, 'tend-offer-posted');
    button(dialog, 'Post').click();
    const { detail } = await posted;
    await settle(board);
    const post = board.posts.get(detail.postId)!.value;
    expect(post.kind).to.equal('need');
    expect(post.when).to.deep.equal({
      flexible: false,
      start: new Date('2026-03-05T09:30').toISOString(),
      end: new Date('2026-03-05T11:00').toISOString(),
    });
    expect(post.privateDetails).to.equal('Flat 4, buzzer 2');
    expect(JSON.stringify(detail)).to.not.contain('Flat 4');
    expect(cardText(card(board, 'A ride to the clinic'))).to.contain('Flat 4, buzzer 2');
  });

  it('keeps the draft and says so plainly when saving fails', async () => {
    const store = new MemoryStore();
    const board = await boardFor({ store });
    const adapter = board.storage;
    const put = adapter.put.bind(adapter);
    adapter.put = () => Promise.reject(new Error('disk on fire'));
    const dialog = await openForm(board, 'Ask for something');
    type(field(dialog, 'Title'), 'Help moving a sofa');
    chooseCategory(dialog, 'errands');
    button(dialog, 'Post').click();
    await waitUntil(() => dialog.querySelector('[role="alert"]'), 'the problem is said');
    expect(cardText(dialog.querySelector('[role="alert"]')!)).to.contain('couldn’t be saved');
    expect(openDialog(board)).to.equal(dialog);
    expect(field(dialog, 'Title').value).to.equal('Help moving a sofa');
    await expect(board).to.be.accessible();
    adapter.put = put;
    button(dialog, 'Post').click();
    await waitUntil(() => !openDialog(board), 'the retry saves');
    expect(cardText(card(board, 'Help moving a sofa'))).to.contain('1 of 1 spot open');
  });

  it('lets the author edit and withdraw in one click; the card says withdrawn, never why', async () => {
    const store = new MemoryStore();
    await seed(store, 'p1', { title: 'Soup', slots: 2 });
    const board = await boardFor({ store });
    button(card(board, 'Soup'), 'Edit').click();
    const dialog = await dialogOf(board);
    expect(field(dialog, 'Title').value).to.equal('Soup');
    type(field(dialog, 'Title'), 'Lentil soup');
    button(dialog, 'Save').click();
    await waitUntil(() => !openDialog(board), 'saved without a check');
    const withdrawn = oneEvent(board, 'tend-offer-withdrawn');
    button(card(board, 'Lentil soup'), 'Withdraw').click();
    expect((await withdrawn).detail).to.deep.equal({ board: 'maple', postId: 'p1' });
    await settle(board);
    const text = cardText(card(board, 'Lentil soup'));
    expect(text).to.contain('Withdrawn');
    expect(text).to.contain('Thank you for letting people know');
    expect(hasButton(card(board, 'Lentil soup'), 'Withdraw')).to.equal(false);
    await expect(board).to.be.accessible();
  });

  it('renders markup in every user field as text', async () => {
    const store = new MemoryStore();
    const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    await seed(
      store,
      'p1',
      {
        title: `${evil} title`,
        details: `${evil} details`,
        place: `${evil} place`,
        privateDetails: `${evil} private`,
        terms: { quietHours: `${evil} quiet` },
      },
      { id: 'ana', name: `${evil} Ana` },
      (p) =>
        addThanks(
          markDone(claimSlot(p, { id: 'zed', name: `${evil} Zed` }, { claimId: 'c1', now: NOW }), 'c1'),
          'c1',
          'zed',
          `${evil} thanks`,
        ),
    );
    await seed(
      store,
      'r1',
      {
        kind: 'rotation',
        title: 'Meals',
        rotation: { recipientName: `${evil} Sam`, notes: `${evil} notes`, dates: ['2026-03-04'] },
      },
      { id: 'ana', name: 'Ana' },
    );
    const board = await boardFor({ store });
    expect(root(board).querySelector('img, b')).to.equal(null);
    const text = cardText(root(board).querySelector('.posts')!);
    for (const field of [
      'title',
      'details',
      'place',
      'private',
      'quiet',
      'Ana',
      'Zed',
      'thanks',
      'Sam',
      'notes',
    ])
      expect(text).to.contain(`${evil} ${field}`);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
