import { expect } from '@open-wc/testing';
import {
  acceptClaim,
  addThanks,
  canChangePost,
  canChangeReflection,
  checkChangePost,
  claimSlot,
  createPost,
  declineClaim,
  editPost,
  markDone,
  pauseRotation,
  reflectionId,
  releaseClaim,
  resumeRotation,
  visiblePost,
  withdrawPost,
  type Actor,
  type Post,
  type PostInput,
} from '../../src/domain/offers.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const ANA: Actor = { id: 'ana' };
const BEN: Actor = { id: 'ben' };
const CLEO: Actor = { id: 'cleo' };
const MOD: Actor = { id: 'mo', moderator: true };

function offer(input: Partial<PostInput> = {}): Post {
  return createPost(
    'maple',
    { kind: 'offer', title: 'Soup', category: 'meals', slots: 2, privateDetails: 'Flat 2', ...input },
    { id: 'ana', name: 'Ana' },
    NOW,
  );
}

const claimed = (post: Post, who = BEN, claimId = 'c1') =>
  claimSlot(post, { id: who.id, name: who.id.toUpperCase() }, { claimId, now: NOW });

/** Asserts a decision and says which write it was about when it fails. */
function expectDecision(actor: Actor, before: unknown, after: unknown, allowed: boolean, code?: string) {
  const decision = checkChangePost(actor, before, after, NOW);
  expect(decision.allowed, JSON.stringify(decision)).to.equal(allowed);
  if (code) expect(decision.allowed ? undefined : decision.code).to.equal(code);
  expect(canChangePost(actor, before, after, NOW)).to.equal(allowed);
}

describe('canChangePost: creating and removing', () => {
  it('lets a person post as themselves only, open and unclaimed', () => {
    const post = offer();
    expectDecision(ANA, undefined, post, true);
    expectDecision(BEN, undefined, post, false, 'not-yours');
    expectDecision(ANA, undefined, claimed(post), false, 'invalid');
    expectDecision(ANA, undefined, withdrawPost(post, NOW), false, 'invalid');
    expectDecision(ANA, undefined, { ...post, title: '' }, false, 'invalid');
    expectDecision(ANA, undefined, undefined, false);
  });

  it('lets moderators remove any post, the author one nobody holds, and nobody else', () => {
    const post = offer();
    expectDecision(MOD, claimed(post), undefined, true);
    expectDecision(MOD, { not: 'a post' }, undefined, true);
    expectDecision(ANA, post, undefined, true);
    expectDecision(ANA, claimed(post), undefined, false, 'has-claims');
    expectDecision(ANA, releaseClaim(claimed(post), 'c1', 'ben'), undefined, true);
    expectDecision(BEN, post, undefined, false, 'not-yours');
    expectDecision({ id: '' }, post, undefined, false);
  });

  it('a moderator has no extra rights to edit', () => {
    const post = offer();
    expectDecision(MOD, post, { ...post, title: 'Edited by a moderator' }, false, 'not-yours');
  });
});

