import { expect } from '@open-wc/testing';
import { codeOf } from './offer-fixtures.js';
import {
  OfferError,
  acceptClaim,
  addThanks,
  claimSlot,
  createPost,
  declineClaim,
  markDone,
  pauseRotation,
  releaseClaim,
  resumeRotation,
  validatePost,
  type Post,
  type PostInput,
} from '../../src/domain/offers.js';
import { POST_OPERATIONS, applyPostOperation, type PostOperation } from '../../src/domain/post-operations.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const DAY = 86_400_000;
const ana = { id: 'ana', name: 'Ana' };
const ben = { id: 'ben', name: 'Ben' };
const later = (days: number) => new Date(NOW.getTime() + days * DAY);

function offer(input: Partial<PostInput> = {}): Post {
  return createPost(
    'maple',
    { kind: 'offer', title: 'Rides', category: 'rides', slots: 3, ...input },
    ana,
    NOW,
  );
}

describe('claims that repeat', () => {
  it('lets a person claim again once their claim is done; done claims stay as history', () => {
    let post = claimSlot(offer(), ben, { claimId: 'c1', now: NOW });
    post = markDone(post, 'c1');
    post = claimSlot(post, ben, { claimId: 'c2', now: later(1) });
    expect(validatePost(post).claims.map((c) => [c.id, c.slot, c.status])).to.deep.equal([
      ['c1', 0, 'done'],
      ['c2', 1, 'active'],
    ]);
    // Still one live claim a person.
    expect(codeOf(() => claimSlot(post, ben, { claimId: 'c3', now: later(1) }))).to.equal('already-claimed');
  });

  it('refuses a slot held by one’s own done claim as taken, not as "already claimed"', () => {
    const post = markDone(claimSlot(offer(), ben, { claimId: 'c1', now: NOW }), 'c1');
    expect(codeOf(() => claimSlot(post, ben, { claimId: 'c2', slot: 0, now: NOW }))).to.equal('slot-taken');
  });

  it('lets a person claim again after they released or were declined', () => {
    let post = releaseClaim(claimSlot(offer(), ben, { claimId: 'c1', now: NOW }), 'c1', 'ben');
    post = claimSlot(post, ben, { claimId: 'c2', now: NOW });
    const asked = claimSlot(offer({ terms: { askFirst: true } }), ben, { claimId: 'c1', now: NOW });
    const again = claimSlot(declineClaim(asked, 'c1'), ben, { claimId: 'c2', now: NOW });
    expect(validatePost(post).claims).to.have.length(2);
    expect(validatePost(again).claims.map((c) => c.status)).to.deep.equal(['declined', 'requested']);
  });

  it('"at most once a week" allows a claim eight days later and refuses one two days later', () => {
    const weekly = offer({ terms: { oncePerWeek: true } });
    const first = markDone(claimSlot(weekly, ben, { claimId: 'c1', now: NOW }), 'c1');
    expect(codeOf(() => claimSlot(first, ben, { claimId: 'c2', now: later(2) }))).to.equal('once-a-week');
    const second = claimSlot(first, ben, { claimId: 'c2', now: later(8) });
    expect(validatePost(second).claims.map((c) => c.status)).to.deep.equal(['done', 'active']);
    const third = claimSlot(markDone(second, 'c2'), ben, { claimId: 'c3', now: later(16) });
    expect(validatePost(third).claims).to.have.length(3);
  });

  it('a released claim does not use up the week', () => {
    const weekly = offer({ terms: { oncePerWeek: true } });
    const released = releaseClaim(claimSlot(weekly, ben, { claimId: 'c1', now: NOW }), 'c1', 'ben');
    expect(validatePost(claimSlot(released, ben, { claimId: 'c2', now: later(1) })).claims).to.have.length(2);
  });

  it('validatePost still refuses two live claims of one person on an offer', () => {
    const post = claimSlot(offer(), ben, { claimId: 'c1', now: NOW });
    const twice = { ...post, claims: [...post.claims, { ...post.claims[0]!, id: 'c2', slot: 1 }] };
    expect(codeOf(() => validatePost(twice))).to.equal('invalid');
    const doneThenLive = {
      ...twice,
      claims: [{ ...post.claims[0]!, status: 'done' as const }, twice.claims[1]!],
    };
    expect(validatePost(doneThenLive).claims).to.have.length(2);
  });

  it('refuses a bad claim id or person, and trims a long name to fit', () => {
    expect(codeOf(() => claimSlot(offer(), ben, { claimId: '', now: NOW }))).to.equal('invalid');
    expect(codeOf(() => claimSlot(offer(), ben, { claimId: 'x'.repeat(201), now: NOW }))).to.equal('invalid');
    expect(codeOf(() => claimSlot(offer(), { id: '' }, { claimId: 'c1', now: NOW }))).to.equal('invalid');
    const long = claimSlot(offer(), { id: 'ben', name: 'B'.repeat(200) }, { claimId: 'c1', now: NOW });
    expect(validatePost(long).claims[0]!.personName).to.have.length(80);
  });

  it('says "full" once the list of claims is as long as it may be', () => {
    let post = offer({ slots: 1 });
    const claims = Array.from({ length: 500 }, (_, i) => ({
      id: `c${i}`,
      personId: `p${i}`,
      slot: 0,
      status: 'released' as const,
      at: NOW.toISOString(),
    }));
    post = validatePost({ ...post, claims });
    expect(codeOf(() => claimSlot(post, ben, { claimId: 'new', now: NOW }))).to.equal('full');
  });
});

