import { expect } from '@open-wc/testing';
import { OfferError, createPost, validatePost, type Post, type PostInput } from '../../src/domain/offers.js';
import {
  POST_OPERATIONS,
  applyPostOperation,
  parsePostOperation,
  type PostOperation,
} from '../../src/domain/post-operations.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const ana = { id: 'ana', name: 'Ana' };
const ben = { id: 'ben', name: 'Ben' };
const cleo = { id: 'cleo', name: 'Cleo' };
const mod = { id: 'mo', name: 'Mo', moderator: true };

function offer(input: Partial<PostInput> = {}): Post {
  return createPost(
    'maple',
    {
      kind: 'offer',
      title: 'Soup',
      category: 'meals',
      slots: 2,
      privateDetails: 'Door code 4411',
      ...input,
    },
    ana,
    NOW,
  );
}

function rotation(): Post {
  return createPost(
    'maple',
    {
      kind: 'rotation',
      title: 'Meals for Dee',
      category: 'meals',
      rotation: { recipientName: 'Dee', recipientId: 'dee', dates: ['2026-03-03', '2026-03-04'] },
    },
    ana,
    NOW,
  );
}

/** The code an operation is refused with; fails the test when it is accepted or throws something else. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(OfferError);
    return (error as OfferError).code;
  }
  throw new Error('the operation was accepted');
}

const apply = (post: Post, op: PostOperation, actor: { id: string; name?: string; moderator?: boolean }) =>
  applyPostOperation(post, op, actor, NOW);

describe('parsePostOperation', () => {
  it('reads every named operation', () => {
    expect(POST_OPERATIONS).to.deep.equal([
      'claim',
      'release',
      'accept',
      'decline',
      'done',
      'thank',
      'pause',
      'resume',
    ]);
    expect(parsePostOperation({ type: 'claim', claimId: 'c1' })).to.deep.equal({
      type: 'claim',
      claimId: 'c1',
    });
    expect(parsePostOperation({ type: 'claim', claimId: 'c1', slot: 1 })).to.deep.equal({
      type: 'claim',
      claimId: 'c1',
      slot: 1,
    });
    expect(parsePostOperation({ type: 'claim', claimId: 'c1', slot: '2026-03-03' })).to.deep.equal({
      type: 'claim',
      claimId: 'c1',
      slot: '2026-03-03',
    });
    for (const type of ['release', 'accept', 'decline', 'done'])
      expect(parsePostOperation({ type, claimId: 'c1' })).to.deep.equal({ type, claimId: 'c1' });
    expect(parsePostOperation({ type: 'thank', claimId: 'c1', words: '  Thank you! ' })).to.deep.equal({
      type: 'thank',
      claimId: 'c1',
      words: 'Thank you!',
    });
    expect(parsePostOperation({ type: 'pause' })).to.deep.equal({ type: 'pause' });
    expect(parsePostOperation({ type: 'resume' })).to.deep.equal({ type: 'resume' });
  });

  it('has no field that names the person: a claim for someone else cannot be said', () => {
    for (const field of ['personId', 'personName', 'authorId', 'status', 'at', 'actor'])
      expect(refusal(() => parsePostOperation({ type: 'claim', claimId: 'c1', [field]: 'ben' }))).to.equal(
        'invalid',
      );
    expect(() => parsePostOperation({ type: 'release', claimId: 'c1', personId: 'ben' })).to.throw(
      /no field "personId"/,
    );
  });

  it('refuses anything else, saying what is wrong', () => {
    const bad: unknown[] = [
      null,
      'claim',
      ['claim'],
      {},
      { type: 'edit' },
      { type: 'withdraw' },
      { type: 'toString' },
      { type: 'pause', claimId: 'c1' },
      { type: 'claim' },
      { type: 'claim', claimId: '' },
      { type: 'claim', claimId: '   ' },
      { type: 'claim', claimId: 7 },
      { type: 'claim', claimId: 'x'.repeat(201) },
      { type: 'claim', claimId: 'c1', slot: -1 },
      { type: 'claim', claimId: 'c1', slot: 1.5 },
      { type: 'claim', claimId: 'c1', slot: '1' },
      { type: 'claim', claimId: 'c1', slot: '2026-02-30' },
      { type: 'claim', claimId: 'c1', slot: null },
      { type: 'thank', claimId: 'c1' },
      { type: 'thank', claimId: 'c1', words: '   ' },
      { type: 'thank', claimId: 'c1', words: 'x'.repeat(281) },
      { type: 'thank', claimId: 'c1', words: ['hi'] },
      { type: 'accept', claimId: 'c1', words: 'yes' },
    ];
    for (const value of bad)
      expect(
        refusal(() => parsePostOperation(value)),
        JSON.stringify(value),
      ).to.equal('invalid');
    expect(() => parsePostOperation({ type: 'edit' })).to.throw(/operation.type must be one of claim/);
  });
});

describe('applyPostOperation: claims', () => {
  it('claims as the actor, with the actor’s name, and never changes anything else', () => {
    const before = offer();
    const frozen = structuredClone(before);
    const after = apply(before, { type: 'claim', claimId: 'c1' }, ben);
    expect(before).to.deep.equal(frozen);
    expect(after.claims).to.deep.equal([
      { id: 'c1', personId: 'ben', personName: 'Ben', slot: 0, status: 'active', at: NOW.toISOString() },
    ]);
    expect({ ...after, claims: [] }).to.deep.equal({ ...before, claims: [] });
    expect(after.privateDetails).to.equal('Door code 4411');
  });

  it('turns a claim into a request when the author asks to be asked first', () => {
    const after = apply(offer({ terms: { askFirst: true } }), { type: 'claim', claimId: 'c1' }, ben);
    expect(after.claims[0]!.status).to.equal('requested');
  });

  it('refuses the author on their own post, a full post, a taken slot and a second claim', () => {
    expect(refusal(() => apply(offer(), { type: 'claim', claimId: 'c1' }, ana))).to.equal('own-post');
    let post = apply(offer(), { type: 'claim', claimId: 'c1', slot: 1 }, ben);
    expect(refusal(() => apply(post, { type: 'claim', claimId: 'c2', slot: 1 }, cleo))).to.equal(
      'slot-taken',
    );
    expect(refusal(() => apply(post, { type: 'claim', claimId: 'c2' }, ben))).to.equal('already-claimed');
    post = apply(post, { type: 'claim', claimId: 'c2' }, cleo);
    expect(post.claims.map((c) => c.slot)).to.deep.equal([1, 0]);
    expect(refusal(() => apply(post, { type: 'claim', claimId: 'c3' }, mod))).to.equal('full');
    expect(refusal(() => apply(post, { type: 'claim', claimId: 'c3', slot: 5 }, mod))).to.equal('invalid');
  });

  it('refuses a claim id already on the post, so nobody overwrites or shadows a claim', () => {
    const post = apply(offer(), { type: 'claim', claimId: 'c1' }, ben);
    expect(refusal(() => apply(post, { type: 'claim', claimId: 'c1' }, cleo))).to.equal('invalid');
  });

  it('gives a moderator no extra claim powers', () => {
    const post = apply(offer({ slots: 1 }), { type: 'claim', claimId: 'c1' }, ben);
    expect(refusal(() => apply(post, { type: 'claim', claimId: 'c2', slot: 0 }, mod))).to.equal('slot-taken');
    expect(refusal(() => apply(post, { type: 'release', claimId: 'c1' }, mod))).to.equal('not-yours');
    expect(refusal(() => apply(post, { type: 'done', claimId: 'c1' }, mod))).to.equal('not-yours');
    expect(refusal(() => apply(post, { type: 'thank', claimId: 'c1', words: 'hi' }, mod))).to.equal(
      'not-yours',
    );
  });

  it('refuses closed posts: withdrawn, expired, paused', () => {
    const withdrawn = { ...offer(), status: 'withdrawn' as const, withdrawnAt: NOW.toISOString() };
    expect(refusal(() => apply(withdrawn, { type: 'claim', claimId: 'c1' }, ben))).to.equal('withdrawn');
    const expired = offer({ expiresAt: '2026-03-01T00:00:00.000Z' });
    expect(refusal(() => apply(expired, { type: 'claim', claimId: 'c1' }, ben))).to.equal('expired');
    const paused = apply(rotation(), { type: 'pause' }, { id: 'dee' });
    expect(refusal(() => apply(paused, { type: 'claim', claimId: 'c1' }, ben))).to.equal('paused');
  });
});

describe('applyPostOperation: someone else’s claim', () => {
  const claimed = () => apply(offer(), { type: 'claim', claimId: 'c1' }, ben);

  it('lets only the claimant release or thank', () => {
    const post = claimed();
    expect(refusal(() => apply(post, { type: 'release', claimId: 'c1' }, cleo))).to.equal('not-yours');
    expect(refusal(() => apply(post, { type: 'release', claimId: 'c1' }, ana))).to.equal('not-yours');
    expect(refusal(() => apply(post, { type: 'thank', claimId: 'c1', words: 'Thanks' }, cleo))).to.equal(
      'not-yours',
    );
    expect(apply(post, { type: 'release', claimId: 'c1' }, ben).claims[0]!.status).to.equal('released');
    expect(apply(post, { type: 'thank', claimId: 'c1', words: 'Thanks!' }, ben).claims[0]!.thanks).to.equal(
      'Thanks!',
    );
  });

  it('lets only the author accept, decline or mark done', () => {
    const asked = apply(offer({ terms: { askFirst: true } }), { type: 'claim', claimId: 'c1' }, ben);
    for (const type of ['accept', 'decline', 'done'] as const)
      for (const actor of [ben, cleo, mod])
        expect(
          refusal(() => apply(asked, { type, claimId: 'c1' }, actor)),
          `${type} by ${actor.id}`,
        ).to.equal('not-yours');
    const accepted = apply(asked, { type: 'accept', claimId: 'c1' }, ana);
    expect(accepted.claims[0]!.status).to.equal('active');
    expect(apply(asked, { type: 'decline', claimId: 'c1' }, ana).claims[0]!.status).to.equal('declined');
    expect(apply(accepted, { type: 'done', claimId: 'c1' }, ana).claims[0]!.status).to.equal('done');
  });

  it('follows the steps of a claim: no done before yes, no yes after done, no unknown claim', () => {
    const asked = apply(offer({ terms: { askFirst: true } }), { type: 'claim', claimId: 'c1' }, ben);
    expect(refusal(() => apply(asked, { type: 'done', claimId: 'c1' }, ana))).to.equal('invalid');
    const done = apply(
      apply(asked, { type: 'accept', claimId: 'c1' }, ana),
      { type: 'done', claimId: 'c1' },
      ana,
    );
    expect(refusal(() => apply(done, { type: 'accept', claimId: 'c1' }, ana))).to.equal('invalid');
    expect(refusal(() => apply(done, { type: 'release', claimId: 'c1' }, ben))).to.equal('invalid');
    expect(refusal(() => apply(done, { type: 'release', claimId: 'nope' }, ben))).to.equal('not-found');
    expect(refusal(() => apply(done, { type: 'accept', claimId: 'nope' }, ana))).to.equal('not-found');
  });

  it('refuses when nobody is signed in, and a stored post that is not valid', () => {
    expect(refusal(() => apply(claimed(), { type: 'release', claimId: 'c1' }, { id: '' }))).to.equal(
      'not-yours',
    );
    const broken = { ...claimed(), slots: 0 };
    expect(refusal(() => apply(broken, { type: 'release', claimId: 'c1' }, ben))).to.equal('invalid');
    expect(refusal(() => apply(offer(), { type: 'grab' } as unknown as PostOperation, ben))).to.equal(
      'invalid',
    );
  });
});

describe('applyPostOperation: pausing a rotation', () => {
  it('lets the organiser or the recipient pause and resume, nobody else', () => {
    const post = rotation();
    for (const actor of [ben, mod])
      expect(refusal(() => apply(post, { type: 'pause' }, actor))).to.equal('not-yours');
    const paused = apply(post, { type: 'pause' }, { id: 'dee' });
    expect(paused.rotation!.pausedAt).to.equal(NOW.toISOString());
    expect(refusal(() => apply(paused, { type: 'resume' }, ben))).to.equal('not-yours');
    expect(apply(paused, { type: 'resume' }, ana).rotation!.pausedAt).to.equal(undefined);
    expect(apply(post, { type: 'pause' }, ana).rotation!.pausedAt).to.equal(NOW.toISOString());
  });

  it('does not pause an offer', () => {
    expect(refusal(() => apply(offer(), { type: 'pause' }, ana))).to.equal('invalid');
    expect(refusal(() => apply(offer(), { type: 'resume' }, ana))).to.equal('invalid');
  });

  it('lets a helper take several days of a rotation, each day once', () => {
    let post = apply(rotation(), { type: 'claim', claimId: 'c1', slot: '2026-03-03' }, ben);
    post = apply(post, { type: 'claim', claimId: 'c2', slot: '2026-03-04' }, ben);
    expect(validatePost(post).claims).to.have.length(2);
    expect(refusal(() => apply(post, { type: 'claim', claimId: 'c3', slot: '2026-03-04' }, cleo))).to.equal(
      'slot-taken',
    );
  });
});
