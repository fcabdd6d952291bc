/**
 * The shared list cache and the shared stream frames, from a hostile member's side: one public
 * form of each record is served to everybody with no tie to it, each tied viewer gets the rule's
 * view for them alone. These tests try to get something the rules do not give: a post's
 * helper-only details, a claim's overlay, a hidden post, a check-in turned private, a concern,
 * a count below its minimum, through lists, gets, live frames and resumes, with the caches
 * primed by the entitled viewer first so that any sharing of their form would show; and, on
 * PostgreSQL, a record deleted on one process and made again private on another.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkInId } from '../../src/domain/capacity.js';
import { createPost, type Post, type PostInput } from '../../src/domain/offers.js';
import { reflectionCountId as countId } from '../../src/domain/reflection.js';
import { listRows } from '../../src/server/records.js';
import { DOMAIN_RULES, shownJson, type Identity } from '../../src/server/rights.js';
import {
  client,
  ENGINES,
  eventually,
  openEvents,
  startTestServer,
  token,
  uniqueName,
  type Answer,
  type TestServer,
} from './helpers.js';

type Client = ReturnType<typeof client>;
type Stream = Awaited<ReturnType<typeof openEvents>>;

const soon = () => new Date(Date.now() + 3600_000).toISOString();
const MEMBERS = ['ana', 'ben', 'cai', 'dee', 'eve'] as const;

const post = (author: string, input: Partial<PostInput> = {}): Post =>
  createPost(
    'maple',
    {
      kind: 'offer',
      title: `Soup of ${author}`,
      category: 'meals',
      slots: 3,
      privateDetails: `door code of ${author}`,
      ...input,
    } as PostInput,
    { id: author, name: author.toUpperCase() },
    new Date(),
  );

const checkIn = (person: string, visibility: string, note: string) => ({
  circle: 'street',
  personId: person,
  personName: `${person} name`,
  level: 'plenty',
  kinds: ['listening'],
  note,
  expiresAt: soon(),
  visibility,
  updatedAt: new Date().toISOString(),
});

/** The answer with one id put in another's place (messages name the id). */
const as = (answer: Answer, from: string, to: string) =>
  `${answer.status} ${answer.text.split(JSON.stringify(from).slice(1, -1)).join(to)}`;