/** A small seeded random source, so a failing sequence can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('claims: nothing invalid is ever produced', () => {
  const people = [ana, ben, { id: 'cleo', name: 'Cleo' }, { id: 'dee' }, { id: 'mo', moderator: true }];

  function startPost(pick: <T>(list: readonly T[]) => T): Post {
    const kind = pick(['offer', 'need', 'rotation'] as const);
    if (kind === 'rotation')
      return createPost(
        'maple',
        {
          kind,
          title: 'Meals',
          category: 'meals',
          rotation: {
            recipientName: 'Dee',
            recipientId: 'dee',
            dates: ['2026-03-03', '2026-03-05', '2026-03-09'],
          },
        },
        ana,
        NOW,
      );
    return createPost(
      'maple',
      {
        kind,
        title: 'Help',
        category: 'other',
        slots: pick([1, 2, 3]),
        ...(kind === 'offer'
          ? { terms: { askFirst: pick([true, false]), oncePerWeek: pick([true, false]) } }
          : {}),
      },
      ana,
      NOW,
    );
  }

  it('keeps every post valid through random sequences of the domain functions and the operations', () => {
    let accepted = 0;
    let refused = 0;
    for (let run = 0; run < 150; run++) {
      const next = random(run + 1);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
      let post = startPost(pick);
      let now = NOW;
      let ids = 0;
      for (let step = 0; step < 40; step++) {
        now = new Date(now.getTime() + Math.floor(next() * 3 * DAY));
        const actor = pick(people);
        const known = post.claims.map((c) => c.id);
        const claimId = known.length && next() < 0.7 ? pick(known) : `c${ids++}`;
        const type = pick(POST_OPERATIONS);
        const slot = pick([undefined, 0, 1, 2, 3, '2026-03-03', '2026-03-05', '2026-03-09']);
        const op = (
          type === 'claim'
            ? { type, claimId, ...(slot === undefined ? {} : { slot }) }
            : type === 'thank'
              ? { type, claimId, words: 'Thank you' }
              : type === 'pause' || type === 'resume'
                ? { type }
                : { type, claimId }
        ) as PostOperation;
        // The same step through the domain functions the board calls directly …
        const direct = (): Post => {
          switch (op.type) {
            case 'claim':
              return claimSlot(post, actor, { claimId: op.claimId, slot: op.slot, now });
            case 'release':
              return releaseClaim(post, op.claimId, actor.id);
            case 'thank':
              return addThanks(post, op.claimId, actor.id, op.words);
            case 'accept':
              return acceptClaim(post, op.claimId);
            case 'decline':
              return declineClaim(post, op.claimId);
            case 'done':
              return markDone(post, op.claimId);
            case 'pause':
              return pauseRotation(post, actor, now);
            case 'resume':
              return resumeRotation(post, actor);
          }
        };
        let viaDomain: Post | undefined;
        try {
          viaDomain = direct();
        } catch (error) {
          expect(error, `run ${run} step ${step}`).to.be.instanceOf(OfferError);
        }
        if (viaDomain)
          expect(
            () => validatePost(viaDomain),
            `run ${run} step ${step} ${JSON.stringify(op)}`,
          ).not.to.throw();
        // … and as an operation with rights: refused with a rule's code, never a corrupt post.
        try {
          post = applyPostOperation(post, op, actor, now);
          accepted++;
          const only = op.type === 'accept' || op.type === 'decline' || op.type === 'done';
          if (only) expect(actor.id).to.equal(post.authorId);
        } catch (error) {
          expect(error).to.be.instanceOf(OfferError);
          refused++;
        }
        validatePost(post);
      }
    }
    // The sequences really exercise both outcomes.
    expect(accepted).to.be.greaterThan(300);
    expect(refused).to.be.greaterThan(300);
  });
});
