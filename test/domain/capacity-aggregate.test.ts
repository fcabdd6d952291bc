import { expect } from '@open-wc/testing';
import {
  MIN_GROUP_FLOOR,
  ROOM_LEVELS,
  aggregateCircle,
  circleEntries,
  hasRoom,
  isCircleFigures,
  type CapacityLevel,
  type CheckIn,
  type CircleAggregate,
} from '../../src/domain/capacity.js';
import { NOW, checkIn } from './capacity-fixtures.js';

const KINDS = ['listening', 'practical', 'hosting'];
const aggregate = (checkIns: readonly CheckIn[], minGroup = 3): CircleAggregate =>
  aggregateCircle(checkIns, { circle: 'maple', kinds: KINDS, minGroup, now: NOW });
const counted = (personId: string, level: CapacityLevel, more: Partial<CheckIn> = {}): CheckIn =>
  checkIn(personId, level, {
    visibility: 'counted',
    personName: `${personId} secret`,
    note: `${personId} note`,
    ...more,
  });

/** Every figure of an aggregate with a name saying which it is. */
function figures(result: CircleAggregate): Map<string, number | null> {
  const all = new Map<string, number | null>([['withRoom', result.withRoom]]);
  for (const kind of result.kinds) {
    all.set(`${kind.kind}`, kind.withRoom);
    for (const level of ROOM_LEVELS) all.set(`${kind.kind}/${level}`, kind.levels[level]);
  }
  return all;
}

/** What the named list every member sees says each figure should be, counting named people only. */
function namedFigures(checkIns: readonly CheckIn[]): Map<string, number> {
  const named = circleEntries(checkIns, 'maple', NOW).filter((e) => e.named && hasRoom(e.level));
  const all = new Map<string, number>([['withRoom', named.length]]);
  for (const kind of KINDS) {
    const forKind = named.filter((e) => e.kinds.includes(kind));
    all.set(kind, forKind.length);
    for (const level of ROOM_LEVELS)
      all.set(`${kind}/${level}`, forKind.filter((e) => e.level === level).length);
  }
  return all;
}

describe('aggregateCircle: the rules', () => {
  it('counts named and counted people by kind and level, with no person in the result', () => {
    const checkIns = [
      checkIn('ana', 'plenty'),
      checkIn('ben', 'some', { kinds: ['listening'] }),
      checkIn('cy', 'plenty', { kinds: ['listening', 'hosting'] }),
      counted('dan', 'plenty', { kinds: ['listening'] }),
      counted('eve', 'some', { kinds: ['listening'] }),
      counted('fay', 'a-little', { kinds: ['listening'] }),
      checkIn('gus', 'resting'),
    ];
    const result = aggregate(checkIns);
    expect(result).to.deep.equal({
      circle: 'maple',
      minGroup: 3,
      withRoom: 6,
      kinds: [
        { kind: 'listening', withRoom: 6, levels: { 'a-little': null, some: null, plenty: null } },
        { kind: 'practical', withRoom: null, levels: { 'a-little': null, some: null, plenty: null } },
        { kind: 'hosting', withRoom: null, levels: { 'a-little': null, some: null, plenty: null } },
      ],
    });
    const text = JSON.stringify(result);
    for (const secret of ['ana', 'ben', 'dan', 'secret', 'note', 'gus']) expect(text).not.to.contain(secret);
  });

  it('leaves out just-me, other circles, ended check-ins, and all but the newest per person', () => {
    const checkIns = [
      checkIn('ana', 'plenty'),
      checkIn('ben', 'plenty'),
      checkIn('cy', 'plenty', { updatedAt: new Date(NOW.getTime() - 60_000).toISOString() }),
      checkIn('cy', 'resting'),
      checkIn('dee', 'plenty', { visibility: 'just-me' }),
      checkIn('eve', 'plenty', { circle: 'oak' }),
      checkIn('fay', 'plenty', { expiresAt: NOW.toISOString() }),
    ];
    expect(aggregate(checkIns).withRoom).to.equal(null);
    expect(aggregate([...checkIns, checkIn('gus', 'some')]).withRoom).to.equal(3);
    expect(aggregate([...checkIns, checkIn('gus', 'some')]).kinds[0]!.levels).to.deep.equal({
      'a-little': null,
      some: null,
      plenty: null,
    });
  });

  it('shows a level once enough people stand behind it', () => {
    const many = ['a', 'b', 'c'].map((id) => checkIn(id, 'plenty'));
    const result = aggregate([...many, ...['d', 'e', 'f'].map((id) => counted(id, 'plenty'))]);
    expect(result.kinds[0]!.levels).to.deep.equal({ 'a-little': null, some: null, plenty: 6 });
    expect(result.kinds[2]!.withRoom).to.equal(null);
  });
});

