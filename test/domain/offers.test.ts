import { expect } from '@open-wc/testing';
import { codeOf } from './offer-fixtures.js';
import {
  OfferError,
  PRIVATE_FIELDS,
  acceptClaim,
  addThanks,
  claimOf,
  claimSlot,
  createPost,
  declineClaim,
  editPost,
  expiryOf,
  isPost,
  markDone,
  openSlots,
  postState,
  reflectionId,
  releaseClaim,
  restorePrivateFields,
  soonestTime,
  timeOf,
  validatePost,
  validateReflection,
  visiblePost,
  withdrawPost,
  type Post,
  type PostInput,
} from '../../src/domain/offers.js';
import { SAFE_NAME } from '../../src/storage/adapter.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const ana = { id: 'ana', name: 'Ana' };
const ben = { id: 'ben', name: 'Ben' };
const cleo = { id: 'cleo', name: 'Cleo' };

function offer(input: Partial<PostInput> = {}): Post {
  return createPost(
    'maple',
    { kind: 'offer', title: 'Soup', category: 'meals', slots: 2, ...input },
    ana,
    NOW,
  );
}

const at = (iso: string) => new Date(iso);

describe('offers: posting', () => {
  it('creates a valid open post with trimmed text and no claims', () => {
    const post = createPost(
      'maple',
      {
        kind: 'need',
        title: '  A ride to the clinic ',
        details: ' Tuesday ',
        category: 'rides',
        place: '  ',
      },
      ben,
      NOW,
    );
    expect(post).to.deep.equal({
      board: 'maple',
      kind: 'need',
      authorId: 'ben',
      authorName: 'Ben',
      title: 'A ride to the clinic',
      details: 'Tuesday',
      category: 'rides',
      when: { flexible: true },
      slots: 1,
      status: 'open',
      createdAt: NOW.toISOString(),
      claims: [],
    });
    expect(isPost(post)).to.equal(true);
  });

  it('refuses an empty title, too many slots, a window that ends before it starts, and unknown fields', () => {
    expect(codeOf(() => offer({ title: '   ' }))).to.equal('invalid');
    expect(codeOf(() => offer({ slots: 51 }))).to.equal('invalid');
    expect(codeOf(() => offer({ slots: 0 }))).to.equal('invalid');
    expect(
      codeOf(() =>
        offer({ when: { flexible: false, start: '2026-03-03T10:00:00Z', end: '2026-03-03T09:00:00Z' } }),
      ),
    ).to.equal('invalid');
    expect(isPost({ ...offer(), sneaky: 'x' })).to.equal(false);
    expect(isPost({ ...offer(), claims: 'none' })).to.equal(false);
    expect(isPost(null)).to.equal(false);
    expect(() => validatePost({ ...offer(), title: 'x'.repeat(121) })).to.throw(/longer than 120/);
  });

  it('keeps terms on offers only, and drops empty terms', () => {
    expect(offer({ terms: { askFirst: false, quietHours: ' ' } }).terms).to.equal(undefined);
    expect(offer({ terms: { askFirst: true, quietHours: ' after 8pm ' } }).terms).to.deep.equal({
      askFirst: true,
      quietHours: 'after 8pm',
    });
    expect(isPost({ ...offer(), kind: 'need', terms: { askFirst: true } })).to.equal(false);
  });

  it('edits, but never below the slots people hold', () => {
    let post = claimSlot(offer({ slots: 3 }), ben, { claimId: 'c1', now: NOW });
    post = claimSlot(post, cleo, { claimId: 'c2', now: NOW });
    expect(editPost(post, { title: 'Lentil soup', slots: 2 }).title).to.equal('Lentil soup');
    expect(codeOf(() => editPost(post, { slots: 1 }))).to.equal('has-claims');
    expect(editPost(post, { place: '' }).place).to.equal(undefined);
  });

  it('withdraws in one step, and a withdrawn post takes no claims', () => {
    const post = withdrawPost(offer(), NOW);
    expect(post.status).to.equal('withdrawn');
    expect(post.withdrawnAt).to.equal(NOW.toISOString());
    expect(postState(post, NOW)).to.equal('withdrawn');
    expect(codeOf(() => claimSlot(post, ben, { claimId: 'c', now: NOW }))).to.equal('withdrawn');
    expect(withdrawPost(post, at('2026-03-05T00:00:00Z'))).to.equal(post);
  });
});

