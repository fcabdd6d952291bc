import { expect } from '@open-wc/testing';
import {
  actsAnonymously,
  applyConcernOperation,
  concernQueue,
  ConcernError,
  isAnswered,
  isConcern,
  isModerationLogEntry,
  moderationLogId,
  newConcernKey,
  parseConcernOperation,
  raiseConcern,
  raiserView,
  validateConcern,
  waitingSince,
  type Concern,
  type ConcernOperation,
} from '../../src/domain/concerns.js';
import {
  canSeePost,
  checkChangePost,
  claimSlot,
  createPost,
  visiblePost,
  type Post,
} from '../../src/domain/offers.js';
import { applyHideOperation, isHideOperation, parseHideOperation } from '../../src/domain/post-operations.js';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const ana = { id: 'ana', name: 'Ana' };
const mo = { id: 'mo', name: 'Mo' };
const KEY = 'a'.repeat(64);

const raise = (extra: Record<string, unknown> = {}) =>
  parseConcernOperation({
    type: 'raise',
    about: 'community',
    kind: 'asked-too-often',
    text: '  I have been asked every day.  ',
    visibility: 'moderators',
    ...extra,
  }) as Extract<ConcernOperation, { type: 'raise' }>;

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(ConcernError);
    return (error as ConcernError).code;
  }
  return 'none';
}

const op = (value: unknown) => parseConcernOperation(value);
const raiser = { raiser: true };
const moderator = { raiser: false, moderator: mo };

describe('concerns: raising', () => {
  it('a named concern keeps its raiser; an anonymous one keeps nobody, whatever is passed', () => {
    const named = raiseConcern(raise(), ana, NOW);
    expect(named).to.deep.include({
      raiserId: 'ana',
      raiserName: 'Ana',
      state: 'open',
      visibility: 'moderators',
    });
    expect(named.entries).to.deep.equal([
      { id: 'e1', by: 'raiser', text: 'I have been asked every day.', state: 'open', at: NOW.toISOString() },
    ]);
    const anonymous = raiseConcern(raise({ visibility: 'anonymous', key: KEY }), ana, NOW);
    expect(anonymous.raiserId).to.equal(undefined);
    expect(anonymous.raiserName).to.equal(undefined);
    expect(JSON.stringify(anonymous)).not.to.contain('ana');
    expect(JSON.stringify(anonymous)).not.to.contain(KEY);
    expect(codeOf(() => raiseConcern(raise(), undefined, NOW))).to.equal('invalid');
  });

  it('reads operations strictly, before anything about what exists', () => {
    expect(
      op({ type: 'raise', about: 'post', postId: 'p1', kind: 'other', text: 'x', visibility: 'moderators' }),
    ).to.deep.equal({
      type: 'raise',
      about: 'post',
      postId: 'p1',
      kind: 'other',
      text: 'x',
      visibility: 'moderators',
    });
    expect(actsAnonymously(op({ type: 'follow', key: KEY }))).to.equal(true);
    expect(actsAnonymously(op({ type: 'follow' }))).to.equal(false);
    expect(op({ type: 'reopen', text: '   ' })).to.deep.equal({ type: 'reopen' });
    expect(op({ type: 'answer', text: 'ok', state: 'closed' })).to.deep.equal({
      type: 'answer',
      text: 'ok',
      state: 'closed',
    });
    expect(op({ type: 'set-state', state: 'acted-on' })).to.deep.equal({
      type: 'set-state',
      state: 'acted-on',
    });
    for (const bad of [
      null,
      [],
      { type: 'delete' },
      { type: 'follow', extra: 1 },
      { type: 'follow', key: 'short' },
      { type: 'follow', key: `${'a'.repeat(40)}!` },
      { type: 'raise', about: 'post', kind: 'other', text: 'x', visibility: 'moderators' },
      { type: 'raise', about: 'community', postId: 'p', kind: 'other', text: 'x', visibility: 'moderators' },
      { type: 'raise', about: 'community', kind: 'other', visibility: 'moderators' },
      { type: 'raise', about: 'community', kind: 'grumpy', text: 'x', visibility: 'moderators' },
      { type: 'raise', about: 'community', kind: 'other', text: 'x', visibility: 'anonymous' },
      { type: 'raise', about: 'community', kind: 'other', text: 'x', visibility: 'moderators', key: KEY },
      { type: 'add', text: 3 },
      { type: 'add', text: '' },
      { type: 'add', text: 'x'.repeat(2001) },
      { type: 'answer', text: 'x', state: 'gone' },
    ])
      expect(
        codeOf(() => op(bad)),
        JSON.stringify(bad),
      ).to.equal('invalid');
  });
});

