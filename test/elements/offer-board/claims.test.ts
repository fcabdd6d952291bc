import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { ConflictError, MemoryAdapter, MemoryStore, type WriteOptions } from '../../../src/storage/index.js';
import { claimSlot, markDone, reflectionId, type Post } from '../../../src/domain/offers.js';
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
  field,
  hasButton,
  openDialog,
  root,
  seed,
  settle,
} from './helpers.js';

const stored = async (store: MemoryStore, id: string): Promise<Post> =>
  (await new MemoryAdapter({ store }).get<Post>('posts', id))!.value;

describe('<tend-offer-board>: claims', () => {
  it('claims a need with “I can help”, and releasing is as easy: the slot opens again at once', async () => {
    const store = new MemoryStore();
    await seed(store, 'n1', { kind: 'need', title: 'Groceries on Friday', category: 'errands' }, ANA);
    const board = await boardFor({ store, person: BEN });
    const claimed = oneEvent(board, 'tend-offer-claimed');
    const help = button(card(board, 'Groceries on Friday'), 'I can help');
    help.focus();
    help.click();
    const { detail } = await claimed;
    expect(Object.keys(detail).sort()).to.deep.equal(['board', 'claimId', 'postId', 'status']);
    expect(detail).to.include({ board: 'maple', postId: 'n1', status: 'active' });
    await settle(board);
    expect(cardText(card(board, 'Groceries on Friday'))).to.contain('You’re on this');
    expect(cardText(card(board, 'Groceries on Friday'))).to.contain('Full');
    expect(root(board).activeElement?.textContent?.trim(), 'focus stays on the card').to.equal(
      'Release my spot',
    );
    await expect(board).to.be.accessible();
    const released = oneEvent(board, 'tend-offer-released');
    button(card(board, 'Groceries on Friday'), 'Release my spot').click();
    expect((await released).detail).to.deep.equal({ board: 'maple', postId: 'n1', claimId: detail.claimId });
    await settle(board);
    const text = cardText(card(board, 'Groceries on Friday'));
    expect(text).to.contain('1 of 1 spot open');
    expect(text).to.contain('Newly open');
    expect(text).to.contain('Released. The spot is open again');
    expect((await stored(store, 'n1')).claims[0]!.status).to.equal('released');
  });

  it('two people claiming the last slot at the same moment: exactly one gets it, the other is told kindly', async () => {
    const store = new MemoryStore();
    await seed(store, 'o1', { title: 'Last soup', slots: 1 }, ANA);
    const ben = await boardFor({ store, person: BEN });
    const cleo = await boardFor({ store, person: CLEO });
    // Count the stale writes, to be sure the two claims really raced.
    let conflicts = 0;
    for (const board of [ben, cleo]) {
      const adapter = board.storage;
      const put = adapter.put.bind(adapter);
      adapter.put = <T>(collection: string, id: string, value: T, options?: WriteOptions) =>
        put<T>(collection, id, value, options).catch((error: unknown) => {
          if (error instanceof ConflictError) conflicts++;
          throw error;
        });
    }
    // Both press before either write lands: each read sees the slot open.
    button(card(ben, 'Last soup'), 'I’d like this').click();
    button(card(cleo, 'Last soup'), 'I’d like this').click();
    await settle(ben);
    await settle(cleo);
    const post = await stored(store, 'o1');
    expect(post.claims.filter((c) => c.status === 'active')).to.have.length(1);
    expect(conflicts, 'one write found the revision stale and was retried').to.equal(1);
    const winner = post.claims[0]!.personId === 'ben' ? ben : cleo;
    const other = winner === ben ? cleo : ben;
    await waitUntil(() =>
      cardText(card(other, 'Last soup')).includes('Someone took the last spot just before you'),
    );
    expect(cardText(card(winner, 'Last soup'))).to.contain('You’re on this');
    expect(cardText(card(other, 'Last soup'))).to.contain('Full');
    await expect(other).to.be.accessible();
  });

  it('“ask me first” makes a claim a request the author accepts; private details show only after a yes', async () => {
    const store = new MemoryStore();
    await seed(store, 'o1', {
      title: 'Spare room',
      category: 'stay',
      terms: { askFirst: true },
      privateDetails: 'Key under the blue pot',
    });
    const ben = await boardFor({ store, person: BEN });
    const ana = await boardFor({ store, person: ANA });
    const cleo = await boardFor({ store, person: CLEO });
    const claimed = oneEvent(ben, 'tend-offer-claimed');
    button(card(ben, 'Spare room'), 'Ask for this').click();
    expect((await claimed).detail.status).to.equal('requested');
    await settle(ben);
    expect(cardText(card(ben, 'Spare room'))).to.contain('You asked');
    expect(cardText(card(ben, 'Spare room'))).to.not.contain('Key under the blue pot');
    await waitUntil(() => hasButton(card(ana, 'Spare room'), 'Say yes'), 'the author sees the request live');
    // A request waits for a yes: the offer is not "full", for anyone.
    await cleo.updateComplete;
    for (const [board, words] of [
      [ana, '1 request waiting for your yes'],
      [ben, '1 request waiting for Ana’s yes'],
      [cleo, '1 request waiting for Ana’s yes'],
    ] as const) {
      expect(cardText(card(board, 'Spare room'))).to.contain(words);
      expect(cardText(card(board, 'Spare room'))).to.not.contain('Full');
    }
    expect(cardText(card(ana, 'Spare room'))).to.contain('Who it’s for Ben: asked');
    await expect(ana).to.be.accessible();
    button(card(ana, 'Spare room'), 'Say yes').click();
    await settle(ana);
    expect(announced(ana)).to.equal('You said yes to Ben.');
    expect(cardText(card(ana, 'Spare room'))).to.contain('Ben: receiving');
    expect(cardText(card(ana, 'Spare room'))).to.contain('Full: every spot is taken.');
    await waitUntil(() => cardText(card(ben, 'Spare room')).includes('Key under the blue pot'));
    expect(cardText(card(ben, 'Spare room'))).to.contain('You’re on this');
    // Someone browsing never gets the private details, not even in the DOM.
    await cleo.updateComplete;
    expect(root(cleo).innerHTML).to.not.contain('Key under the blue pot');
    expect(cardText(card(cleo, 'Spare room'))).to.contain('Full');
    await expect(cleo).to.be.accessible();
  });

  it('names people who claim a need as helpers, and people who claim an offer as receiving it', async () => {
    const store = new MemoryStore();
    await seed(store, 'n1', { kind: 'need', title: 'Groceries', category: 'errands' }, ANA, (p) =>
      claimSlot(p, BEN, { claimId: 'c1', now: NOW }),
    );
    await seed(store, 'o1', { title: 'Soup', slots: 2 }, ANA, (p) =>
      claimSlot(p, BEN, { claimId: 'c2', now: NOW }),
    );
    const ana = await boardFor({ store, person: ANA });
    expect(cardText(card(ana, 'Groceries'))).to.contain('Who’s helping Ben: signed up');
    const soup = cardText(card(ana, 'Soup'));
    expect(soup).to.contain('Who it’s for Ben: receiving');
    expect(soup).to.not.contain('Who’s on it');
    expect(soup).to.not.contain('on it');
  });

  it('the author can decline a request kindly, and the slot opens again', async () => {
    const store = new MemoryStore();
    await seed(store, 'o1', { title: 'Spare room', terms: { askFirst: true } }, ANA, (p) =>
      claimSlot(p, BEN, { claimId: 'c1', now: NOW }),
    );
    const ana = await boardFor({ store, person: ANA });
    const ben = await boardFor({ store, person: BEN });
    expect(cardText(card(ana, 'Spare room'))).to.contain('1 request waiting for your yes');
    button(card(ana, 'Spare room'), 'Not this time').click();
    await settle(ana);
    expect(announced(ana)).to.equal('You told Ben not this time.');
    await waitUntil(() => cardText(card(ben, 'Spare room')).includes('Not this time. Thank you for asking.'));
    expect(cardText(card(ana, 'Spare room'))).to.contain('1 of 1 spot open');
  });

  it('nudges gently before a claim would take someone past max-commitments, and never blocks', async () => {
    const store = new MemoryStore();
    for (const n of [1, 2, 3])
      await seed(store, `n${n}`, { kind: 'need', title: `Need ${n}`, category: 'errands' }, ANA, (p) =>
        claimSlot(p, BEN, { claimId: `c${n}`, now: NOW }),
      );
    await seed(store, 'n4', { kind: 'need', title: 'One more need', category: 'errands' }, ANA);
    const board = await boardFor({ store, person: BEN, max: 3 });
    expect(cardText(root(board).querySelector('.load')!)).to.contain('You have 3 things on this week');
    const claim = button(card(board, 'One more need'), 'I can help');
    claim.focus();
    claim.click();
    let dialog = await dialogOf(board);
    expect(cardText(dialog)).to.contain('Do you still want to take this on?');
    expect(cardText(dialog)).to.contain('You already have 3 things on this week');
    await expect(board).to.be.accessible();
    button(dialog, 'Not this time').click();
    await waitUntil(() => !openDialog(board));
    await waitUntil(() => root(board).activeElement === claim, 'focus returns to the button');
    expect((await stored(store, 'n4')).claims).to.have.length(0);
    claim.click();
    dialog = await dialogOf(board);
    button(dialog, 'Yes, I have room').click();
    await waitUntil(() => board.posts.get('n4')!.value.claims.length === 1, 'the claim goes through');
    await settle(board);
    expect(cardText(root(board).querySelector('.load')!)).to.contain('You have 4 things on this week');
    expect(cardText(root(board).querySelector('.load')!)).to.contain('It’s okay to release something');
  });

  it('asks the author privately “would you offer this again?” after marking an offer done, and keeps the answer off the post', async () => {
    const store = new MemoryStore();
    await seed(store, 'o1', { title: 'Bike repair' }, ANA, (p) =>
      claimSlot(p, BEN, { claimId: 'c1', now: NOW }),
    );
    const ana = await boardFor({ store, person: ANA });
    button(card(ana, 'Bike repair'), 'Mark done').click();
    const dialog = await dialogOf(ana);
    expect(cardText(dialog)).to.contain('Would you offer this again?');
    expect(cardText(dialog)).to.contain('Only you see this answer');
    await expect(ana).to.be.accessible();
    button(dialog, 'No, not like this').click();
    await waitUntil(() => !openDialog(ana));
    expect(announced(ana)).to.equal('Saved.');
    await waitUntil(
      () => root(ana).activeElement === card(ana, 'Bike repair').querySelector('h3'),
      'focus goes to the post (its “Mark done” button is gone)',
    );
    const reflection = await new MemoryAdapter({ store }).get('offer-reflections', reflectionId('o1', 'ana'));
    expect(reflection!.value).to.deep.include({ postId: 'o1', personId: 'ana', again: false });
    const post = await stored(store, 'o1');
    expect(post.claims[0]!.status).to.equal('done');
    expect(JSON.stringify(post)).to.not.contain('again');
  });

  it('a “no” feeds the nudge: the limit comes one sooner, said gently', async () => {
    const store = new MemoryStore();
    await new MemoryAdapter({ store, author: 'ben' }).put('offer-reflections', reflectionId('old', 'ben'), {
      postId: 'old',
      personId: 'ben',
      again: false,
      at: NOW.toISOString(),
    });
    for (const n of [1, 2])
      await seed(store, `n${n}`, { kind: 'need', title: `Need ${n}`, category: 'errands' }, ANA, (p) =>
        claimSlot(p, BEN, { claimId: `c${n}`, now: NOW }),
      );
    await seed(store, 'n3', { kind: 'need', title: 'Third need', category: 'errands' }, ANA);
    const board = await boardFor({ store, person: BEN, max: 3 });
    await waitUntil(() => !board.reflections.loading);
    button(card(board, 'Third need'), 'I can help').click();
    expect(cardText(await dialogOf(board))).to.contain('you might not offer something again');
  });

  it('lets the claimant say thank you after it is done', async () => {
    const store = new MemoryStore();
    await seed(store, 'o1', { title: 'Bike repair' }, ANA, (p) =>
      markDone(claimSlot(p, BEN, { claimId: 'c1', now: NOW }), 'c1'),
    );
    const ben = await boardFor({ store, person: BEN });
    const ana = await boardFor({ store, person: ANA });
    button(card(ben, 'Bike repair'), 'Say thank you').click();
    const dialog = await dialogOf(ben);
    const words = field<HTMLTextAreaElement>(dialog, 'Your thank-you');
    words.value = 'My bike <b>flies</b> now';
    button(dialog, 'Send').click();
    await waitUntil(() => !openDialog(ben));
    expect(announced(ben)).to.equal('Your thank-you is sent.');
    await waitUntil(() =>
      cardText(card(ana, 'Bike repair')).includes('Ben: received My bike <b>flies</b> now'),
    );
    expect(hasButton(card(ben, 'Bike repair'), 'Say thank you')).to.equal(false);
  });

  it('people who had claimed a withdrawn post see that it was withdrawn, live and without blame', async () => {
    const store = new MemoryStore();
    await seed(store, 'o1', { title: 'Soup', slots: 2 }, ANA, (p) =>
      claimSlot(p, BEN, { claimId: 'c1', now: NOW }),
    );
    const ana = await boardFor({ store, person: ANA });
    const ben = await boardFor({ store, person: BEN });
    const cleo = await boardFor({ store, person: CLEO });
    button(card(ana, 'Soup'), 'Withdraw').click();
    await settle(ana);
    await waitUntil(() => cardText(card(ben, 'Soup')).includes('Ana withdrew this. Nothing you need to do'));
    expect(hasButton(card(ben, 'Soup'), 'Release my spot')).to.equal(true);
    await cleo.updateComplete;
    expect(root(cleo).querySelectorAll('li.card')).to.have.length(0);
    await expect(ben).to.be.accessible();
  });
});
