import { expect } from '@open-wc/testing';
import { codeOf } from './offer-fixtures.js';
import {
  claimSlot,
  createPost,
  markDone,
  openSlots,
  pauseRotation,
  postState,
  releaseClaim,
  resumeRotation,
  soonestTime,
  withdrawPost,
  type Post,
  type PostInput,
} from '../../src/domain/offers.js';
import {
  addDays,
  calendarWeeks,
  datePassed,
  generateDates,
  isDateKey,
  normaliseDates,
  todayKey,
} from '../../src/domain/rotations.js';
import {
  commitmentNudge,
  commitmentsOf,
  loadSpread,
  ownLoad,
  ownLoadOf,
  recentRegrets,
  staleNeeds,
  type PostEntry,
} from '../../src/domain/load.js';

const NOW = new Date('2026-03-02T10:00:00Z'); // a Monday

function rotation(dates = ['2026-03-02', '2026-03-04', '2026-03-06'], recipientId?: string): Post {
  return createPost(
    'maple',
    {
      kind: 'rotation',
      title: 'Meals for Sam and the baby',
      category: 'meals',
      rotation: {
        recipientName: 'Sam',
        dates,
        notes: 'No nuts, please',
        ...(recipientId ? { recipientId } : {}),
      },
    },
    { id: 'org', name: 'Organiser' },
    NOW,
  );
}

describe('rotations: dates', () => {
  it('generates Mon/Wed/Fri for three weeks', () => {
    expect(generateDates({ start: '2026-03-02', weekdays: [1, 3, 5], weeks: 3 })).to.deep.equal([
      '2026-03-02',
      '2026-03-04',
      '2026-03-06',
      '2026-03-09',
      '2026-03-11',
      '2026-03-13',
      '2026-03-16',
      '2026-03-18',
      '2026-03-20',
    ]);
  });

  it('starts mid-week, crosses months and leap days, and refuses unusable patterns', () => {
    expect(generateDates({ start: '2028-02-27', weekdays: [2], weeks: 2 })).to.deep.equal([
      '2028-02-29',
      '2028-03-07',
    ]);
    expect(generateDates({ start: '2026-03-05', weekdays: [1, 3], weeks: 1 })).to.deep.equal([
      '2026-03-09',
      '2026-03-11',
    ]);
    expect(generateDates({ start: 'soon', weekdays: [1], weeks: 2 })).to.deep.equal([]);
    expect(generateDates({ start: '2026-03-02', weekdays: [9], weeks: 2 })).to.deep.equal([]);
    expect(generateDates({ start: '2026-03-02', weekdays: [1], weeks: 0 })).to.deep.equal([]);
    expect(generateDates({ start: '2026-01-01', weekdays: [0, 1, 2, 3, 4, 5, 6], weeks: 52 })).to.have.length(
      90,
    );
  });

  it('normalises dates picked one by one and knows real days', () => {
    expect(normaliseDates(['2026-03-09', '2026-02-30', '2026-03-02', '2026-03-09', 'x'])).to.deep.equal([
      '2026-03-02',
      '2026-03-09',
    ]);
    expect(isDateKey('2026-02-28')).to.equal(true);
    expect(isDateKey('2026-02-29')).to.equal(false);
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(todayKey(NOW)).to.equal('2026-03-02');
  });

  it('lays dates out in Monday-first weeks for the compact calendar', () => {
    const weeks = calendarWeeks(['2026-03-04', '2026-03-10']);
    expect(weeks).to.have.length(2);
    expect(weeks[0]![0]).to.equal('2026-03-02');
    expect(weeks[1]![6]).to.equal('2026-03-15');
    expect(calendarWeeks([])).to.deep.equal([]);
  });

  it('keeps a day open until it has ended everywhere', () => {
    expect(datePassed('2026-03-01', new Date('2026-03-02T11:59:00Z'))).to.equal(false);
    expect(datePassed('2026-03-01', new Date('2026-03-02T12:00:00Z'))).to.equal(true);
  });
});