describe('offers: expiry', () => {
  it('expires at its own expiry, else a day after its time, else 30 days after posting', () => {
    expect(expiryOf(offer({ expiresAt: '2026-03-04T00:00:00Z' }))).to.equal(
      Date.parse('2026-03-04T00:00:00Z'),
    );
    expect(expiryOf(offer({ when: { flexible: false, start: '2026-03-03T18:00:00Z' } }))).to.equal(
      Date.parse('2026-03-04T18:00:00Z'),
    );
    expect(expiryOf(offer())).to.equal(Date.parse('2026-04-01T10:00:00Z'));
    const post = offer({ expiresAt: '2026-03-04T00:00:00Z' });
    expect(postState(post, at('2026-03-03T23:59:59Z'))).to.equal('open');
    expect(postState(post, at('2026-03-04T00:00:00Z'))).to.equal('expired');
    expect(codeOf(() => claimSlot(post, ben, { claimId: 'c', now: at('2026-03-05T00:00:00Z') }))).to.equal(
      'expired',
    );
  });

  it('sorts soonest first: dated posts by start, flexible ones last', () => {
    const dated = offer({ when: { flexible: false, start: '2026-03-05T10:00:00Z' } });
    const started = offer({
      when: { flexible: false, start: '2026-03-01T10:00:00Z', end: '2026-03-06T10:00:00Z' },
    });
    expect(soonestTime(dated, NOW)).to.equal(Date.parse('2026-03-05T10:00:00Z'));
    expect(soonestTime(started, NOW)).to.equal(NOW.getTime());
    expect(soonestTime(offer(), NOW)).to.be.greaterThan(soonestTime(dated, NOW));
  });
});

describe('offers: times', () => {
  it('reads ISO times exactly as Date.parse does', () => {
    for (const iso of [
      '2026-03-02T10:00:00.000Z',
      '2028-02-29T23:59:59.999Z',
      '1999-12-31T00:00:00.001Z',
      '2026-03-02T10:00:00Z',
      '2026-03-02T10:00:00+02:00',
      '2026-03-02',
    ])
      expect(timeOf(iso), iso).to.equal(Date.parse(iso));
    expect(Number.isNaN(timeOf('soon'))).to.equal(true);
    expect(isPost({ ...offer(), createdAt: '2026-13-02T10:00:00.000Z' })).to.equal(false);
    expect(isPost({ ...offer(), createdAt: 'yesterday' })).to.equal(false);
  });
});

describe('offers: claims', () => {
  it('claims the first open slot, shows full when all are held, and one person holds one slot', () => {
    let post = claimSlot(offer(), ben, { claimId: 'c1', now: NOW });
    expect(post.claims).to.deep.equal([
      { id: 'c1', personId: 'ben', personName: 'Ben', slot: 0, status: 'active', at: NOW.toISOString() },
    ]);
    expect(codeOf(() => claimSlot(post, ben, { claimId: 'c2', now: NOW }))).to.equal('already-claimed');
    post = claimSlot(post, cleo, { claimId: 'c2', now: NOW });
    expect(openSlots(post)).to.deep.equal([]);
    expect(postState(post, NOW)).to.equal('full');
    expect(codeOf(() => claimSlot(post, { id: 'dee' }, { claimId: 'c3', now: NOW }))).to.equal('full');
    expect(codeOf(() => claimSlot(post, { id: 'dee' }, { claimId: 'c3', slot: 1, now: NOW }))).to.equal(
      'slot-taken',
    );
  });

  it('never lets the author claim their own post', () => {
    expect(codeOf(() => claimSlot(offer(), ana, { claimId: 'c', now: NOW }))).to.equal('own-post');
  });

  it('releases at once: the slot opens again and can be claimed by someone else', () => {
    let post = claimSlot(offer({ slots: 1 }), ben, { claimId: 'c1', now: NOW });
    expect(codeOf(() => releaseClaim(post, 'c1', 'cleo'))).to.equal('not-yours');
    post = releaseClaim(post, 'c1', 'ben');
    expect(post.claims[0]!.status).to.equal('released');
    expect(postState(post, NOW)).to.equal('open');
    post = claimSlot(post, cleo, { claimId: 'c2', now: NOW });
    expect(claimOf(post, 'cleo')!.slot).to.equal(0);
    expect(claimOf(post, 'ben')).to.equal(undefined);
    expect(codeOf(() => releaseClaim(post, 'nope', 'ben'))).to.equal('not-found');
  });

  it('with "ask me first" a claim is a request the author accepts or declines', () => {
    let post = claimSlot(offer({ slots: 1, terms: { askFirst: true } }), ben, { claimId: 'c1', now: NOW });
    expect(post.claims[0]!.status).to.equal('requested');
    expect(postState(post, NOW)).to.equal('full');
    const declined = declineClaim(post, 'c1');
    expect(declined.claims[0]!.status).to.equal('declined');
    expect(postState(declined, NOW)).to.equal('open');
    post = acceptClaim(post, 'c1');
    expect(post.claims[0]!.status).to.equal('active');
    expect(codeOf(() => acceptClaim(post, 'c1'))).to.equal('invalid');
  });

  it('"at most once a week per person" refuses a second claim within seven days', () => {
    let post = claimSlot(offer({ slots: 3, terms: { oncePerWeek: true } }), ben, { claimId: 'c1', now: NOW });
    post = markDone(post, 'c1');
    expect(codeOf(() => claimSlot(post, ben, { claimId: 'c2', now: at('2026-03-08T09:59:00Z') }))).to.equal(
      'once-a-week',
    );
    expect(claimSlot(post, ben, { claimId: 'c2', now: at('2026-03-09T10:00:00Z') }).claims).to.have.length(2);
    // Without the term, a done claim does not stop another one.
    const plain = markDone(claimSlot(offer({ slots: 3 }), ben, { claimId: 'c1', now: NOW }), 'c1');
    expect(claimSlot(plain, ben, { claimId: 'c2', now: NOW }).claims).to.have.length(2);
  });

  it('marks done and takes a short thank-you from the claimant only', () => {
    let post = claimSlot(offer(), ben, { claimId: 'c1', now: NOW });
    expect(codeOf(() => markDone(declineClaim(post, 'c1'), 'c1'))).to.equal('invalid');
    post = markDone(post, 'c1');
    expect(post.claims[0]!.status).to.equal('done');
    expect(codeOf(() => addThanks(post, 'c1', 'cleo', 'thanks!'))).to.equal('not-yours');
    expect(codeOf(() => addThanks(post, 'c1', 'ben', '   '))).to.equal('invalid');
    expect(codeOf(() => addThanks(post, 'c1', 'ben', 'x'.repeat(281)))).to.equal('invalid');
    expect(addThanks(post, 'c1', 'ben', ' The soup was lovely ').claims[0]!.thanks).to.equal(
      'The soup was lovely',
    );
    expect(codeOf(() => releaseClaim(post, 'c1', 'ben'))).to.equal('invalid');
  });

  it('rejects stored posts whose claims break the rules', () => {
    const post = claimSlot(offer({ slots: 1 }), ben, { claimId: 'c1', now: NOW });
    const twice = { ...post, claims: [...post.claims, { ...post.claims[0]!, id: 'c2', personId: 'cleo' }] };
    expect(() => validatePost(twice)).to.throw(/already held/);
    expect(() => validatePost({ ...post, claims: [{ ...post.claims[0]!, slot: 4 }] })).to.throw(/not a slot/);
    expect(() => validatePost({ ...post, claims: [{ ...post.claims[0]!, personId: 'ana' }] })).to.throw(
      /own post/,
    );
  });
});