describe('concerns: the thread and its states', () => {
  const open = () => raiseConcern(raise(), ana, NOW);

  it('a concern closes only on an answer to the raiser’s latest words', () => {
    let c: Concern = open();
    expect(isAnswered(c)).to.equal(false);
    expect(waitingSince(c)).to.equal(NOW.toISOString());
    expect(
      codeOf(() => applyConcernOperation(c, op({ type: 'set-state', state: 'closed' }), moderator, later(1))),
    ).to.equal('answer-first');
    c = applyConcernOperation(c, op({ type: 'set-state', state: 'acknowledged' }), moderator, later(1));
    expect(c.state).to.equal('acknowledged');
    expect(c.entries[1]).to.deep.equal({
      id: 'e2',
      by: 'moderator',
      state: 'acknowledged',
      at: later(1).toISOString(),
      moderatorId: 'mo',
      moderatorName: 'Mo',
    });
    expect(
      applyConcernOperation(c, op({ type: 'set-state', state: 'acknowledged' }), moderator, later(2)),
    ).to.equal(c);
    c = applyConcernOperation(c, op({ type: 'answer', text: 'We hear you.' }), moderator, later(2));
    expect(isAnswered(c)).to.equal(true);
    expect(waitingSince(c)).to.equal(undefined);
    c = applyConcernOperation(c, op({ type: 'add', text: 'Again today.' }), raiser, later(3));
    expect(waitingSince(c)).to.equal(later(3).toISOString());
    expect(
      codeOf(() => applyConcernOperation(c, op({ type: 'set-state', state: 'closed' }), moderator, later(4))),
    ).to.equal('answer-first');
    c = applyConcernOperation(
      c,
      op({ type: 'answer', text: 'Paused.', state: 'closed' }),
      moderator,
      later(4),
    );
    expect(c.state).to.equal('closed');
    expect(codeOf(() => applyConcernOperation(c, op({ type: 'add', text: 'x' }), raiser, later(5)))).to.equal(
      'closed',
    );
    expect(
      codeOf(() => applyConcernOperation(c, op({ type: 'set-state', state: 'open' }), moderator, later(5))),
    ).to.equal('closed');
    // A closed concern may still be answered; it stays closed.
    expect(
      applyConcernOperation(c, op({ type: 'answer', text: 'One more word.' }), moderator, later(5)).state,
    ).to.equal('closed');
    expect(codeOf(() => applyConcernOperation(c, op({ type: 'reopen' }), moderator, later(5)))).to.equal(
      'raiser-only',
    );
    c = applyConcernOperation(c, op({ type: 'reopen', text: 'Not over.' }), raiser, later(6));
    expect(c.state).to.equal('open');
    expect(codeOf(() => applyConcernOperation(c, op({ type: 'reopen' }), raiser, later(7)))).to.equal(
      'not-closed',
    );
    expect(validateConcern(c)).to.deep.equal(c);
  });

  it('only moderators answer, only the raiser adds; raise and follow change nothing here', () => {
    const c = open();
    expect(codeOf(() => applyConcernOperation(c, op({ type: 'answer', text: 'x' }), raiser, NOW))).to.equal(
      'moderators-only',
    );
    expect(codeOf(() => applyConcernOperation(c, op({ type: 'add', text: 'x' }), moderator, NOW))).to.equal(
      'raiser-only',
    );
    expect(codeOf(() => applyConcernOperation(c, op({ type: 'follow' }), raiser, NOW))).to.equal('invalid');
    expect(codeOf(() => applyConcernOperation(c, raise(), raiser, NOW))).to.equal('invalid');
  });

  it('a thread holds 200 entries at most', () => {
    let c = open();
    for (let i = 1; i < 200; i++)
      c = applyConcernOperation(c, op({ type: 'add', text: `${i}` }), raiser, NOW);
    expect(
      codeOf(() => applyConcernOperation(c, op({ type: 'add', text: 'one more' }), raiser, NOW)),
    ).to.equal('thread-full');
  });

  it('the raiser never sees who answered', () => {
    const c = applyConcernOperation(open(), op({ type: 'answer', text: 'ok' }), moderator, later(1));
    const shown = raiserView(c);
    expect(JSON.stringify(shown)).not.to.contain('"mo"');
    expect(JSON.stringify(shown)).not.to.contain('moderatorName');
    expect(shown.entries[1]).to.deep.equal({
      id: 'e2',
      by: 'moderator',
      text: 'ok',
      at: later(1).toISOString(),
    });
    const unanswered = open();
    expect(raiserView(unanswered)).to.equal(unanswered);
  });

  it('stored values tie their fields together', () => {
    const c = open();
    expect(isConcern(c)).to.equal(true);
    for (const bad of [
      { ...c, postId: 'p' },
      { ...c, raiserId: undefined },
      { ...c, visibility: 'anonymous' },
      { ...c, entries: [] },
      { ...c, entries: [{ ...c.entries[0], by: 'moderator' }] },
      { ...c, state: 'deleted' },
    ])
      expect(isConcern(bad), JSON.stringify(bad)).to.equal(false);
    expect(codeOf(() => validateConcern({}))).to.equal('invalid');
  });
});

