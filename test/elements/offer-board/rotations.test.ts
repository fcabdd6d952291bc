import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { claimSlot, pauseRotation } from '../../../src/domain/offers.js';
import { MemoryStore } from '../../../src/storage/index.js';
import {
  dialogOf,
  ANA,
  BEN,
  CLEO,
  NOW,
  boardFor,
  announced,
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

const DATES = ['2026-03-02', '2026-03-04', '2026-03-06'];

describe('<tend-offer-board>: rotations', () => {
  it('generates Mon/Wed/Fri for three weeks from the board’s clock, and previews them', async () => {
    // A Wednesday: the pattern starts on the organiser's day.
    const board = await boardFor({ now: new Date('2026-03-04T09:00:00') });
    const dialog = await openForm(board, 'Start a rotation');
    expect(field(dialog, 'Starting').value).to.equal('2026-03-04');
    chooseCategory(dialog, 'meals');
    type(field(dialog, 'What is it for?'), 'Meals for Sam and the baby');
    type(field(dialog, 'Who it’s for'), 'Sam');
    type(
      field<HTMLTextAreaElement>(dialog, 'Notes for helpers'),
      'No nuts, drop-off 5–6 pm, no visits please',
    );
    type(field<HTMLTextAreaElement>(dialog, 'For people signed up only'), '14 Maple St, side door');
    await board.updateComplete;
    expect(cardText(dialog.querySelector('.preview')!)).to.contain('9 dates');
    expect(cardText(dialog.querySelector('.preview')!)).to.contain('Wed, Mar 4');
    await expect(board).to.be.accessible();
    // Weekends only, for two weeks.
    for (const day of ['Mon', 'Wed', 'Fri', 'Sat']) field(dialog, day).click();
    type(field(dialog, 'For how many weeks'), '2');
    await board.updateComplete;
    expect(cardText(dialog.querySelector('.preview')!)).to.contain('2 dates: Sat, Mar 7, Sat, Mar 14');
    for (const day of ['Mon', 'Wed', 'Fri', 'Sat']) field(dialog, day).click();
    type(field(dialog, 'For how many weeks'), '3');
    await board.updateComplete;
    const posted = oneEvent(board, 'tend-offer-posted');
    button(dialog, 'Start rotation').click();
    const { detail } = await posted;
    expect(detail.kind).to.equal('rotation');
    await settle(board);
    const post = board.posts.get(detail.postId)!.value;
    expect(post.rotation!.dates).to.deep.equal([
      '2026-03-04',
      '2026-03-06',
      '2026-03-09',
      '2026-03-11',
      '2026-03-13',
      '2026-03-16',
      '2026-03-18',
      '2026-03-20',
      '2026-03-23',
    ]);
    expect(post.slots).to.equal(9);
    const text = cardText(card(board, 'Meals for Sam and the baby'));
    expect(text).to.contain('9 of 9 dates open');
    expect(text).to.contain('For Sam');
    expect(text).to.contain('No nuts, drop-off 5–6 pm, no visits please');
  });

  it('takes dates picked one by one', async () => {
    const board = await boardFor();
    const dialog = await openForm(board, 'Start a rotation');
    type(field(dialog, 'What is it for?'), 'Rides to chemo');
    type(field(dialog, 'Who it’s for'), 'Lou');
    field(dialog, 'Pick dates one by one').click();
    await board.updateComplete;
    for (const date of ['2026-03-10', '2026-03-05', '2026-03-10']) {
      field(dialog, 'Date').value = date;
      button(dialog, 'Add date').click();
      await board.updateComplete;
    }
    expect(cardText(dialog.querySelector('.preview')!)).to.contain('2 dates: Thu, Mar 5, Tue, Mar 10');
    button(dialog, 'Remove Thu, Mar 5').click();
    await board.updateComplete;
    expect(cardText(dialog.querySelector('.preview')!)).to.contain('1 date: Tue, Mar 10');
    await expect(board).to.be.accessible();
  });

  it('signs people up per date, shows filled and open dates as a list and a compact calendar', async () => {
    const store = new MemoryStore();
    await seed(
      store,
      'r1',
      {
        kind: 'rotation',
        title: 'Meals for Sam',
        rotation: { recipientName: 'Sam', dates: DATES },
        privateDetails: 'Side door',
      },
      ANA,
      (p) => claimSlot(p, CLEO, { claimId: 'c0', slot: '2026-03-02', now: NOW }),
    );
    const ben = await boardFor({ store, person: BEN });
    let rotation = card(ben, 'Meals for Sam');
    expect(cardText(rotation)).to.contain('2 of 3 dates open');
    expect(cardText(rotation)).to.contain('Mon, Mar 2 Cleo');
    expect(cardText(rotation)).to.not.contain('Side door');
    // The button says "Sign up"; its name carries the date once, its description the rotation.
    const signUp = button(rotation, 'Sign up for Wed, Mar 4');
    expect(cardText(signUp)).to.equal('Sign up');
    expect(signUp.getAttribute('aria-describedby')).to.equal(rotation.querySelector('h3')!.id);
    const claimed = oneEvent(ben, 'tend-offer-claimed');
    signUp.focus();
    signUp.click();
    expect((await claimed).detail).to.include({ postId: 'r1', status: 'active' });
    await settle(ben);
    rotation = card(ben, 'Meals for Sam');
    expect(cardText(rotation)).to.contain('Wed, Mar 4 yours');
    expect(cardText(rotation)).to.contain('You’re signed up for Wed, Mar 4. Thank you.');
    expect(announced(ben)).to.equal('You’re signed up for Wed, Mar 4. Thank you.');
    expect(root(ben).activeElement, 'focus stays on the date').to.equal(
      button(rotation, 'Release Wed, Mar 4'),
    );
    expect(cardText(rotation)).to.contain('Side door');
    expect(hasButton(rotation, 'Sign up for Fri, Mar 6')).to.equal(true);
    expect(hasButton(rotation, 'Release Wed, Mar 4')).to.equal(true);
    button(rotation, 'Calendar').click();
    await ben.updateComplete;
    const calendar = card(ben, 'Meals for Sam').querySelector('table')!;
    expect(cardText(calendar.querySelector('caption')!)).to.equal('March 2026');
    expect(calendar.querySelectorAll('th')).to.have.length(7);
    const cells = [...calendar.querySelectorAll('td[data-date]')].map((td) => cardText(td));
    expect(cells).to.deep.equal(['2 Mon, Mar 2: filled', '4 Wed, Mar 4: yours', '6 open']);
    // An open date is a button: its number, named with the whole date.
    expect(cardText(button(calendar, 'Sign up for Fri, Mar 6'))).to.equal('6');
    expect(button(card(ben, 'Meals for Sam'), 'Calendar').getAttribute('aria-pressed')).to.equal('true');
    await expect(ben).to.be.accessible();
    // Signing up from the calendar.
    button(calendar, 'Sign up for Fri, Mar 6').click();
    await settle(ben);
    expect(
      ben.posts
        .get('r1')!
        .value.claims.filter((c) => c.personId === 'ben')
        .map((c) => c.slot),
    ).to.deep.equal(['2026-03-04', '2026-03-06']);
    expect(cardText(card(ben, 'Meals for Sam').querySelector('td[data-date="2026-03-06"]')!)).to.equal(
      '6 Fri, Mar 6: yours',
    );
  });

  it('names the months in the calendar, one table a month, when the dates cross a month’s end', async () => {
    const store = new MemoryStore();
    await seed(store, 'r1', {
      kind: 'rotation',
      title: 'Meals for Sam',
      rotation: { recipientName: 'Sam', dates: ['2026-03-27', '2026-03-30', '2026-04-01', '2026-04-03'] },
    });
    const ben = await boardFor({ store, person: BEN });
    button(card(ben, 'Meals for Sam'), 'Calendar').click();
    await ben.updateComplete;
    const tables = [...card(ben, 'Meals for Sam').querySelectorAll('table')];
    expect(tables.map((t) => cardText(t.querySelector('caption')!))).to.deep.equal([
      'March 2026',
      'April 2026',
    ]);
    expect(
      tables.map((t) =>
        [...t.querySelectorAll<HTMLElement>('td[data-date]')].map((td) => td.dataset['date']),
      ),
    ).to.deep.equal([
      ['2026-03-27', '2026-03-30'],
      ['2026-04-01', '2026-04-03'],
    ]);
    // Each month's grid holds only its own days.
    expect(cardText(tables[1]!.querySelector('tbody tr')!).startsWith('1')).to.equal(true);
    expect(hasButton(tables[1]!, 'Sign up for Wed, Apr 1')).to.equal(true);
    await expect(ben).to.be.accessible();
    await inTheme(ben, 'dark');
    await expect(ben).to.be.accessible();
  });

  it('“that’s enough for now”: open dates pause, and people signed up see it kindly', async () => {
    const store = new MemoryStore();
    await seed(
      store,
      'r1',
      { kind: 'rotation', title: 'Meals for Sam', rotation: { recipientName: 'Sam', dates: DATES } },
      ANA,
      (p) => claimSlot(p, BEN, { claimId: 'c1', slot: '2026-03-04', now: NOW }),
    );
    const ana = await boardFor({ store, person: ANA });
    const ben = await boardFor({ store, person: BEN });
    const cleo = await boardFor({ store, person: CLEO });
    expect(hasButton(card(cleo, 'Meals for Sam'), 'Sign up for Fri, Mar 6')).to.equal(true);
    button(card(ana, 'Meals for Sam'), 'That’s enough for now').click();
    await settle(ana);
    expect(hasButton(card(ana, 'Meals for Sam'), 'Open dates again')).to.equal(true);
    await waitUntil(() => cardText(card(ben, 'Meals for Sam')).includes('your date still stands'));
    expect(cardText(card(ben, 'Meals for Sam'))).to.contain('Paused for now');
    await cleo.updateComplete;
    expect(hasButton(card(cleo, 'Meals for Sam'), 'Sign up for Fri, Mar 6')).to.equal(false);
    expect(cardText(card(cleo, 'Meals for Sam'))).to.contain('Fri, Mar 6 paused');
    expect(announced(ana)).to.equal('Paused for now');
    await expect(ben).to.be.accessible();
    button(card(ana, 'Meals for Sam'), 'Open dates again').click();
    await settle(ana);
    await waitUntil(() => hasButton(card(cleo, 'Meals for Sam'), 'Sign up for Fri, Mar 6'));
  });

  it('lets the recipient pause too', async () => {
    const store = new MemoryStore();
    await seed(store, 'r1', {
      kind: 'rotation',
      title: 'Meals for Sam',
      rotation: { recipientName: 'Sam', recipientId: 'sam', dates: DATES },
    });
    const sam = await boardFor({ store, person: { id: 'sam', name: 'Sam' } });
    button(card(sam, 'Meals for Sam'), 'That’s enough for now').click();
    await settle(sam);
    expect(sam.posts.get('r1')!.value.rotation!.pausedAt).to.equal(NOW.toISOString());
    expect(hasButton(card(sam, 'Meals for Sam'), 'Edit')).to.equal(false);
  });

  it('edits a rotation’s dates, but not away from someone’s date', async () => {
    const store = new MemoryStore();
    await seed(
      store,
      'r1',
      { kind: 'rotation', title: 'Meals for Sam', rotation: { recipientName: 'Sam', dates: DATES } },
      ANA,
      (p) => pauseRotation(claimSlot(p, BEN, { claimId: 'c1', slot: '2026-03-04', now: NOW }), ANA, NOW),
    );
    const ana = await boardFor({ store, person: ANA });
    button(card(ana, 'Meals for Sam'), 'Edit').click();
    const dialog = await dialogOf(ana);
    button(dialog, 'Remove Wed, Mar 4').click();
    await ana.updateComplete;
    button(dialog, 'Save').click();
    await waitUntil(() => dialog.querySelector('[role="alert"]'));
    expect(cardText(dialog.querySelector('[role="alert"]')!)).to.contain(
      'Someone holds a spot this change would remove',
    );
    button(dialog, 'Cancel').click();
    await waitUntil(() => !openDialog(ana));
    expect(ana.posts.get('r1')!.value.rotation!.dates).to.deep.equal(DATES);
  });
});