describe('rotations: sign-ups and pausing', () => {
  it('has one slot a date, signs people up per date, and one person may take several dates', () => {
    let post = rotation();
    expect(post.slots).to.equal(3);
    post = claimSlot(post, { id: 'ben' }, { claimId: 'c1', slot: '2026-03-04', now: NOW });
    post = claimSlot(post, { id: 'ben' }, { claimId: 'c2', slot: '2026-03-06', now: NOW });
    expect(openSlots(post, NOW)).to.deep.equal(['2026-03-02']);
    expect(
      codeOf(() => claimSlot(post, { id: 'cleo' }, { claimId: 'c3', slot: '2026-03-04', now: NOW })),
    ).to.equal('slot-taken');
    expect(
      codeOf(() => claimSlot(post, { id: 'ben' }, { claimId: 'c3', slot: '2026-03-04', now: NOW })),
    ).to.equal('already-claimed');
    expect(
      codeOf(() => claimSlot(post, { id: 'cleo' }, { claimId: 'c3', slot: '2026-03-03', now: NOW })),
    ).to.equal('invalid');
    expect(soonestTime(post, NOW)).to.equal(Date.parse('2026-03-02T00:00:00Z'));
  });

  it('closes days that have passed', () => {
    const later = new Date('2026-03-05T11:00:00Z');
    const post = rotation();
    expect(openSlots(post, later)).to.deep.equal(['2026-03-04', '2026-03-06']);
    expect(
      codeOf(() => claimSlot(post, { id: 'ben' }, { claimId: 'c', slot: '2026-03-02', now: later })),
    ).to.equal('past-date');
    expect(postState(post, new Date('2026-03-09T00:00:00Z'))).to.equal('expired');
  });

  it('"that’s enough for now" pauses open dates; people signed up keep theirs', () => {
    let post = claimSlot(
      rotation(undefined, 'sam'),
      { id: 'ben' },
      { claimId: 'c1', slot: '2026-03-04', now: NOW },
    );
    expect(codeOf(() => pauseRotation(post, { id: 'ben' }, NOW))).to.equal('not-yours');
    post = pauseRotation(post, { id: 'sam' }, NOW);
    expect(postState(post, NOW)).to.equal('paused');
    expect(
      codeOf(() => claimSlot(post, { id: 'cleo' }, { claimId: 'c2', slot: '2026-03-06', now: NOW })),
    ).to.equal('paused');
    expect(post.claims[0]!.status).to.equal('active');
    expect(releaseClaim(post, 'c1', 'ben').claims[0]!.status).to.equal('released');
    post = resumeRotation(post, { id: 'org' });
    expect(postState(post, NOW)).to.equal('open');
    expect(
      codeOf(() =>
        pauseRotation(
          createPost('m', { kind: 'need', title: 'x', category: 'meals' }, { id: 'a' }, NOW),
          { id: 'a' },
          NOW,
        ),
      ),
    ).to.equal('invalid');
  });
});

function entry(id: string, value: Post): PostEntry {
  return { id, value };
}

function need(id: string, author: string, createdAt: Date, input: Partial<PostInput> = {}): PostEntry {
  return entry(
    id,
    createPost(
      'maple',
      { kind: 'need', title: id, category: 'errands', ...input },
      { id: author },
      createdAt,
    ),
  );
}

function offerBy(id: string, author: string, input: Partial<PostInput> = {}): PostEntry {
  return entry(
    id,
    createPost(
      'maple',
      { kind: 'offer', title: id, category: 'meals', slots: 3, ...input },
      { id: author, name: author },
      NOW,
    ),
  );
}