describe('offers: private details', () => {
  const base = () => offer({ slots: 2, privateDetails: 'Door code 4711', terms: { askFirst: true } });

  it('shows private details to the author, accepted claimants and moderators only', () => {
    let post = claimSlot(base(), ben, { claimId: 'c1', now: NOW });
    expect(PRIVATE_FIELDS).to.include('privateDetails');
    expect(visiblePost(post, { id: 'ana' }).privateDetails).to.equal('Door code 4711');
    expect(visiblePost(post, { id: 'cleo' }).privateDetails).to.equal(undefined);
    expect(visiblePost(post, { id: 'cleo', moderator: true }).privateDetails).to.equal('Door code 4711');
    // A request is not yet a yes.
    expect(visiblePost(post, { id: 'ben' }).privateDetails).to.equal(undefined);
    post = acceptClaim(post, 'c1');
    expect(visiblePost(post, { id: 'ben' }).privateDetails).to.equal('Door code 4711');
    // Stripping copies: the stored post keeps them.
    expect(post.privateDetails).to.equal('Door code 4711');
    expect(visiblePost(releaseClaim(post, 'c1', 'ben'), { id: 'ben' }).privateDetails).to.equal(undefined);
  });

  it('restores private fields a non-author could not see, but not for the author', () => {
    const before = base();
    const stripped = visiblePost(before, { id: 'ben' });
    expect(restorePrivateFields(before, stripped, { id: 'ben' }).privateDetails).to.equal('Door code 4711');
    expect(restorePrivateFields(before, stripped, { id: 'ana' }).privateDetails).to.equal(undefined);
  });
});

describe('offers: reflections', () => {
  it('makes a storage-safe id from the post and the person, different for different people', () => {
    const id = reflectionId('p1', 'ana@example.org');
    expect(SAFE_NAME.test(id)).to.equal(true);
    expect(id).to.not.equal(reflectionId('p1', 'ana_0040example.org'));
    expect(reflectionId('p1', 'anon-1')).to.equal('p1:anon-1');
  });

  it('validates the private answer', () => {
    const good = { postId: 'p1', personId: 'ana', again: false, at: NOW.toISOString() };
    expect(validateReflection(good)).to.equal(good);
    expect(() => validateReflection({ ...good, again: 'no' })).to.throw(OfferError);
    expect(() => validateReflection({ ...good, note: 'x' })).to.throw(/unknown field/);
  });
});
