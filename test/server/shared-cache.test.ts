/**
 * The shared list cache (src/server/list-cache.ts): one public form of each record for every
 * viewer, with each viewer's own records put through the rule for them alone. What each viewer
 * is served, by lists and by gets, is exactly what the rule gives them record by record, read
 * from the database; and a write on one process is never served stale by another once that
 * process has heard of it (its NOTIFY, then its stream's event).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkInId } from '../../src/domain/capacity.js';
import { createPost, type Post } from '../../src/domain/offers.js';
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
  type TestServer,
  checkIn,
} from './helpers.js';

type Client = ReturnType<typeof client>;

const PEOPLE = ['ana', 'ben', 'cai', 'dee', 'eve'] as const;
const offer = (author: string, title: string): Post =>
  createPost(
    'maple',
    { kind: 'offer', title, category: 'meals', slots: 3, privateDetails: `door code of ${author}` },
    { id: author, name: author.toUpperCase() },
    new Date(),
  ) as Post;

for (const engine of ENGINES) {
  describe(`shared list cache on ${engine}`, () => {
    let server: TestServer;
    const people: Record<string, Client> = {};
    const identities: Record<string, Identity | undefined> = {};

    before(async () => {
      server = await startTestServer(engine);
      for (const who of PEOPLE) {
        people[who] = client(server.url, await token(who, { name: who.toUpperCase() }));
        identities[who] = { id: who, name: who.toUpperCase(), moderator: false };
      }
      people.mod = client(server.url, await token('mod', { name: 'MOD', role: 'moderator' }));
      identities.mod = { id: 'mod', name: 'MOD', moderator: true };
    });
    after(() => server.stop());

    /** Every viewer's list and gets equal the rule's view of each stored record for them. */
    async function assertEveryViewMatches(community: string, collection: string) {
      const collectionRule = DOMAIN_RULES.find((r) => r.name === collection)!;
      const rows = await listRows(server.db, community, collection);
      for (const [who, viewer] of Object.entries(identities)) {
        const expected = rows
          .map((row) => shownJson(collectionRule, row.json, row.owner, viewer))
          .filter((json) => json !== undefined)
          .map((json) => JSON.parse(json));
        const list = await people[who]!.get(`/v1/${community}/${collection}`);
        assert.equal(list.status, 200, `${who}: ${list.text}`);
        assert.deepEqual(list.body.items, expected, `${who} lists ${collection}`);
        for (const row of rows) {
          const id = (JSON.parse(row.json) as { id: string }).id;
          const shown = shownJson(collectionRule, row.json, row.owner, viewer);
          const got = await people[who]!.get(`/v1/${community}/${collection}/${id}`);
          if (shown === undefined) assert.equal(got.status, 404, `${who} must not get ${id}`);
          else assert.deepEqual(got.body, JSON.parse(shown), `${who} gets ${id}`);
        }
      }
    }

    test('each viewer sees posts and check-ins exactly as the rules give them, through every change', async () => {
      const c = uniqueName('shared');
      const path = (id: string) => `/v1/${c}/posts/${id}`;
      // The lists are cached before the changes, so every change goes through the cache.
      await people.cai!.get(`/v1/${c}/posts`);
      await people.cai!.get(`/v1/${c}/check-ins`);
      assert.equal((await people.ana!.put(path('p1'), offer('ana', 'Soup'))).status, 201);
      assert.equal((await people.ben!.put(path('p2'), offer('ben', 'Rides'))).status, 201);
      assert.equal((await people.ana!.put(path('p3'), offer('ana', 'Bread'))).status, 201);
      await assertEveryViewMatches(c, 'posts');
      // Cai claims: the details reach Cai alone, on that post alone.
      assert.equal((await people.cai!.op(path('p1'), { type: 'claim', claimId: 'k1' })).status, 200);
      assert.equal((await people.dee!.op(path('p2'), { type: 'claim', claimId: 'k2' })).status, 200);
      await assertEveryViewMatches(c, 'posts');
      assert.ok(!(await people.eve!.get(`/v1/${c}/posts`)).text.includes('door code'), 'eve');
      {
        const t = (await people.cai!.get(`/v1/${c}/posts`)).text;
        assert.ok(t.includes('door code of ana'), t);
      }
      assert.ok(!(await people.cai!.get(`/v1/${c}/posts`)).text.includes('door code of ben'), 'cai, ben');
      // Released: Cai no longer sees them.
      assert.equal((await people.cai!.op(path('p1'), { type: 'release', claimId: 'k1' })).status, 200);
      await assertEveryViewMatches(c, 'posts');
      {
        const t = (await people.cai!.get(`/v1/${c}/posts`)).text;
        assert.ok(!t.includes('door code'), t);
      }
      // Hidden by a moderator: gone for everyone but its author and moderators.
      assert.equal(
        (await people.mod!.op(path('p3'), { type: 'hide', reason: 'Please say where' })).status,
        200,
      );
      await assertEveryViewMatches(c, 'posts');
      assert.equal((await people.eve!.get(path('p3'))).status, 404);
      // Removed by a moderator (its author may not while someone holds a claim).
      const p2 = (await people.ben!.get(path('p2'))).body;
      assert.equal((await people.mod!.del(path('p2'), p2.rev)).status, 204);
      await assertEveryViewMatches(c, 'posts');

      for (const [who, visibility] of [
        ['ana', 'circle'],
        ['ben', 'counted'],
        ['cai', 'just-me'],
      ] as const) {
        const answer = await people[who]!.put(
          `/v1/${c}/check-ins/${checkInId('street', who)}`,
          checkIn(who, visibility),
        );
        assert.equal(answer.status, 201, answer.text);
      }
      await assertEveryViewMatches(c, 'check-ins');
      // Ana turns hers just-me: nobody else sees it any more.
      const anas = `/v1/${c}/check-ins/${checkInId('street', 'ana')}`;
      assert.equal((await people.ana!.put(anas, checkIn('ana', 'just-me'), 1)).status, 200);
      await assertEveryViewMatches(c, 'check-ins');
      {
        const t = (await people.ben!.get(`/v1/${c}/check-ins`)).text;
        assert.ok(!t.includes('note of ana'), t);
      }
    });

    test('a private collection lists only its own person’s records', async () => {
      const c = uniqueName('shared-private');
      await people.ben!.get(`/v1/${c}/asks`);
      for (const [asker, asked] of [
        ['ana', 'ben'],
        ['ben', 'cai'],
        ['ana', 'dee'],
      ] as const) {
        const answer = await people[asker]!.put(`/v1/${c}/asks/${uniqueName('ask')}`, {
          circle: 'street',
          askerId: asker,
          askedId: asked,
          kind: 'listening',
          at: new Date().toISOString(),
        });
        assert.equal(answer.status, 201, answer.text);
      }
      assert.equal((await people.ana!.get(`/v1/${c}/asks`)).body.items.length, 2);
      assert.equal((await people.ben!.get(`/v1/${c}/asks`)).body.items.length, 1);
      await assertEveryViewMatches(c, 'asks');
    });
  });
}

