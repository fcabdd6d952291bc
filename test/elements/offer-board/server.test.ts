/**
 * The offer board on a real tend-server, with two or three people each in their own provider:
 * what each person sees, and what the others' browsers received from the server (their own
 * list, get and live changes), tried from the side of someone who wants more than is theirs.
 */
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/elements/offer-board/index.js';
import type { TendOfferBoard } from '../../../src/elements/offer-board/index.js';
import type { Post } from '../../../src/domain/offers.js';
import {
  button,
  card,
  cardText,
  chooseCategory,
  field,
  hasButton,
  openDialog,
  openForm,
  root,
  settle,
  type,
} from './helpers.js';
import {
  heard,
  requestsAs,
  seen,
  serverAs,
  signedIn,
  uniqueCommunity,
  until,
  type Person,
} from '../real-server.js';

const ANA: Person = { id: 'ana', name: 'Ana' };
const BEN: Person = { id: 'ben', name: 'Ben' };
const CLEO: Person = { id: 'cleo', name: 'Cleo' };

const SECRET = 'Key under the blue pot, flat 4';
const FIRST = 'Someone took the last spot just before you. Thank you all the same.';

/** `person`'s board on the real server, loaded. */
async function boardOf(community: string, person: Person, claimsToBe?: Person): Promise<TendOfferBoard> {
  const board = await signedIn<TendOfferBoard>(
    community,
    person,
    'tend-offer-board',
    html`<tend-offer-board board="street"></tend-offer-board>`,
    { claimsToBe },
  );
  await waitUntil(() => board.posts.readError || !board.posts.loading, 'the board loads');
  expect(board.posts.readError, 'the board read the server').to.equal(undefined);
  await board.updateComplete;
  return board;
}

/** Ana posts an offer through her board's form, as she would; resolves with its id. */
async function post(
  board: TendOfferBoard,
  offer: { title: string; slots: number; askFirst?: boolean; secret?: string },
): Promise<string> {
  const dialog = await openForm(board, 'Offer something');
  type(field(dialog, 'Title'), offer.title);
  chooseCategory(dialog, 'stay');
  type(field<HTMLTextAreaElement>(dialog, 'Details'), 'A quiet room with clean sheets');
  type(field(dialog, 'How many people or times'), String(offer.slots));
  if (offer.askFirst) field(dialog, 'Ask me first').click();
  if (offer.secret) type(field<HTMLTextAreaElement>(dialog, 'Just for people signed up'), offer.secret);
  button(dialog, 'Post').click();
  await board.updateComplete;
  const posted = oneEvent(board, 'tend-offer-posted');
  button(openDialog(board)!, 'Post it').click();
  const { detail } = await posted;
  await settle(board);
  return detail.postId;
}

/** Waits until `board` shows a card titled `title` whose text matches `check`. */
async function cardShows(board: TendOfferBoard, title: string, words: string, who: string): Promise<void> {
  await until(
    () => root(board).querySelector('li.card') && cardText(card(board, title)).includes(words),
    `${who}'s board shows “${words}” on “${title}”`,
    () => seen(board),
  );
}