describe('canChangePost: the author', () => {
  it('edits their own post and withdraws it', () => {
    const post = claimed(offer());
    expectDecision(ANA, post, editPost(post, { title: 'Lentil soup', details: 'Vegan', slots: 3 }), true);
    expectDecision(ANA, post, withdrawPost(post, NOW), true);
    expectDecision(ANA, post, { ...post, privateDetails: undefined }, true);
  });

  it('never changes who wrote it, its board, kind or creation time', () => {
    const post = offer();
    expectDecision(ANA, post, { ...post, authorId: 'ben' }, false, 'fixed-field');
    expectDecision(ANA, post, { ...post, board: 'other' }, false, 'fixed-field');
    expectDecision(ANA, post, { ...post, kind: 'need', terms: undefined }, false, 'fixed-field');
    expectDecision(ANA, post, { ...post, createdAt: '2020-01-01T00:00:00Z' }, false, 'fixed-field');
  });

  it('a withdrawn post stays withdrawn', () => {
    const post = withdrawPost(offer(), NOW);
    expectDecision(ANA, post, { ...post, status: 'open', withdrawnAt: undefined }, false, 'withdrawn');
    expectDecision(ANA, post, { ...post, withdrawnAt: '2026-03-03T00:00:00Z' }, false, 'withdrawn');
  });

  it('accepts or declines requests and marks claims done, and nothing else on claims', () => {
    const asked = claimed(offer({ terms: { askFirst: true } }));
    expectDecision(ANA, asked, acceptClaim(asked, 'c1'), true);
    expectDecision(ANA, asked, declineClaim(asked, 'c1'), true);
    const on = claimed(offer());
    expectDecision(ANA, on, markDone(on, 'c1'), true);
    expectDecision(ANA, asked, markDone(acceptClaim(asked, 'c1'), 'c1'), false, 'not-yours');
    expectDecision(ANA, on, releaseClaim(on, 'c1', 'ben'), false, 'not-yours');
    expectDecision(ANA, on, { ...on, claims: [] }, false, 'not-yours');
    expectDecision(ANA, on, { ...on, claims: [{ ...on.claims[0]!, personName: 'Someone else' }] }, false);
    expectDecision(ANA, on, { ...on, claims: [{ ...on.claims[0]!, thanks: 'thanks from me' }] }, false);
    const done = markDone(on, 'c1');
    expectDecision(ANA, done, { ...done, claims: [{ ...done.claims[0]!, status: 'active' }] }, false);
  });

  it('cannot add a claim, not even for someone else', () => {
    const post = offer();
    const forBen = claimed(post);
    expectDecision(ANA, post, forBen, false, 'not-yours');
  });
});