describe('concerns: the moderators’ queue', () => {
  it('open first, the longest wait first, with how long each has waited', () => {
    const record = (id: string, c: Concern) => ({ id, value: c });
    const old = raiseConcern(raise(), ana, NOW);
    const fresh = raiseConcern(raise(), ana, later(30));
    const answered = applyConcernOperation(
      raiseConcern(raise(), ana, later(-60)),
      op({ type: 'answer', text: 'ok' }),
      moderator,
      later(10),
    );
    const closed = applyConcernOperation(
      raiseConcern(raise(), ana, later(-120)),
      op({ type: 'answer', text: 'done', state: 'closed' }),
      moderator,
      later(5),
    );
    const acknowledged = applyConcernOperation(
      raiseConcern(raise(), ana, later(-300)),
      op({ type: 'set-state', state: 'acknowledged' }),
      moderator,
      later(1),
    );
    const queue = concernQueue(
      [
        record('z', fresh),
        record('c', closed),
        record('a', acknowledged),
        record('x', answered),
        record('y', old),
        { id: 'junk', value: { nope: true } },
      ],
      later(60),
    );
    expect(queue.map((q) => q.record.id)).to.deep.equal(['y', 'z', 'x', 'a', 'c']);
    expect(queue.map((q) => q.waitingMs)).to.deep.equal([
      3_600_000,
      1_800_000,
      undefined,
      21_600_000,
      undefined,
    ]);
  });

  it('keys, log ids and log entries', () => {
    const key = newConcernKey();
    expect(key).to.match(/^[0-9a-f]{64}$/);
    expect(newConcernKey()).not.to.equal(key);
    expect(moderationLogId(NOW, 'abcdef0123')).to.equal('2026-03-02T10:00:00.000Z-abcdef01');
    expect(
      isModerationLogEntry({
        at: NOW.toISOString(),
        action: 'raise',
        by: 'raiser',
        target: 'concerns',
        targetId: 'c1',
      }),
    ).to.equal(true);
    expect(
      isModerationLogEntry({
        at: NOW.toISOString(),
        action: 'shout',
        by: 'raiser',
        target: 'concerns',
        targetId: 'c1',
      }),
    ).to.equal(false);
  });
});