describe('load: commitments and the nudge', () => {
  it('counts live claims and open offers this week, not released, done, withdrawn or far-off ones', () => {
    const posts: PostEntry[] = [
      entry('n1', claimSlot(need('n1', 'x', NOW).value, { id: 'ben' }, { claimId: 'a', now: NOW })),
      entry(
        'n2',
        releaseClaim(
          claimSlot(need('n2', 'x', NOW).value, { id: 'ben' }, { claimId: 'b', now: NOW }),
          'b',
          'ben',
        ),
      ),
      entry(
        'n3',
        markDone(claimSlot(need('n3', 'x', NOW).value, { id: 'ben' }, { claimId: 'c', now: NOW }), 'c'),
      ),
      entry(
        'n4',
        withdrawPost(claimSlot(need('n4', 'x', NOW).value, { id: 'ben' }, { claimId: 'd', now: NOW }), NOW),
      ),
      entry(
        'n5',
        claimSlot(
          need('n5', 'x', NOW, { when: { flexible: false, start: '2026-03-20T10:00:00Z' } }).value,
          { id: 'ben' },
          { claimId: 'e', now: NOW },
        ),
      ),
      entry('r1', claimSlot(rotation(), { id: 'ben' }, { claimId: 'f', slot: '2026-03-04', now: NOW })),
      offerBy('o1', 'ben'),
      entry('o2', withdrawPost(offerBy('o2', 'ben').value, NOW)),
      offerBy('o3', 'cleo'),
    ];
    expect(commitmentsOf(posts, 'ben', NOW)).to.deep.equal([
      { postId: 'n1', type: 'claim' },
      { postId: 'r1', type: 'claim' },
      { postId: 'o1', type: 'offer' },
    ]);
    expect(commitmentsOf(posts, 'cleo', NOW)).to.have.length(1);
    expect(commitmentsOf(posts, 'nobody', NOW)).to.have.length(0);
  });

  it('nudges before a claim would take someone past the limit, one sooner after a recent "no"', () => {
    expect(commitmentNudge(2, 3)).to.equal(null);
    expect(commitmentNudge(3, 3)).to.deep.equal({ count: 3, limit: 3, regret: false });
    expect(commitmentNudge(2, 3, 1)).to.deep.equal({ count: 2, limit: 2, regret: true });
    expect(commitmentNudge(0, 0)).to.equal(null);
    const reflections = [
      { postId: 'p1', personId: 'ben', again: false, at: '2026-02-20T00:00:00Z' },
      { postId: 'p2', personId: 'ben', again: true, at: '2026-02-25T00:00:00Z' },
      { postId: 'p3', personId: 'ben', again: false, at: '2025-12-01T00:00:00Z' },
      { postId: 'p4', personId: 'cleo', again: false, at: '2026-03-01T00:00:00Z' },
    ];
    expect(recentRegrets(reflections, 'ben', NOW)).to.equal(1);
  });
});

