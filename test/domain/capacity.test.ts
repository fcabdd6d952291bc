import { expect } from '@open-wc/testing';
import { SAFE_NAME } from '../../src/storage/adapter.js';
import {
  addAskCounts,
  askOrder,
  canRemoveCheckIn,
  canSeeCheckIn,
  canWriteAsk,
  canWriteCheckIn,
  canWriteHistory,
  checkInId,
  circleEntries,
  dayKey,
  defaultVisibility,
  expiryFor,
  historyId,
  isActive,
  isGenuineCheckIn,
  lastDay,
  levelRank,
  lowDays,
  ownAskCounts,
  ownLastAsks,
  parseKinds,
  patternDays,
  presetOf,
  namedWithRoom,
  validateAsk,
  validateCheckIn,
  validateHistoryEntry,
  type Ask,
  type CapacityLevel,
  type Visibility,
} from '../../src/domain/capacity.js';
import { encodeName } from '../../src/domain/record-ids.js';

import { NOW, TONIGHT, checkIn } from './capacity-fixtures.js';

const ask = (askedId: string, daysAgo: number, more: Partial<Ask> = {}): Ask => ({
  circle: 'maple',
  askerId: 'me',
  askedId,
  kind: 'listening',
  at: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString(),
  ...more,
});

describe('capacity rules', () => {
  describe('levels and kinds', () => {
    it('orders the levels from resting to plenty', () => {
      expect(
        ['plenty', 'resting', 'some', 'a-little'].map((l) => levelRank(l as CapacityLevel)),
      ).to.deep.equal([3, 0, 2, 1]);
    });

    it('reads the kinds attribute, and falls back to the defaults', () => {
      expect(parseKinds(' Listening, meals ,meals,,bad kind!,rides')).to.deep.equal([
        'listening',
        'meals',
        'rides',
      ]);
      expect(parseKinds('')).to.deep.equal(['listening', 'practical', 'hosting']);
      expect(parseKinds(undefined)).to.deep.equal(['listening', 'practical', 'hosting']);
    });
  });

  describe('visibility', () => {
    it('defaults to just me, even with a circle on shared storage', () => {
      expect(defaultVisibility('maple', true)).to.equal('just-me');
      expect(defaultVisibility('maple', false)).to.equal('just-me');
      expect(defaultVisibility('', true)).to.equal('just-me');
    });

    it('takes the site’s default only with a circle on shared storage, and only a known one', () => {
      expect(defaultVisibility('maple', true, 'circle')).to.equal('circle');
      expect(defaultVisibility('maple', true, 'counted')).to.equal('counted');
      expect(defaultVisibility('maple', true, 'just-me')).to.equal('just-me');
      expect(defaultVisibility('maple', false, 'circle')).to.equal('just-me');
      expect(defaultVisibility('', true, 'circle')).to.equal('just-me');
      for (const odd of ['everyone', 'Circle', '', null, undefined])
        expect(defaultVisibility('maple', true, odd)).to.equal('just-me');
    });

    it('never shows a just-me check-in to anyone else', () => {
      const mine = checkIn('ana', 'some', { visibility: 'just-me' });
      expect(canSeeCheckIn('ana', mine)).to.equal(true);
      expect(canSeeCheckIn('ben', mine)).to.equal(false);
      expect(canSeeCheckIn('ben', { ...mine, visibility: 'counted' })).to.equal(true);
    });
  });

  describe('expiry', () => {
    it('computes tonight, tomorrow, a week and a date as local day ends', () => {
      expect(expiryFor('tonight', NOW)).to.deep.equal(TONIGHT);
      expect(expiryFor('tomorrow', NOW)).to.deep.equal(new Date(2026, 10, 5));
      expect(expiryFor('week', NOW)).to.deep.equal(new Date(2026, 10, 10));
      expect(expiryFor('date', NOW, '2026-11-20')).to.deep.equal(new Date(2026, 10, 21));
      expect(expiryFor('date', NOW, '2026-11-03')).to.deep.equal(TONIGHT);
    });

    it('refuses a day in the past, too far ahead, or not a day', () => {
      expect(expiryFor('date', NOW, '2026-11-02')).to.equal(undefined);
      expect(expiryFor('date', NOW, '2027-01-20')).to.equal(undefined);
      expect(expiryFor('date', NOW, '2026-02-30')).to.equal(undefined);
      expect(expiryFor('date', NOW, 'soon')).to.equal(undefined);
      expect(expiryFor('date', NOW)).to.equal(undefined);
    });

    it('stops counting a check-in once its time has passed', () => {
      const c = checkIn('ana', 'some');
      expect(isActive(c, NOW)).to.equal(true);
      expect(isActive(c, new Date(2026, 10, 3, 23, 59))).to.equal(true);
      expect(isActive(c, TONIGHT)).to.equal(false);
    });

    it('finds the preset and the last day back from a stored expiry', () => {
      expect(presetOf(TONIGHT.toISOString(), NOW)).to.equal('tonight');
      expect(presetOf(new Date(2026, 10, 10).toISOString(), NOW)).to.equal('week');
      expect(presetOf(new Date(2026, 10, 15).toISOString(), NOW)).to.equal('date');
      expect(lastDay(new Date(2026, 10, 15).toISOString())).to.equal('2026-11-14');
      expect(dayKey(NOW)).to.equal('2026-11-03');
    });
  });

  describe('ids', () => {
    it('makes one safe id per person per circle, and per person per day', () => {
      const ids = [
        checkInId('maple', 'ana'),
        checkInId('maple street', 'ana@example.org'),
        checkInId('calle ñandú', '~x:y'),
        checkInId('maple', 'x'.repeat(300)),
        historyId('ana', '2026-11-03'),
      ];
      for (const id of ids) expect(id).to.match(SAFE_NAME);
      expect(checkInId('maple', 'ana')).to.equal('maple:ana');
      expect(checkInId('a:b', 'c')).not.to.equal(checkInId('a', 'b:c'));
      expect(checkInId('maple', 'x'.repeat(300))).not.to.equal(checkInId('maple', 'x'.repeat(301)));
      expect(decodeURIComponent(encodeName('~ñ!').replace(/~/g, '%'))).to.equal('~ñ!');
    });
  });

  describe('validation and rights', () => {
    it('accepts a good check-in and refuses bad ones plainly', () => {
      expect(validateCheckIn(checkIn('ana', 'some'), NOW)).to.deep.include({ ok: true });
      const bad = validateCheckIn({ ...checkIn('ana', 'some'), level: 'exhausted' }, NOW);
      expect(bad).to.deep.include({ ok: false, code: 'invalid' });
      expect(bad.ok === false && bad.message).to.contain('level');
      expect(validateCheckIn({ ...checkIn('ana', 'some'), note: 'x'.repeat(141) }, NOW)).to.deep.include({
        ok: false,
      });
      expect(validateCheckIn({ ...checkIn('ana', 'some'), kinds: ['Not A Kind'] }, NOW)).to.deep.include({
        ok: false,
      });
      expect(validateCheckIn(checkIn('ana', 'some'), TONIGHT)).to.deep.include({ ok: false, code: 'expiry' });
      const farAway = new Date(2027, 0, 1).toISOString();
      expect(validateCheckIn(checkIn('ana', 'some', { expiresAt: farAway }), NOW)).to.deep.include({
        code: 'expiry',
      });
      expect(validateAsk(ask('ben', 0))).to.deep.include({ ok: true });
      expect(validateAsk({ ...ask('ben', 0), at: 'yesterday' })).to.deep.include({ ok: false });
      expect(
        validateHistoryEntry({ personId: 'ana', circle: '', date: '2026-11-03', level: 'some' }),
      ).to.deep.include({ ok: true });
    });

    it('lets a person write and clear only their own check-in', () => {
      const value = checkIn('ana', 'some');
      const record = { id: checkInId('maple', 'ana'), value };
      expect(canWriteCheckIn('ana', record)).to.equal(true);
      expect(canWriteCheckIn('ben', record)).to.equal(false);
      expect(canWriteCheckIn('ana', { id: checkInId('oak', 'ana'), value })).to.equal(false);
      expect(canRemoveCheckIn('ben', record)).to.equal(false);
      expect(canRemoveCheckIn('ben', record, { moderator: true })).to.equal(true);
      expect(isGenuineCheckIn({ ...record, author: 'ana' })).to.equal(true);
      expect(isGenuineCheckIn({ ...record, author: 'ben' })).to.equal(false);
    });

    it('keeps history and asks to their own person', () => {
      const entry = { personId: 'ana', circle: 'maple', date: '2026-11-03', level: 'some' as const };
      expect(canWriteHistory('ana', { id: historyId('ana', '2026-11-03'), value: entry })).to.equal(true);
      expect(canWriteHistory('ben', { id: historyId('ana', '2026-11-03'), value: entry })).to.equal(false);
      expect(canWriteAsk('me', ask('ben', 0))).to.equal(true);
      expect(canWriteAsk('ben', ask('ben', 0))).to.equal(false);
      expect(canWriteAsk('me', ask('me', 0))).to.equal(false);
    });
  });

  describe('the circle', () => {
    const people = [
      checkIn('ana', 'plenty'),
      checkIn('ben', 'some', { kinds: ['listening'] }),
      checkIn('cy', 'a-little', { visibility: 'counted', note: 'secret' }),
      checkIn('dee', 'resting'),
      checkIn('eve', 'plenty', { visibility: 'just-me' }),
      checkIn('fay', 'plenty', { expiresAt: NOW.toISOString() }),
      checkIn('gus', 'plenty', { circle: 'oak' }),
    ];

    it('leaves out expired, just-me and other circles, and strips counted-only people of who they are', () => {
      const entries = circleEntries(people, 'maple', NOW);
      expect(entries).to.have.length(4);
      const counted = entries.find((e) => !e.named)!;
      expect(counted).to.deep.equal({
        named: false,
        level: 'a-little',
        kinds: ['listening', 'practical'],
        expiresAt: TONIGHT.toISOString(),
      });
      expect(JSON.stringify(entries))
        .not.to.contain('cy')
        .and.not.to.contain('secret')
        .and.not.to.contain('Eve');
    });

    it('names only the named people with room for a kind, most room first', () => {
      const entries = circleEntries(people, 'maple', NOW);
      expect(namedWithRoom(entries, 'listening').map((e) => e.name)).to.deep.equal(['Ana', 'Ben']);
      expect(namedWithRoom(entries, 'practical').map((e) => e.name)).to.deep.equal(['Ana']);
      expect(namedWithRoom(entries, 'hosting')).to.deep.equal([]);
    });
  });

  describe('spreading asks', () => {
    const entries = circleEntries(
      [
        checkIn('me', 'plenty'),
        checkIn('ana', 'plenty'),
        checkIn('ben', 'some'),
        checkIn('cy', 'a-little'),
        checkIn('dee', 'resting'),
        checkIn('hid', 'plenty', { visibility: 'counted' }),
        checkIn('host', 'plenty', { kinds: ['hosting'] }),
      ],
      'maple',
      NOW,
    );
    /** The order for me from my own asks, plus the circle's counts when given. */
    const order = (asks: Ask[], circleCounts: [string, number][] = []) =>
      askOrder(
        entries,
        addAskCounts(circleCounts, ownAskCounts(asks, { circle: 'maple', askerId: 'me', now: NOW })),
        { kind: 'listening', askerId: 'me', lastAsked: ownLastAsks(asks, 'maple', 'me') },
      ).map((e) => e.personId);

    it('puts more room first when nobody was asked, never the asker, the resting or the unnamed', () => {
      expect(order([])).to.deep.equal(['ana', 'ben', 'cy']);
    });

    it('puts people I asked less in the last week first, then those I asked longest ago', () => {
      expect(order([ask('ana', 1)])).to.deep.equal(['ben', 'cy', 'ana']);
      expect(order([ask('ana', 1), ask('ben', 2), ask('ben', 3)])).to.deep.equal(['cy', 'ana', 'ben']);
      // Both asked once this week and with the same room: the one asked longer ago comes first.
      const same = circleEntries([checkIn('p', 'some'), checkIn('q', 'some')], 'maple', NOW);
      const pq = (asks: Ask[]) =>
        askOrder(same, ownAskCounts(asks, { circle: 'maple', askerId: 'me', now: NOW }), {
          kind: 'listening',
          askerId: 'me',
          lastAsked: ownLastAsks(asks, 'maple', 'me'),
        }).map((e) => e.personId);
      expect(pq([ask('p', 1), ask('q', 3)])).to.deep.equal(['q', 'p']);
      expect(pq([ask('p', 20)]), 'never asked before asked long ago').to.deep.equal(['q', 'p']);
    });

    it('counts only my own asks: someone else’s ask in my store changes nothing', () => {
      expect(order([ask('ana', 1, { askerId: 'zoe' })])).to.deep.equal(['ana', 'ben', 'cy']);
      expect(
        ownAskCounts([ask('ana', 1, { askerId: 'zoe' })], { circle: 'maple', askerId: 'me', now: NOW }),
      ).to.deep.equal(new Map());
      expect(ownLastAsks([ask('ana', 1, { askerId: 'zoe' })], 'maple', 'me')).to.deep.equal(new Map());
    });

    it('spreads asks with the circle’s counts of named people, adding only my asks the counts don’t hold yet', () => {
      // The circle asked Ana twice and Ben once this week (by whom, nobody here knows).
      expect(
        order(
          [],
          [
            ['ana', 2],
            ['ben', 1],
          ],
        ),
      ).to.deep.equal(['cy', 'ben', 'ana']);
      const asks = [ask('cy', 2), ask('cy', 0)];
      const since = new Date(NOW.getTime() - 86_400_000);
      const newer = ownAskCounts(asks, { circle: 'maple', askerId: 'me', now: NOW, after: since });
      expect(newer, 'the ask two days ago is in the circle’s counts already').to.deep.equal(
        new Map([['cy', 1]]),
      );
      expect(
        askOrder(
          entries,
          addAskCounts(
            [
              ['ana', 2],
              ['ben', 1],
              ['cy', 1],
            ],
            newer,
          ),
          {
            kind: 'listening',
            askerId: 'me',
          },
        ).map((e) => e.personId),
      ).to.deep.equal(['ben', 'ana', 'cy']);
      expect(
        addAskCounts(
          [['a', 1]],
          new Map([
            ['a', 2],
            ['b', 1],
          ]),
        ),
      ).to.deep.equal(
        new Map([
          ['a', 3],
          ['b', 1],
        ]),
      );
    });

    it('forgets asks older than a week for the count, and ignores other circles', () => {
      expect(order([ask('ana', 10)])).to.deep.equal(['ana', 'ben', 'cy']);
      expect(order([ask('ana', 1, { circle: 'oak' })])).to.deep.equal(['ana', 'ben', 'cy']);
    });

    it('remembers when I last asked someone', () => {
      const asks = [ask('ana', 3), ask('ana', 1), ask('ana', 0, { askerId: 'zoe' })];
      const last = ownLastAsks(asks, 'maple', 'me');
      expect(last.get('ana')).to.equal(Date.parse(asks[1]!.at));
      expect(last.has('ben')).to.equal(false);
    });
  });

  describe('my pattern', () => {
    it('lays out my own last 14 days, oldest first, with gaps', () => {
      const entries = [
        { personId: 'me', circle: 'maple', date: '2026-11-03', level: 'resting' as const },
        { personId: 'me', circle: 'maple', date: '2026-10-21', level: 'plenty' as const },
        { personId: 'me', circle: 'maple', date: '2026-10-20', level: 'plenty' as const },
        { personId: 'ben', circle: 'maple', date: '2026-11-02', level: 'some' as const },
      ];
      const days = patternDays(entries, 'me', NOW);
      expect(days).to.have.length(14);
      expect(days[0]).to.deep.equal({ date: '2026-10-21', level: 'plenty' });
      expect(days[13]).to.deep.equal({ date: '2026-11-03', level: 'resting' });
      expect(days[12]).to.deep.equal({ date: '2026-11-02', level: null });
    });

    it('counts low days in the last week', () => {
      const levels: (CapacityLevel | null)[] = [
        'plenty',
        'resting',
        'a-little',
        null,
        'some',
        'resting',
        'a-little',
        'resting',
      ];
      expect(lowDays(levels.map((level, i) => ({ date: String(i), level })))).to.equal(5);
    });
  });

  it('knows every visibility', () => {
    const all: Visibility[] = ['just-me', 'counted', 'circle'];
    expect(all.map((visibility) => canSeeCheckIn('x', checkIn('y', 'some', { visibility })))).to.deep.equal([
      false,
      true,
      true,
    ]);
  });
});