describe('a write on one process is never served stale by another after its NOTIFY', () => {
  const engine = ENGINES.includes('postgres') ? 'postgres' : 'pglite';
  let a: TestServer;
  let b: TestServer;

  before(async () => {
    a = await startTestServer(engine);
    // On PGlite there is one process: the same server plays both parts (its own writes wake it).
    b = engine === 'postgres' ? await startTestServer(engine) : a;
  });
  after(async () => {
    await a.stop();
    if (b !== a) await b.stop();
  });

  test(`writes on A, read on B once B's stream has the change (${engine})`, async () => {
    const c = uniqueName('stale');
    const author = client(a.url, await token('ana', { name: 'ANA' }));
    const readerToken = await token('ben', { name: 'BEN' });
    const onB = client(b.url, readerToken);
    const stream = await openEvents(`${b.url}/v1/${c}/posts/events`, { token: readerToken });
    try {
      // B's cache holds the list before the writes.
      assert.deepEqual((await onB.get(`/v1/${c}/posts`)).body.items, []);
      // Readers keep B's cache busy while A writes.
      let reading = true;
      const readers = Array.from({ length: 4 }, async () => {
        while (reading) await onB.get(`/v1/${c}/posts`);
      });
      for (let i = 0; i < 20; i++) {
        const id = `p${i}`;
        const made = await author.put(`/v1/${c}/posts/${id}`, offer('ana', `Soup ${i}`));
        assert.equal(made.status, 201, made.text);
        const claimed = await client(a.url, await token(`n${i}`)).op(`/v1/${c}/posts/${id}`, {
          type: 'claim',
          claimId: `k${i}`,
        });
        assert.equal(claimed.status, 200, claimed.text);
        await eventually(
          () =>
            stream.events.some((e) => {
              const record = (JSON.parse(e.data) as { record?: { id: string; rev: number } }).record;
              return record?.id === id && record.rev === 2;
            }),
          5000,
          `B's stream hears of ${id}'s claim`,
        );
        const list = (await onB.get(`/v1/${c}/posts`)).body.items as { id: string; rev: number }[];
        assert.equal(list.find((p) => p.id === id)?.rev, 2, `B lists ${id} as claimed`);
        assert.equal((await onB.get(`/v1/${c}/posts/${id}`)).body.rev, 2, `B gets ${id} as claimed`);
      }
      reading = false;
      await Promise.all(readers);
    } finally {
      await stream.close();
    }
  });
});
