/**
 * The board's forms and questions are fetched the first time someone opens one. When that fetch
 * fails (the connection dropped), the person is told plainly where they acted and what to do, and
 * nothing opens half-drawn. (A browser remembers a module that failed for the rest of the page's
 * life, so the words say to reload the page.)
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { expect, waitUntil } from '@open-wc/testing';
import { markDone, claimSlot } from '../../../src/domain/offers.js';
import { MemoryStore } from '../../../src/storage/index.js';
import { ANA, BEN, NOW, boardFor, button, card, cardText, openDialog, root, seed } from './helpers.js';

const dropConnection = () => executeServerCommand('tend-unreachable', { files: ['board-dialogs.ts'] });
const restoreConnection = () => executeServerCommand('tend-unreachable', { files: [] });

const WORDS = 'This part of the board could not be loaded. Check your connection, then reload the page.';

describe('<tend-offer-board>: its forms cannot be fetched', () => {
  afterEach(restoreConnection);

  it('says so under the heading when a new post’s form cannot come', async () => {
    await dropConnection();
    const board = await boardFor();
    button(root(board), 'Offer or ask').click();
    await board.updateComplete;
    button(root(board), 'Offer something').click();
    await waitUntil(() => root(board).querySelector('[role="alert"]'), 'the problem is said');
    expect(cardText(root(board).querySelector('[role="alert"]')!)).to.equal(WORDS);
    expect(openDialog(board), 'nothing opens half-drawn').to.equal(undefined);
    await expect(board).to.be.accessible();
  });

  it('says so at the post when its question cannot come', async () => {
    await dropConnection();
    const store = new MemoryStore();
    await seed(store, 'o1', { title: 'Bike repair' }, ANA, (p) =>
      markDone(claimSlot(p, BEN, { claimId: 'c1', now: NOW }), 'c1'),
    );
    const ben = await boardFor({ store, person: BEN });
    button(card(ben, 'Bike repair'), 'Say thank you').click();
    await waitUntil(() => cardText(card(ben, 'Bike repair')).includes(WORDS), 'said at the post');
    expect(openDialog(ben)).to.equal(undefined);
  });
});