describe('load: spread', () => {
  /** Ana's offer claimed four times (Ana helps four times); Ben and Cleo each pick up a need. */
  function unevenWeek(): PostEntry[] {
    const posts: PostEntry[] = [];
    let soup = offerBy('soup', 'ana', { slots: 4 }).value;
    for (const who of ['p', 'q', 'r', 's']) soup = claimSlot(soup, { id: who }, { claimId: who, now: NOW });
    posts.push(entry('soup', soup));
    posts.push(
      entry(
        'n1',
        claimSlot(need('n1', 'p', NOW).value, { id: 'ben', name: 'Ben' }, { claimId: 'b', now: NOW }),
      ),
    );
    posts.push(
      entry('n2', claimSlot(need('n2', 'p', NOW).value, { id: 'cleo' }, { claimId: 'c', now: NOW })),
    );
    // A released claim is no help.
    posts.push(
      entry(
        'n3',
        releaseClaim(
          claimSlot(need('n3', 'p', NOW).value, { id: 'dee' }, { claimId: 'd', now: NOW }),
          'd',
          'dee',
        ),
      ),
    );
    return posts;
  }

  /** `people` helpers, each picking up `each` needs. */
  function evenWeek(people: number, each = 1): PostEntry[] {
    const posts: PostEntry[] = [];
    for (let i = 0; i < people; i++)
      for (let j = 0; j < each; j++) {
        const id = `n${i}-${j}`;
        posts.push(
          entry(id, claimSlot(need(id, 'p', NOW).value, { id: `h${i}` }, { claimId: id, now: NOW })),
        );
      }
    return posts;
  }

  it('says how few gave most of the help when it is uneven, with no name, id or per-person figure', () => {
    const spread = loadSpread(unevenWeek(), NOW);
    expect(spread).to.deep.equal({ minGroup: 3, any: true, people: 3, most: 1 });
    const text = JSON.stringify(spread);
    for (const who of ['ana', 'ben', 'Ben', 'cleo', 'dee']) expect(text).not.to.contain(who);
  });

  it('says help is shared when it is even: never "a few carry most"', () => {
    for (const people of [3, 4, 5, 9])
      for (const each of [1, 2, 3])
        expect(loadSpread(evenWeek(people, each), NOW), `${people} × ${each}`).to.deep.equal({
          minGroup: 3,
          any: true,
          people,
          most: null,
        });
  });

  it('shows no figure until min-group people helped, and min-group is never below 3', () => {
    const two = evenWeek(2, 3);
    expect(loadSpread(two, NOW)).to.deep.equal({ minGroup: 3, any: true, people: null, most: null });
    expect(loadSpread(two, NOW, 1)).to.deep.equal({ minGroup: 3, any: true, people: null, most: null });
    expect(loadSpread(two, NOW, 0).minGroup).to.equal(3);
    expect(loadSpread(two, NOW, Number.NaN).minGroup).to.equal(3);
    expect(loadSpread(evenWeek(4), NOW, 5).people).to.equal(null);
    expect(loadSpread(evenWeek(5), NOW, 4.5).people).to.equal(5);
    expect(loadSpread([], NOW)).to.deep.equal({ minGroup: 3, any: false, people: null, most: null });
  });

  it('gives each person their own load, and only theirs', () => {
    const posts = unevenWeek();
    const ana = ownLoad(posts, 'ana', NOW, { max: 1 });
    // Her open offer is one thing on, however many people claimed it.
    expect(ana).to.deep.equal({
      commitments: 1,
      helped: 4,
      max: 1,
      over: false,
      heavy: true,
      nudge: { count: 1, limit: 1, regret: false },
    });
    expect(ownLoad(posts, 'cleo', NOW, { max: 3 }).nudge).to.equal(null);
    const ben = ownLoad(posts, 'ben', NOW, { max: 1, regrets: 0 });
    expect(ben).to.deep.equal({
      commitments: 1,
      helped: 1,
      max: 1,
      over: false,
      heavy: false,
      nudge: { count: 1, limit: 1, regret: false },
    });
    const busy = ownLoadOf([], 'ben', 4, {});
    expect(busy.over).to.equal(true);
    expect(busy.max).to.equal(3);
    expect(busy.nudge).to.deep.equal({ count: 4, limit: 3, regret: false });
    // Someone who helped alone this week is not told they carried "a lot" of it.
    expect(ownLoad(evenWeek(1, 6), 'h0', NOW).heavy).to.equal(false);
  });

  it('leaves out help from other weeks', () => {
    const farOff = need('n', 'p', NOW, { when: { flexible: false, start: '2026-04-20T10:00:00Z' } });
    const posts = [entry('n', claimSlot(farOff.value, { id: 'ben' }, { claimId: 'b', now: NOW }))];
    expect(loadSpread(posts, NOW).any).to.equal(false);
  });
});

describe('load: needs nobody has picked up', () => {
  it('lists open, unclaimed needs older than three days, oldest first', () => {
    const day = 86_400_000;
    const posts = [
      need('old', 'p', new Date(NOW.getTime() - 5 * day)),
      need('older', 'p', new Date(NOW.getTime() - 9 * day)),
      need('fresh', 'p', new Date(NOW.getTime() - 1 * day)),
      entry(
        'taken',
        claimSlot(
          need('taken', 'p', new Date(NOW.getTime() - 5 * day)).value,
          { id: 'b' },
          { claimId: 'x', now: NOW },
        ),
      ),
      entry('gone', withdrawPost(need('gone', 'p', new Date(NOW.getTime() - 5 * day)).value, NOW)),
      offerBy('offer', 'p'),
    ];
    expect(staleNeeds(posts, NOW)).to.deep.equal([
      { postId: 'older', days: 9 },
      { postId: 'old', days: 5 },
    ]);
  });
});