describe('<tend-offer-board> on a real tend-server', () => {
  it('shows helper-only details only to a helper whose request was accepted; the post stays Ana’s', async () => {
    const community = uniqueCommunity('board-private');
    const ana = await boardOf(community, ANA);
    const ben = await boardOf(community, BEN);
    const cleo = await boardOf(community, CLEO);
    // What Ben's and Cleo's browsers receive: their own reads, and their own live streams.
    const benServer = requestsAs(community, BEN);
    const cleoServer = requestsAs(community, CLEO);
    const benHeard = heard<Post>(await serverAs(community, BEN), 'posts');
    const cleoHeard = heard<Post>(await serverAs(community, CLEO), 'posts');

    const id = await post(ana, { title: 'Spare room', slots: 2, askFirst: true, secret: SECRET });
    expect(cardText(card(ana, 'Spare room')), 'Ana sees her own details').to.contain(SECRET);
    await expect(ana).to.be.accessible();

    // Ben and Cleo see the offer live, without the details.
    await cardShows(ben, 'Spare room', '2 of 2 spots open', 'Ben');
    await cardShows(cleo, 'Spare room', '2 of 2 spots open', 'Cleo');
    for (const [who, board, server] of [
      ['Ben', ben, benServer],
      ['Cleo', cleo, cleoServer],
    ] as const) {
      expect(seen(board), `${who} does not see the details`).not.to.contain('blue pot');
      const got = await server.get<Post>('posts', id);
      expect(got!.value.title).to.equal('Spare room');
      expect(got!.value, `${who}'s get`).not.to.have.property('privateDetails');
      expect(JSON.stringify(await server.list('posts')), `${who}'s list`).not.to.contain('blue pot');
    }

    // Ben asks from his board; Ana's board shows the request live.
    const claimed = oneEvent(ben, 'tend-offer-claimed');
    button(card(ben, 'Spare room'), 'Ask for this').click();
    const { detail } = await claimed;
    expect(detail.status).to.equal('requested');
    await cardShows(ben, 'Spare room', 'You asked. They’ll say yes or not this time.', 'Ben');
    await cardShows(ana, 'Spare room', 'Ben: asked', 'Ana');
    expect(hasButton(card(ana, 'Spare room'), 'Say yes')).to.equal(true);
    await expect(ana).to.be.accessible();

    // Asked is not accepted: still nothing of the details anywhere Ben can read.
    expect(seen(ben)).not.to.contain('blue pot');
    expect((await benServer.get<Post>('posts', id))!.value).not.to.have.property('privateDetails');
    expect(JSON.stringify(await benServer.list('posts'))).not.to.contain('blue pot');
    expect(JSON.stringify(benHeard), 'nothing Ben’s stream carried before Ana said yes').not.to.contain(
      'blue pot',
    );
    await expect(ben).to.be.accessible();

    // Ana says yes: Ben's board shows the details live; his own reads hold them now.
    button(card(ana, 'Spare room'), 'Say yes').click();
    await settle(ana);
    await cardShows(ben, 'Spare room', SECRET, 'Ben');
    expect(cardText(card(ben, 'Spare room'))).to.contain('Just for people signed up');
    expect(cardText(card(ben, 'Spare room'))).to.contain('You’re on this. Thank you.');
    expect((await benServer.get<Post>('posts', id))!.value.privateDetails).to.equal(SECRET);
    await expect(ben).to.be.accessible();

    // Cleo holds no claim: the details reached neither her board nor anything her browser received.
    await cardShows(cleo, 'Spare room', 'Ben: receiving', 'Cleo');
    expect(seen(cleo)).not.to.contain('blue pot');
    expect((await cleoServer.get<Post>('posts', id))!.value).not.to.have.property('privateDetails');
    expect(JSON.stringify(await cleoServer.list('posts'))).not.to.contain('blue pot');
    expect(cleoHeard.length, 'Cleo heard the post change live').to.be.greaterThan(0);
    expect(JSON.stringify(cleoHeard), 'Cleo’s stream').not.to.contain('blue pot');

    // Ben's step travelled as an operation: the stored post is still Ana's.
    const stored = (await cleoServer.get<Post>('posts', id))!;
    expect(stored.author).to.equal('ana');
    expect(stored.value).to.include({ authorId: 'ana', authorName: 'Ana' });
    expect(stored.value.claims.map((c) => [c.personId, c.status])).to.deep.equal([['ben', 'active']]);
  });

  it('Cleo cannot release Ben’s claim, even from a page that says she is Ben', async () => {
    const community = uniqueCommunity('board-release');
    const ana = await boardOf(community, ANA);
    const ben = await boardOf(community, BEN);
    const id = await post(ana, { title: 'Soup on Tuesday', slots: 2 });
    await cardShows(ben, 'Soup on Tuesday', '2 of 2 spots open', 'Ben');
    button(card(ben, 'Soup on Tuesday'), 'I’d like this').click();
    await cardShows(ben, 'Soup on Tuesday', 'You’re on this. Thank you.', 'Ben');
    await cardShows(ana, 'Soup on Tuesday', 'Ben: receiving', 'Ana');
    const claimId = (await requestsAs(community, ANA).get<Post>('posts', id))!.value.claims[0]!.id;

    // Cleo edits her page to say she is Ben; her token is still hers. Her board offers "Release
    // my spot" on Ben's claim; the server refuses, and her board says so kindly.
    const cleo = await boardOf(community, CLEO, BEN);
    await cardShows(cleo, 'Soup on Tuesday', 'Release my spot', 'Cleo');
    button(card(cleo, 'Soup on Tuesday'), 'Release my spot').click();
    await cardShows(cleo, 'Soup on Tuesday', 'This isn’t yours to change, so it was left as it was.', 'Cleo');
    await expect(cleo).to.be.accessible();

    // Straight to the server as herself: the same refusal, by its rule.
    const cleoServer = requestsAs(community, CLEO);
    const refusal = await cleoServer.send<{ error: { code: string } }>('POST', `/posts/${id}/ops`, {
      type: 'release',
      claimId,
    });
    expect(refusal.status).to.equal(403);
    expect(refusal.body.error.code, 'the server names its rule').to.equal('not-yours');

    // Ben's claim stands, for everyone.
    const stored = (await cleoServer.get<Post>('posts', id))!;
    expect(stored.author).to.equal('ana');
    expect(stored.value.claims.map((c) => [c.personId, c.status])).to.deep.equal([['ben', 'active']]);
    expect(cardText(card(ben, 'Soup on Tuesday'))).to.contain('You’re on this. Thank you.');
    expect(cardText(card(ana, 'Soup on Tuesday'))).to.contain('Ben: receiving');
  });

  it('a board that leaves the page lets go of its connection to the server', async () => {
    const community = uniqueCommunity('board-leaves');
    // A browser keeps at most six connections to one host; each board holds one for its stream.
    for (let visit = 0; visit < 8; visit++) {
      const board = await boardOf(community, BEN);
      board.closest('tend-provider')!.remove();
      await new Promise((resolve) => setTimeout(resolve));
    }
    const board = await boardOf(community, BEN);
    expect(seen(board)).to.contain('Nothing here yet.');
    expect(await requestsAs(community, BEN).list('posts')).to.deep.equal([]);
  });

  it('the last spot: one of Ben and Cleo gets it, the other reads “someone was just first”', async () => {
    const community = uniqueCommunity('board-race');
    const ana = await boardOf(community, ANA);
    const ben = await boardOf(community, BEN);
    const cleo = await boardOf(community, CLEO);
    const id = await post(ana, { title: 'Last soup', slots: 1 });
    await cardShows(ben, 'Last soup', '1 of 1 spot open', 'Ben');
    await cardShows(cleo, 'Last soup', '1 of 1 spot open', 'Cleo');

    // Both press before either has heard of the other's claim.
    button(card(ben, 'Last soup'), 'I’d like this').click();
    button(card(cleo, 'Last soup'), 'I’d like this').click();
    const notice = (board: TendOfferBoard) => cardText(card(board, 'Last soup'));
    await until(
      () =>
        [ben, cleo].some((b) => notice(b).includes(FIRST)) &&
        [ben, cleo].some((b) => notice(b).includes('You’re on this. Thank you.')),
      'one is on it and the other was told kindly',
      () => [notice(ben), notice(cleo)],
    );
    const stored = (await requestsAs(community, ANA).get<Post>('posts', id))!;
    expect(stored.value.claims).to.have.length(1);
    const winner = stored.value.claims[0]!.personId;
    const [won, lost] = winner === 'ben' ? [ben, cleo] : [cleo, ben];
    expect(notice(won)).to.contain('You’re on this. Thank you.');
    expect(notice(lost)).to.contain(FIRST);
    expect(notice(lost)).not.to.contain('You’re on this');
    await cardShows(ana, 'Last soup', `${winner === 'ben' ? 'Ben' : 'Cleo'}: receiving`, 'Ana');
    expect(notice(ana)).to.contain('Full: every spot is taken. Thank you, everyone.');
    await expect(lost).to.be.accessible();
  });
});
