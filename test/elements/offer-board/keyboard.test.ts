import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { claimSlot, markDone } from '../../../src/domain/offers.js';
import { MemoryStore } from '../../../src/storage/index.js';
import type { TendOfferBoard } from '../../../src/elements/offer-board/index.js';
import {
  dialogOf,
  ANA,
  BEN,
  CLEO,
  NOW,
  announced,
  boardFor,
  button,
  card,
  cardText,
  openDialog,
  root,
  seed,
  settle,
} from './helpers.js';

const focused = (board: HTMLElement) => board.shadowRoot!.activeElement as HTMLElement | null;

describe('<tend-offer-board>: keyboard and dialogs', () => {
  it('opens the form with the keyboard, keeps focus inside the dialog, and returns it on Escape', async () => {
    const board = await boardFor();
    const opener = button(root(board), 'Offer or ask');
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await board.updateComplete;
    expect(opener.getAttribute('aria-expanded')).to.equal('true');
    expect(focused(board), 'focus stays on “Offer or ask”').to.equal(opener);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(board)?.textContent?.trim()).to.equal('Ask for something');
    await sendKeys({ press: 'Enter' });
    const dialog = await dialogOf(board);
    expect(dialog.matches(':modal')).to.equal(true);
    await waitUntil(
      () => focused(board)?.getAttribute('name') === 'title',
      'focus starts in the first field of the form',
    );
    await sendKeys({ type: 'Soup' });
    // Tabbing all the way round never reaches the page behind (it is inert); past the last
    // control the browser's own UI may take focus, as with every native modal dialog.
    let inside = 0;
    for (let i = 0; i < 20; i++) {
      await sendKeys({ press: 'Tab' });
      const here = focused(board);
      if (here) {
        expect(dialog.contains(here), here.outerHTML.slice(0, 60)).to.equal(true);
        inside++;
      } else expect([document.body, null]).to.include(document.activeElement);
    }
    expect(inside).to.be.greaterThan(15);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !openDialog(board), 'Escape closes it');
    await waitUntil(() => focused(board) === opener, 'focus returns to the button');
  });

  it('claims with Enter and keeps focus on the card', async () => {
    const store = new MemoryStore();
    await seed(store, 'n1', { kind: 'need', title: 'Groceries', category: 'errands' }, ANA);
    const board = await boardFor({ store, person: BEN });
    button(card(board, 'Groceries'), 'I can help').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => cardText(card(board, 'Groceries')).includes('You’re on this'));
    expect(focused(board)?.textContent?.trim()).to.equal('Release my spot');
    await sendKeys({ press: 'Space' });
    await waitUntil(() => cardText(card(board, 'Groceries')).includes('Released'));
  });

  it('the thank-you dialog is accessible and sends with the keyboard', async () => {
    const store = new MemoryStore();
    await seed(store, 'o1', { title: 'Bike repair' }, ANA, (p) =>
      markDone(claimSlot(p, BEN, { claimId: 'c1', now: NOW }), 'c1'),
    );
    const board = await boardFor({ store, person: BEN });
    button(card(board, 'Bike repair'), 'Say thank you').focus();
    await sendKeys({ press: 'Enter' });
    await board.updateComplete;
    await expect(board).to.be.accessible();
    await sendKeys({ type: 'Thank you, it rides like new' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(board)?.textContent?.trim()).to.equal('Send');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !openDialog(board));
    expect(board.posts.get('o1')!.value.claims[0]!.thanks).to.equal('Thank you, it rides like new');
  });

  it('moves through the main flows with the keyboard, and focus never falls out of the board', async () => {
    const store = new MemoryStore();
    await seed(
      store,
      'r1',
      {
        kind: 'rotation',
        title: 'Meals for Sam',
        rotation: { recipientName: 'Sam', dates: ['2026-03-04', '2026-03-06'] },
      },
      CLEO,
    );
    await seed(store, 'o1', { title: 'Bike repair' }, CLEO, (p) =>
      markDone(claimSlot(p, BEN, { claimId: 'c1', now: NOW }), 'c1'),
    );
    await seed(store, 'o2', { title: 'Soup' }, CLEO, (p) => claimSlot(p, BEN, { claimId: 'c2', now: NOW }));
    const ana = await boardFor({ store, person: ANA });
    const ben = await boardFor({ store, person: BEN });
    const cleo = await boardFor({ store, person: CLEO });
    /** After each step: focus is on something inside the board, never on the page's body. */
    const inside = async (board: TendOfferBoard, step: string) => {
      await board.updateComplete;
      await waitUntil(() => focused(board), `${step}: focus is inside the board`);
      expect(document.activeElement, step).to.equal(board);
    };

    // Ana: "Offer or ask" → Offer something → fill → Post → the quick check → Post it.
    button(root(ana), 'Offer or ask').focus();
    await sendKeys({ press: 'Enter' });
    await inside(ana, 'the choice of kinds');
    await sendKeys({ press: 'Tab' });
    expect(focused(ana)!.textContent!.trim()).to.equal('Offer something');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focused(ana)?.getAttribute('name') === 'title', 'the form’s first field');
    await sendKeys({ type: 'Garden tools to lend' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(ana)?.getAttribute('name')).to.equal('category');
    await sendKeys({ press: 'ArrowDown' });
    await ana.updateComplete;
    expect((focused(ana) as HTMLSelectElement).value, 'a category chosen with the keyboard').to.equal(
      'meals',
    );
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await inside(ana, 'the quick check');
    expect(focused(ana)!.textContent).to.equal('A quick check before you post');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(ana)!.textContent!.trim()).to.equal('Post it');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !openDialog(ana), 'posted');
    await inside(ana, 'after posting');
    expect(focused(ana)!.textContent!.trim()).to.equal('Offer or ask');
    expect(announced(ana)).to.equal('Posted. Thank you.');

    // Ben: claim Ana's offer, release it, sign up for a rotation date, say thank you.
    await waitUntil(() => root(ben).textContent!.includes('Garden tools to lend'), 'Ben sees the offer');
    button(card(ben, 'Garden tools to lend'), 'I’d like this').focus();
    await sendKeys({ press: 'Enter' });
    await settle(ben);
    await inside(ben, 'after claiming');
    expect(focused(ben)!.textContent!.trim()).to.equal('Release my spot');
    expect(announced(ben)).to.equal('You’re on this. Thank you.');
    await sendKeys({ press: 'Enter' });
    await settle(ben);
    await inside(ben, 'after releasing');
    expect(announced(ben)).to.equal('Released. The spot is open again for someone else.');
    button(card(ben, 'Meals for Sam'), 'Sign up for Wed, Mar 4').focus();
    await sendKeys({ press: 'Enter' });
    await settle(ben);
    await inside(ben, 'after signing up for a date');
    expect(focused(ben)!.getAttribute('aria-label')).to.equal('Release Wed, Mar 4');
    expect(announced(ben)).to.equal('You’re signed up for Wed, Mar 4. Thank you.');
    button(card(ben, 'Bike repair'), 'Say thank you').focus();
    await sendKeys({ press: 'Enter' });
    // The question's module comes the first time one opens: type only once its field has focus.
    await dialogOf(ben);
    await waitUntil(() => focused(ben)?.localName === 'textarea', 'the thank-you field has focus');
    await inside(ben, 'the thank-you');
    await sendKeys({ type: 'Thank you!' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !openDialog(ben), 'sent');
    await inside(ben, 'after thanking');
    expect(announced(ben)).to.equal('Your thank-you is sent.');

    // Cleo: mark Ben's soup done, answer "would you offer this again?".
    await waitUntil(() => root(cleo).textContent!.includes('Thank you!'), 'Cleo sees the thanks');
    button(card(cleo, 'Soup'), 'Mark done').focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => openDialog(cleo), 'the question opens');
    await inside(cleo, 'the question');
    expect(announced(cleo)).to.equal('Done. Thank you.');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(cleo)!.textContent!.trim()).to.equal('Yes');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !openDialog(cleo), 'answered');
    await inside(cleo, 'after answering');
    expect(focused(cleo)).to.equal(card(cleo, 'Soup').querySelector('h3'));
    expect(announced(cleo)).to.equal('Saved.');
  });
});