describe('hidden posts', () => {
  const cai = { id: 'cai', name: 'Cai' };
  const post = (): Post =>
    createPost(
      'maple',
      { kind: 'offer', title: 'Soup', category: 'meals', slots: 2, privateDetails: 'Flat 2' },
      cai,
      NOW,
    );
  const modActor = { id: 'mo', moderator: true };

  it('only moderators hide, with a reason; the author and moderators see it, nobody else', () => {
    expect(isHideOperation({ type: 'hide' })).to.equal(true);
    expect(isHideOperation({ type: 'claim' })).to.equal(false);
    expect(isHideOperation(null)).to.equal(false);
    const hide = parseHideOperation({ type: 'hide', reason: '  unkind words  ' });
    expect(hide).to.deep.equal({ type: 'hide', reason: 'unkind words' });
    expect(() => applyHideOperation(post(), hide, { id: 'ben' }, NOW)).to.throw(/only moderators/);
    const hidden = applyHideOperation(post(), hide, modActor, NOW);
    expect(hidden.hidden).to.deep.equal({
      at: NOW.toISOString(),
      reason: 'unkind words',
      moderatorId: 'mo',
      replies: [],
    });
    expect(canSeePost(hidden, { id: 'ben' })).to.equal(false);
    expect(canSeePost(hidden, { id: 'cai' })).to.equal(true);
    expect(canSeePost(hidden, modActor)).to.equal(true);
    expect(canSeePost(post(), { id: 'ben' })).to.equal(true);
    const authorView = visiblePost(hidden, { id: 'cai' });
    expect(authorView.hidden).to.deep.equal({ at: NOW.toISOString(), reason: 'unkind words', replies: [] });
    expect(authorView.privateDetails).to.equal('Flat 2');
    expect(visiblePost(hidden, modActor)).to.equal(hidden);
    expect(() => applyHideOperation(hidden, hide, modActor, NOW)).to.throw(/hidden already/);
    expect(() => claimSlot(hidden, { id: 'ben' }, { claimId: 'k', now: NOW })).to.throw(/hidden/);
  });

  it('the author and moderators answer on the hide; unhide lifts it', () => {
    const hidden = applyHideOperation(post(), { type: 'hide', reason: 'why' }, modActor, NOW);
    const reply = parseHideOperation({ type: 'hide-reply', text: ' I meant well ' });
    const answered = applyHideOperation(hidden, reply, { id: 'cai' }, later(1));
    expect(answered.hidden!.replies).to.deep.equal([
      { by: 'author', text: 'I meant well', at: later(1).toISOString() },
    ]);
    const modReply = applyHideOperation(
      answered,
      { type: 'hide-reply', text: 'Thank you' },
      modActor,
      later(2),
    );
    expect(modReply.hidden!.replies[1]).to.deep.equal({
      by: 'moderator',
      text: 'Thank you',
      at: later(2).toISOString(),
      moderatorId: 'mo',
    });
    expect(visiblePost(modReply, { id: 'cai' }).hidden!.replies[1]).to.deep.equal({
      by: 'moderator',
      text: 'Thank you',
      at: later(2).toISOString(),
    });
    expect(() => applyHideOperation(hidden, reply, { id: 'ben' }, NOW)).to.throw(
      /only the author and moderators/,
    );
    expect(() => applyHideOperation(post(), reply, { id: 'cai' }, NOW)).to.throw(/not hidden/);
    expect(() => applyHideOperation(hidden, { type: 'unhide' }, { id: 'cai' }, NOW)).to.throw(
      /only moderators/,
    );
    const shown = applyHideOperation(modReply, parseHideOperation({ type: 'unhide' }), modActor, NOW);
    expect(shown.hidden).to.equal(undefined);
    expect(() => applyHideOperation(shown, { type: 'unhide' }, modActor, NOW)).to.throw(/not hidden/);
    expect(() => applyHideOperation(hidden, { type: 'hide-reply', text: ' ' }, { id: 'cai' }, NOW)).to.throw(
      /1 to/,
    );
    expect(() => applyHideOperation(post(), { type: 'hide', reason: '' }, modActor, NOW)).to.throw(/reason/);
    expect(() => applyHideOperation(post(), { type: 'hide', reason: 'x' }, { id: '' }, NOW)).to.throw(
      /signed in/,
    );
  });

  it('reads moderation operations strictly', () => {
    for (const bad of [
      { type: 'claim' },
      { type: 'hide' },
      { type: 'hide', reason: 'x', extra: 1 },
      { type: 'hide-reply', text: 5 },
      { type: 'unhide', reason: 'x' },
    ])
      expect(() => parseHideOperation(bad), JSON.stringify(bad)).to.throw();
    expect(parseHideOperation({ type: 'unhide' })).to.deep.equal({ type: 'unhide' });
  });

  it('nobody writes `hidden` by hand: not on a new post, not in an edit', () => {
    const hidden = applyHideOperation(post(), { type: 'hide', reason: 'why' }, modActor, NOW);
    expect(checkChangePost(cai, undefined, hidden, NOW)).to.deep.include({ allowed: false, code: 'invalid' });
    const { hidden: _h, ...lifted } = hidden;
    expect(checkChangePost(cai, hidden, lifted, NOW)).to.deep.include({
      allowed: false,
      code: 'fixed-field',
    });
    expect(checkChangePost(cai, hidden, { ...hidden, title: 'Soup!' }, NOW)).to.deep.equal({ allowed: true });
    for (const bad of [
      { ...hidden, hidden: 'yes' },
      { ...hidden, hidden: { ...hidden.hidden, reason: '' } },
      { ...hidden, hidden: { ...hidden.hidden, at: 'soon' } },
      { ...hidden, hidden: { ...hidden.hidden, replies: 'none' } },
      { ...hidden, hidden: { ...hidden.hidden, replies: ['x'] } },
      {
        ...hidden,
        hidden: { ...hidden.hidden, replies: [{ by: 'someone', text: 'x', at: NOW.toISOString() }] },
      },
      { ...hidden, hidden: { ...hidden.hidden, replies: [{ by: 'author', text: 'x', at: 'then' }] } },
      { ...hidden, hidden: { ...hidden.hidden, colour: 'red' } },
    ])
      expect(checkChangePost(cai, hidden, bad, NOW).allowed, JSON.stringify(bad.hidden)).to.equal(false);
  });
});