describe('aggregateCircle: from the attacker’s side', () => {
  it('with named A and B and one counted C, no figure and no pair of figures reveals C', () => {
    for (const level of ['a-little', 'some', 'plenty'] as const)
      for (const others of [[], ['dee'], ['dee', 'eli']]) {
        const checkIns = [
          checkIn('ana', 'plenty'),
          checkIn('ben', 'some'),
          ...others.map((id) => checkIn(id, 'a-little', { kinds: ['hosting', 'listening'] })),
          counted('cy', level),
        ];
        const shown = figures(aggregate(checkIns));
        const named = namedFigures(checkIns);
        for (const [name, value] of shown)
          if (value !== null)
            expect(value, `${name} with ${others.length + 2} named`).to.equal(named.get(name));
        for (const [a, x] of shown)
          for (const [b, y] of shown)
            if (x !== null && y !== null)
              expect(x - y, `${a} − ${b}`).to.equal(named.get(a)! - named.get(b)!);
      }
  });

  it('a counted figure never differs from the named count by fewer than min-group people', () => {
    const levels = ['a-little', 'some', 'plenty'] as const;
    let withCounted = 0;
    for (let seed = 0; seed < 60; seed++) {
      const checkIns: CheckIn[] = [];
      for (let i = 0; i < 12; i++) {
        const pick = (seed * 31 + i * 17) % 97;
        const kinds = KINDS.filter((_, k) => (pick >> k) % 2 === 1);
        const person = { kinds: kinds.length ? kinds : ['listening'] };
        const level = levels[pick % 3]!;
        checkIns.push(pick % 4 === 0 ? checkIn(`n${i}`, level, person) : counted(`c${i}`, level, person));
      }
      const named = namedFigures(checkIns);
      for (const [name, value] of figures(aggregate(checkIns))) {
        if (value === null) continue;
        expect(value).to.be.at.least(3);
        const hidden = value - named.get(name)!;
        expect(hidden === 0 || hidden >= 3, `${name}: ${hidden} counted-only`).to.equal(true);
        if (hidden) withCounted++;
      }
    }
    // Counted-only people do show up in figures, in groups.
    expect(withCounted).to.be.greaterThan(50);
  });

  it('adding or removing one counted person below the threshold changes no figure', () => {
    const named = ['ana', 'ben', 'cy', 'dee'].map((id, i) =>
      checkIn(id, (['plenty', 'some', 'a-little', 'plenty'] as const)[i]!),
    );
    for (const level of ['resting', 'a-little', 'some', 'plenty'] as const)
      for (const kinds of [['listening'], ['hosting'], ['listening', 'practical', 'hosting']]) {
        const one = [...named, counted('x1', 'some', { kinds: ['listening'] })];
        const before = aggregate(one);
        expect(aggregate([...one, counted('x2', level, { kinds })]), `${level} ${kinds}`).to.deep.equal(
          before,
        );
        expect(aggregate(named)).to.deep.equal(before);
        // Choosing "just me", or letting a check-in end, is not announced either.
        expect(
          aggregate([...named, counted('x1', 'some', { visibility: 'just-me', kinds: ['listening'] })]),
        ).to.deep.equal(before);
      }
  });

  it('a page asking for a smaller group still gets three', () => {
    const two = [checkIn('ana', 'plenty'), checkIn('ben', 'plenty')];
    for (const asked of [1, 0, -5, 2.5, Number.NaN, Number.NEGATIVE_INFINITY]) {
      const result = aggregate(two, asked);
      expect(result.minGroup, String(asked)).to.equal(MIN_GROUP_FLOOR);
      expect(result.withRoom).to.equal(null);
    }
    expect(MIN_GROUP_FLOOR).to.equal(3);
    expect(aggregate([...two, checkIn('cy', 'some'), checkIn('dee', 'some')], 4.2).minGroup).to.equal(5);
    expect(aggregate([...two, checkIn('cy', 'some'), checkIn('dee', 'some')], 4.2).withRoom).to.equal(null);
    expect(aggregate([...two, checkIn('cy', 'some'), checkIn('dee', 'some')], 4).withRoom).to.equal(4);
  });
});

describe('isCircleFigures', () => {
  it('takes what aggregateCircle makes, with or without ask counts, and nothing of another shape', () => {
    const made = aggregate(['ana', 'ben', 'cy'].map((who) => counted(who, 'some')));
    expect(isCircleFigures(made)).to.equal(true);
    expect(isCircleFigures({ ...made, asked: [{ personId: 'dee', count: 2 }] })).to.equal(true);
    expect(isCircleFigures({ ...made, withRoom: 1.5 })).to.equal(false);
    expect(isCircleFigures({ ...made, withRoom: -1 })).to.equal(false);
    expect(isCircleFigures({ ...made, kinds: undefined })).to.equal(false);
    expect(isCircleFigures({ ...made, asked: [{ personId: 'dee' }] })).to.equal(false);
    expect(isCircleFigures({ ...made, kinds: [{ kind: 'listening', withRoom: 3, levels: {} }] })).to.equal(
      false,
    );
    expect(isCircleFigures('3 people')).to.equal(false);
  });
});