for (const engine of ENGINES) {
  describe(`shared cache privacy on ${engine}`, () => {
    let server: TestServer;
    const tokens: Record<string, string> = {};
    const people: Record<string, Client> = {};
    const identities: Record<string, Identity> = {};
    let anonymousToken = '';

    before(async () => {
      server = await startTestServer(engine);
      for (const who of MEMBERS) {
        tokens[who] = await token(who, { name: who.toUpperCase() });
        people[who] = client(server.url, tokens[who]);
        identities[who] = { id: who, name: who.toUpperCase(), moderator: false };
      }
      // A token the site signed for someone whose id is the owner of anonymous records.
      anonymousToken = await token('anonymous', { name: 'ANONYMOUS' });
      tokens.mod = await token('mod', { name: 'MOD', role: 'moderator' });
      people.mod = client(server.url, tokens.mod);
      identities.mod = { id: 'mod', name: 'MOD', moderator: true };
    });
    after(() => server.stop());

    /** Every member's stream of a community, ready. */
    async function streams(c: string): Promise<Record<string, Stream>> {
      const open: Record<string, Stream> = {};
      for (const who of Object.keys(tokens)) {
        open[who] = await openEvents(`${server.url}/v1/${c}/events`, { token: tokens[who] });
        await open[who].next((e) => e.event === 'ready');
      }
      return open;
    }

    /** A marker every stream has received: whatever was sent before it has reached them all. */
    async function settle(open: Record<string, Stream>, c: string) {
      const marker = uniqueName('end');
      await people.eve!.put(`/v1/${c}/notes/${marker}`, { marker });
      for (const s of Object.values(open))
        await s.next((e) => e.event === 'message' && e.data.includes(marker));
    }

    /**
     * Reads the collection as every viewer, in the order given (so the first primes the cache),
     * and checks each list and get against the rule's view of the stored record for them.
     */
    async function assertViews(c: string, collection: string, order: readonly string[]) {
      const rule = DOMAIN_RULES.find((r) => r.name === collection)!;
      const rows = await listRows(server.db, c, collection);
      for (const who of order) {
        const viewer = identities[who]!;
        const expected = rows
          .map((row) => shownJson(rule, row.json, row.owner, viewer))
          .filter((json) => json !== undefined)
          .map((json) => JSON.parse(json));
        const list = await people[who]!.get(`/v1/${c}/${collection}`);
        assert.equal(list.status, 200, list.text);
        assert.deepEqual(list.body.items, expected, `${who}'s list of ${collection}`);
        for (const row of rows) {
          const id = (JSON.parse(row.json) as { id: string }).id;
          const shown = shownJson(rule, row.json, row.owner, viewer);
          const got = await people[who]!.get(`/v1/${c}/${collection}/${id}`);
          if (shown !== undefined) assert.deepEqual(got.body, JSON.parse(shown), `${who} gets ${id}`);
          else {
            const missing = `${id}Q${uniqueName('never')}`;
            const none = await people[who]!.get(`/v1/${c}/${collection}/${missing}`);
            assert.equal(as(got, id, 'ID'), as(none, missing, 'ID'), `${who}: ${id} answers as missing`);
          }
        }
      }
    }

    /** The last frame a stream got about a record, parsed. */
    const lastAbout = (s: Stream, id: string) =>
      s
        .changes()
        .filter((ch) => ch.id === id)
        .at(-1);

    test('helper-only details and claims: no viewer gets another viewer’s form, whoever read first', async () => {
      const c = uniqueName('details');
      const open = await streams(c);
      const path = (id: string) => `/v1/${c}/posts/${id}`;
      // The cache is loaded before any post exists: every step below goes through it record by record.
      await people.eve!.get(`/v1/${c}/posts`);
      assert.equal((await people.ana!.put(path('p1'), post('ana'))).status, 201);
      assert.equal(
        (await people.ana!.put(path('p2'), post('ana', { terms: { askFirst: true } } as Partial<PostInput>)))
          .status,
        201,
      );
      const entitled = ['ana', 'mod'];
      const leakTo = async (step: string, allowed: readonly string[]) => {
        await settle(open, c);
        for (const [who, s] of Object.entries(open)) {
          const text = JSON.stringify(s.events);
          const sees = allowed.includes(who) || entitled.includes(who);
          if (!sees) assert.ok(!text.includes('door code'), `${step}: ${who}'s stream carries the details`);
        }
        // The entitled read first, so a shared form built from their view would be served next.
        await assertViews(c, 'posts', [...entitled, ...allowed, ...MEMBERS]);
        for (const who of MEMBERS) {
          if (allowed.includes(who) || entitled.includes(who)) continue;
          const list = await people[who]!.get(`/v1/${c}/posts`);
          assert.ok(!list.text.includes('door code'), `${step}: ${who}'s list carries the details`);
        }
      };
      await leakTo('created', []);

      // Cai claims p1 (active at once): the details reach Cai alone, on p1 alone.
      assert.equal((await people.cai!.op(path('p1'), { type: 'claim', claimId: 'k1' })).status, 200);
      await leakTo('cai claimed p1', ['cai']);
      {
        const frame = lastAbout(open.cai!, 'p1');
        assert.equal(frame?.record?.value?.privateDetails, 'door code of ana', 'cai’s own frame');
        for (const who of ['ben', 'dee', 'eve'])
          assert.equal(lastAbout(open[who]!, 'p1')?.record?.value?.privateDetails, undefined, who);
      }
      // Dee asks on p2 ("ask me first"): a request sees nothing until accepted.
      const asked = await people.dee!.op(path('p2'), { type: 'claim', claimId: 'k2' });
      assert.equal(asked.status, 200, asked.text);
      assert.equal(asked.body.value.privateDetails, undefined, 'a request sees no details');
      await leakTo('dee requested p2', ['cai']);
      assert.equal(lastAbout(open.dee!, 'p2')?.record?.value?.privateDetails, undefined);
      // Accepted: now Dee sees them (and Cai still on p1 only).
      assert.equal((await people.ana!.op(path('p2'), { type: 'accept', claimId: 'k2' })).status, 200);
      await leakTo('dee accepted on p2', ['cai', 'dee']);
      assert.equal(lastAbout(open.dee!, 'p2')?.record?.value?.privateDetails, 'door code of ana');
      assert.equal(lastAbout(open.cai!, 'p2')?.record?.value?.privateDetails, undefined, 'cai on p2');
      // Released: Cai's own form is gone from Cai's list, get and next frame.
      assert.equal((await people.cai!.op(path('p1'), { type: 'release', claimId: 'k1' })).status, 200);
      await leakTo('cai released p1', ['cai', 'dee']);
      assert.equal(lastAbout(open.cai!, 'p1')?.record?.value?.privateDetails, undefined, 'after release');
      const caiList = (await people.cai!.get(`/v1/${c}/posts`)).body.items as { id: string; value: Post }[];
      assert.equal(caiList.find((p) => p.id === 'p1')?.value.privateDetails, undefined);

      // A resume from the start of this log: the present, as each may see it now.
      const logId = open.eve!.events.find((e) => e.event === 'ready')!.id!.split('.')[0]!;
      for (const who of ['ben', 'cai', 'eve']) {
        const s = await openEvents(`${server.url}/v1/${c}/posts/events`, {
          token: tokens[who],
          lastEventId: `${logId}.0-0`,
        });
        await s.next((e) => e.event === 'ready');
        await s.close();
        assert.ok(!JSON.stringify(s.events).includes('door code'), `${who}'s resume`);
      }
      for (const s of Object.values(open)) await s.close();
    });

    test('a hidden post is a deleted one for everyone but its author and moderators, its claimant included', async () => {
      const c = uniqueName('hidden');
      const path = `/v1/${c}/posts/h1`;
      assert.equal((await people.ana!.put(path, post('ana'))).status, 201);
      assert.equal((await people.cai!.op(path, { type: 'claim', claimId: 'k1' })).status, 200);
      // Primed by the claimant, who is tied to the post, and by an untied member.
      await assertViews(c, 'posts', ['cai', 'eve']);
      const open = await streams(c);
      const hid = await people.mod!.op(path, { type: 'hide', reason: 'say where, please' });
      assert.equal(hid.status, 200, hid.text);
      await settle(open, c);
      for (const who of ['ben', 'cai', 'dee', 'eve']) {
        const mine = open[who]!.changes().filter((ch) => ch.id === 'h1');
        assert.deepEqual(
          mine.map((ch) => ch.type),
          ['remove'],
          `${who} gets one remove, as for a delete`,
        );
        assert.ok(!JSON.stringify(open[who]!.events).includes('say where'), `${who}: the reason`);
      }
      const authorFrame = lastAbout(open.ana!, 'h1');
      assert.equal(authorFrame?.record?.value?.hidden?.reason, 'say where, please');
      assert.equal(authorFrame?.record?.value?.hidden?.moderatorId, undefined, 'no moderator named');
      await assertViews(c, 'posts', ['mod', 'ana', 'cai', 'eve']);
      // The author answers on the thread: still nothing for anyone else.
      const rev = (await people.ana!.get(path)).body.rev as number;
      const replied = await people.ana!.op(path, { type: 'hide-reply', text: 'it is by the park' }, rev);
      assert.equal(replied.status, 200, replied.text);
      await settle(open, c);
      for (const who of ['ben', 'cai', 'dee', 'eve']) {
        assert.equal(open[who]!.changes().filter((ch) => ch.id === 'h1').length, 1, `${who}: one event`);
        assert.ok(!JSON.stringify(open[who]!.events).includes('by the park'), who);
      }
      await assertViews(c, 'posts', ['ana', 'cai', 'eve']);
      for (const s of Object.values(open)) await s.close();
    });

    test('a check-in cleared and saved again just-me is absent at once, for lists, gets and streams', async () => {
      const c = uniqueName('checkin');
      const id = checkInId('street', 'ana');
      const path = `/v1/${c}/check-ins/${id}`;
      await people.eve!.get(`/v1/${c}/check-ins`);
      assert.equal((await people.ana!.put(path, checkIn('ana', 'circle', 'come by'))).status, 201);
      assert.equal(
        (
          await people.ben!.put(
            `/v1/${c}/check-ins/${checkInId('street', 'ben')}`,
            checkIn('ben', 'counted', 'counted note'),
          )
        ).status,
        201,
      );
      await assertViews(c, 'check-ins', ['ana', 'eve', 'ben']);
      const open = await streams(c);
      // Cleared, then saved again under the same id as just-me (revision 1 again).
      assert.equal((await people.ana!.del(path)).status, 204);
      assert.equal((await people.ana!.put(path, checkIn('ana', 'just-me', 'not today'))).status, 201);
      await settle(open, c);
      for (const who of ['ben', 'cai', 'eve', 'mod']) {
        assert.deepEqual(
          open[who]!.changes()
            .filter((ch) => ch.id === id)
            .map((ch) => ch.type),
          ['remove'],
          who,
        );
        const text = JSON.stringify(open[who]!.events);
        assert.ok(!text.includes('not today') && !text.includes('counted note'), who);
      }
      await assertViews(c, 'check-ins', ['ana', 'eve', 'ben', 'mod']);
      for (const s of Object.values(open)) await s.close();
    });

    test('a member whose id is “anonymous” learns of no anonymous concern and no count below its minimum', async () => {
      const c = uniqueName('anon');
      const open = await streams(c);
      // Every path they have: each is refused (their token names no person) or tells them nothing.
      const anonymous = client(server.url, anonymousToken);
      const theirs = await openEvents(`${server.url}/v1/${c}/events`, { token: anonymousToken });
      if (theirs.status === 200) await theirs.next((e) => e.event === 'ready');
      else assert.equal(theirs.status, 401);
      for (const collection of ['concerns', 'reflection-counts'])
        assert.ok([200, 401].includes((await anonymous.get(`/v1/${c}/${collection}`)).status));
      const raised = await people.ben!.op(`/v1/${c}/concerns/cn1`, {
        type: 'raise',
        about: 'community',
        kind: 'other',
        text: 'words of ben, anonymously',
        visibility: 'anonymous',
        key: 'k'.repeat(40),
      });
      assert.equal(raised.status, 201, raised.text);
      const counted = await people.cai!.op(`/v1/${c}/reflection-counts/${countId('p1')}`, {
        type: 'count',
        postId: 'p1',
      });
      assert.equal(counted.status, 200, counted.text);
      await settle(open, c);
      if (theirs.status === 200) {
        await theirs.next(
          (e) => e.event === 'message' && e.data.includes('"notes"') && e.data.includes('end-'),
        );
        const named = theirs.changes().filter((ch) => ch.collection !== 'notes');
        assert.deepEqual(named, [], 'anonymous records named in their stream');
      }
      await theirs.close();
      const resumed = await openEvents(`${server.url}/v1/${c}/events`, {
        token: anonymousToken,
        lastEventId: open.eve!.events.find((e) => e.event === 'ready')!.id!,
      });
      if (resumed.status === 200) {
        await resumed.next((e) => e.event === 'ready');
        const named = resumed.changes().filter((ch) => ch.collection !== 'notes');
        assert.deepEqual(named, [], 'anonymous records named in a resume');
      }
      await resumed.close();
      for (const path of [
        `/v1/${c}/concerns`,
        `/v1/${c}/concerns/cn1`,
        `/v1/${c}/reflection-counts`,
        `/v1/${c}/reflection-counts/${countId('p1')}`,
      ]) {
        const answer = await anonymous.get(path);
        if (answer.status === 401) continue;
        assert.ok(!answer.text.includes('words of ben') && !answer.text.includes('"count"'), path);
        if (path.split('/').length > 4) assert.equal(answer.status, 404, path);
      }
      await assertViews(c, 'concerns', ['mod', 'ben', 'eve']);
      await assertViews(c, 'reflection-counts', ['cai', 'eve']);
      for (const s of Object.values(open)) await s.close();
    });
  });
}

