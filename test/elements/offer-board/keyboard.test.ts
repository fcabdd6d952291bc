import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { claimSlot, markDone } from '../../../src/domain/offers.js';
import { MemoryStore } from '../../../src/storage/index.js';
import { ANA, BEN, NOW, boardFor, button, card, cardText, openDialog, root, seed } from './helpers.js';

const focused = (board: HTMLElement) => board.shadowRoot!.activeElement as HTMLElement | null;

describe('<tend-offer-board>: keyboard and dialogs', () => {
  it('opens the form with the keyboard, keeps focus inside the dialog, and returns it on Escape', async () => {
    const board = await boardFor();
    const opener = button(root(board), 'Ask for something');
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await board.updateComplete;
    const dialog = openDialog(board)!;
    expect(dialog.matches(':modal')).to.equal(true);
    expect(focused(board)?.getAttribute('name'), 'focus starts in the first field').to.equal('title');
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
});