describe('canChangePost: someone else', () => {
  it('claims a slot for themselves, by the post’s rules', () => {
    const post = offer();
    expectDecision(BEN, post, claimed(post), true);
    expectDecision(CLEO, post, claimed(post), false, 'not-yours');
    // Claiming through the view they had (private details stripped) keeps the stored ones.
    expectDecision(BEN, post, claimed(visiblePost(post, BEN)), true);
    // But changing them is an edit.
    expectDecision(BEN, post, { ...claimed(post), privateDetails: 'Flat 9' }, false, 'not-yours');
  });

  it('cannot skip "ask me first", take a held slot, or claim a closed post', () => {
    const asked = offer({ terms: { askFirst: true } });
    const skipped = claimed(asked);
    skipped.claims[0]!.status = 'active';
    expectDecision(BEN, asked, skipped, false, 'invalid');
    const one = claimed(offer({ slots: 1 }), CLEO, 'c0');
    const grab = { ...one, claims: [...one.claims, { ...one.claims[0]!, id: 'c1', personId: 'ben' }] };
    expectDecision(BEN, one, grab, false);
    const withdrawn = withdrawPost(offer(), NOW);
    expectDecision(
      BEN,
      withdrawn,
      {
        ...withdrawn,
        claims: [{ id: 'c1', personId: 'ben', slot: 0, status: 'active', at: NOW.toISOString() }],
      },
      false,
      'withdrawn',
    );
    const expired = offer({ expiresAt: '2026-03-01T00:00:00Z' });
    expectDecision(
      BEN,
      expired,
      {
        ...expired,
        claims: [{ id: 'c1', personId: 'ben', slot: 0, status: 'active', at: NOW.toISOString() }],
      },
      false,
      'expired',
    );
  });

  it('refuses a claim stamped far in the past or future', () => {
    const post = offer();
    const next = claimed(post);
    expectDecision(
      BEN,
      post,
      { ...next, claims: [{ ...next.claims[0]!, at: '2026-04-01T00:00:00Z' }] },
      false,
    );
    expectDecision(
      BEN,
      post,
      { ...next, claims: [{ ...next.claims[0]!, at: '2026-02-01T00:00:00Z' }] },
      false,
    );
  });

  it('releases or thanks on their own claim only, one change a write', () => {
    const post = claimed(claimed(offer({ slots: 3 })), CLEO, 'c2');
    expectDecision(BEN, post, releaseClaim(post, 'c1', 'ben'), true);
    expectDecision(CLEO, post, releaseClaim(post, 'c1', 'ben'), false, 'not-yours');
    expectDecision(
      BEN,
      post,
      releaseClaim(releaseClaim(post, 'c1', 'ben'), 'c2', 'cleo'),
      false,
      'not-yours',
    );
    const done = markDone(post, 'c1');
    expectDecision(BEN, done, addThanks(done, 'c1', 'ben', 'Thank you!'), true);
    expectDecision(CLEO, done, addThanks(done, 'c1', 'ben', 'Thank you!'), false, 'not-yours');
    expectDecision(
      BEN,
      done,
      { ...done, claims: [{ ...done.claims[0]!, status: 'active' }, done.claims[1]!] },
      false,
    );
    expectDecision(BEN, post, { ...post, claims: [{ ...post.claims[0]!, slot: 2 }, post.claims[1]!] }, false);
    // Claim and release in one write is two changes.
    const claimedAndReleased = claimed(releaseClaim(post, 'c1', 'ben'), { id: 'dee' }, 'c3');
    expectDecision({ id: 'dee' }, post, claimedAndReleased, false, 'not-yours');
  });

  it('cannot edit, withdraw or pause someone else’s post', () => {
    const post = offer();
    expectDecision(BEN, post, { ...post, title: 'Mine now' }, false, 'not-yours');
    expectDecision(BEN, post, withdrawPost(post, NOW), false, 'not-yours');
  });

  it('lets a rotation’s recipient (and the organiser) pause and resume it, and nobody else', () => {
    const rotation = createPost(
      'maple',
      {
        kind: 'rotation',
        title: 'Meals for the Okafors',
        category: 'meals',
        rotation: { recipientName: 'The Okafors', recipientId: 'oki', dates: ['2026-03-03', '2026-03-05'] },
      },
      { id: 'ana' },
      NOW,
    );
    const paused = pauseRotation(rotation, { id: 'oki' }, NOW);
    expectDecision({ id: 'oki' }, rotation, paused, true);
    expectDecision({ id: 'oki' }, paused, resumeRotation(paused, { id: 'oki' }), true);
    expectDecision(ANA, rotation, pauseRotation(rotation, ANA, NOW), true);
    expectDecision(BEN, rotation, paused, false, 'not-yours');
    expectDecision({ id: 'oki' }, rotation, { ...paused, title: 'Changed' }, false, 'not-yours');
  });
});

describe('canChangeReflection', () => {
  const mine = { postId: 'p1', personId: 'ana', again: false, at: NOW.toISOString() };
  const id = reflectionId('p1', 'ana');

  it('lets only its person write it, under its own id', () => {
    expect(canChangeReflection(ANA, id, undefined, mine)).to.equal(true);
    expect(canChangeReflection(ANA, id, mine, { ...mine, again: true })).to.equal(true);
    expect(canChangeReflection(ANA, id, mine, undefined)).to.equal(true);
    expect(canChangeReflection(BEN, id, undefined, mine)).to.equal(false);
    expect(canChangeReflection(MOD, id, mine, undefined)).to.equal(false);
    expect(canChangeReflection(ANA, reflectionId('p2', 'ana'), undefined, mine)).to.equal(false);
    expect(canChangeReflection(BEN, reflectionId('p1', 'ben'), mine, { ...mine, personId: 'ben' })).to.equal(
      false,
    );
    expect(canChangeReflection(ANA, id, undefined, { ...mine, again: 'no' })).to.equal(false);
    expect(canChangeReflection(ANA, id, undefined, undefined)).to.equal(false);
  });
});