// Two processes need PostgreSQL (PGlite lives in one): run where TEND_TEST_DATABASE_URL is set.
for (const engine of ENGINES.filter((e) => e === 'postgres'))
  describe(`a record deleted on one process and made again private on another (${engine})`, () => {
    let a: TestServer;
    let b: TestServer;

    before(async () => {
      a = await startTestServer(engine);
      b = await startTestServer(engine);
    });
    after(async () => {
      await a.stop();
      await b.stop();
    });

    test('B never serves the version before a write B itself acknowledged', async () => {
      const c = uniqueName('recreate');
      const id = checkInId('street', 'ana');
      const path = `/v1/${c}/check-ins/${id}`;
      const ana = { onA: client(a.url, await token('ana')), onB: client(b.url, await token('ana')) };
      const eveToken = await token('eve');
      const eve = client(b.url, eveToken);
      const stream = await openEvents(`${b.url}/v1/${c}/check-ins/events`, { token: eveToken });
      try {
        await stream.next((e) => e.event === 'ready');
        // B holds the collection, with Ana's circle check-in in it once B has heard of it.
        assert.deepEqual((await eve.get(`/v1/${c}/check-ins`)).body.items, []);
        assert.equal((await ana.onA.put(path, checkIn('ana', 'circle', 'come by'))).status, 201);
        await stream.next((e) => e.event === 'message' && e.data.includes('come by'));
        assert.equal((await eve.get(path)).status, 200);
        // Another write is in flight somewhere on the database (one transaction with an id, held
        // open): each process reads the log only up to it, as it must.
        let release!: () => void;
        const held = new Promise<void>((resolve) => (release = resolve));
        let began!: () => void;
        const holding = new Promise<void>((resolve) => (began = resolve));
        const inFlight = a.db.transaction(async (tx) => {
          await tx.query('SELECT pg_current_xact_id()');
          began();
          await held;
        });
        await holding;
        try {
          // Ana clears her check-in on A, then saves it again as just-me on B; B answers 201.
          assert.equal((await ana.onA.del(path)).status, 204);
          const made = await ana.onB.put(path, checkIn('ana', 'just-me', 'not today'));
          assert.equal(made.status, 201, made.text);
          // Eve, on B, after B acknowledged Ana's just-me write: it must not exist for her.
          const got = await eve.get(path);
          const list = await eve.get(`/v1/${c}/check-ins`);
          assert.equal(got.status, 404, `B serves a check-in its owner made just-me: ${got.text}`);
          assert.ok(!list.text.includes('come by'), `B lists it: ${list.text}`);
        } finally {
          release();
          await inFlight;
        }
        // Once the log moves on, B is right again.
        await eventually(async () => (await eve.get(path)).status === 404, 5000, 'B forgets it');
      } finally {
        await stream.close();
      }
    });
  });
