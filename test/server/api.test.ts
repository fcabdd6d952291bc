/**
 * tend-server's HTTP API (listed in src/server/app.ts) against a real server: records, revisions, errors, live events with
 * resume, idempotent writes, CORS, and data that survives a restart.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  client,
  ENGINES,
  openEvents,
  startTestServer,
  token,
  uniqueName,
  type TestServer,
} from './helpers.js';

for (const engine of ENGINES) {
  describe(`tend-server API on ${engine}`, () => {
    let server: TestServer;
    let ana: ReturnType<typeof client>;
    let ben: ReturnType<typeof client>;
    let anaToken: string;

    before(async () => {
      server = await startTestServer(engine, { allowedOrigins: ['https://site.example'] });
      anaToken = await token('ana', { name: 'Ana' });
      ana = client(server.url, anaToken);
      ben = client(server.url, await token('ben'));
    });
    after(() => server.stop());

    test('answers /health', async () => {
      const health = await client(server.url).get('/health');
      assert.equal(health.status, 200);
      assert.deepEqual(health.body, { ok: true });
    });

    test('creates, reads, lists, updates and deletes records with revisions', async () => {
      const c = uniqueName();
      assert.deepEqual((await ana.get(`/v1/${c}/notes`)).body, { items: [] });
      assert.equal((await ana.get(`/v1/${c}/notes/n1`)).status, 404);

      const created = await ana.put(`/v1/${c}/notes/n2`, { text: 'second' });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('etag'), '"1"');
      assert.equal(created.body.id, 'n2');
      assert.equal(created.body.rev, 1);
      assert.equal(created.body.author, 'ana');
      assert.deepEqual(created.body.value, { text: 'second' });
      assert.match(created.body.updatedAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      await ana.put(`/v1/${c}/notes/n1`, { text: 'first' });

      const listed = await ana.get(`/v1/${c}/notes`);
      assert.deepEqual(
        listed.body.items.map((r: { id: string }) => r.id),
        ['n1', 'n2'],
        'ordered by id',
      );
      assert.deepEqual(Object.keys(listed.body.items[0]).sort(), [
        'author',
        'id',
        'rev',
        'updatedAt',
        'value',
      ]);

      const updated = await ana.put(`/v1/${c}/notes/n2`, { text: 'changed' }, 1);
      assert.equal(updated.status, 200);
      assert.equal(updated.body.rev, 2);
      assert.deepEqual((await ana.get(`/v1/${c}/notes/n2`)).body.value, { text: 'changed' });

      const stale = await ana.put(`/v1/${c}/notes/n2`, { text: 'stale' }, 1);
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'conflict');
      assert.equal(stale.body.error.currentRev, 2);
      const again = await ana.put(`/v1/${c}/notes/n2`, { text: 'create again' });
      assert.equal(again.status, 409, 'a create over an existing record');

      assert.equal((await ana.del(`/v1/${c}/notes/n2`, 1)).status, 409, 'a stale delete');
      assert.equal((await ana.del(`/v1/${c}/notes/n2`, 2)).status, 204);
      assert.equal((await ana.get(`/v1/${c}/notes/n2`)).status, 404);
      assert.equal((await ana.del(`/v1/${c}/notes/n2`)).status, 404, 'delete of a missing record');
      assert.equal(
        (await ana.put(`/v1/${c}/notes/n2`, { v: 1 })).body.rev,
        1,
        'a removed id starts again at 1',
      );
      // The list reflects every write at once (the cache is dropped by the write).
      assert.deepEqual(
        (await ana.get(`/v1/${c}/notes`)).body.items.map((r: { rev: number }) => r.rev),
        [1, 1],
      );
    });

    test('keeps unicode, NUL escapes and key order exactly', async () => {
      const c = uniqueName();
      const value = {
        zeta: 'Grüße 你好 🌱 \u0000 "q" <b>x</b>',
        alpha: [1, 2.5, -3, true, null],
        nested: { b: 1, a: 2 },
      };
      await ana.put(`/v1/${c}/notes/u`, value);
      const back = await ana.get(`/v1/${c}/notes/u`);
      assert.equal(JSON.stringify(back.body.value), JSON.stringify(value));
      const listed = await ana.get(`/v1/${c}/notes`);
      assert.equal(JSON.stringify(listed.body.items[0].value), JSON.stringify(value));
    });

    test('keeps communities and collections apart', async () => {
      const one = uniqueName();
      const two = uniqueName();
      await ana.put(`/v1/${one}/notes/same`, { from: 'one' });
      await ana.put(`/v1/${one}/offers/same`, { from: 'offers' });
      await ana.put(`/v1/${two}/notes/same`, { from: 'two' });
      assert.deepEqual((await ana.get(`/v1/${one}/notes/same`)).body.value, { from: 'one' });
      assert.deepEqual((await ana.get(`/v1/${two}/notes/same`)).body.value, { from: 'two' });
      assert.equal((await ana.get(`/v1/${two}/offers/same`)).status, 404);
    });

    test('sends changes over SSE, filtered to the collection, and resumes from Last-Event-ID', async () => {
      const c = uniqueName();
      const stream = await openEvents(`${server.url}/v1/${c}/notes/events`, { token: anaToken });
      assert.equal(stream.status, 200);
      assert.match(stream.headers.get('content-type') ?? '', /^text\/event-stream/);
      const ready = await stream.next((e) => e.event === 'ready');
      assert.ok(ready.id, 'the ready event names a position');

      const event = (type: string, id: string, from = 0) =>
        stream.next(
          (e) => e.event === 'message' && JSON.parse(e.data).type === type && JSON.parse(e.data).id === id,
          5000,
          from,
        );
      await ben.put(`/v1/${c}/notes/a`, { n: 1 });
      await event('put', 'a');
      await ben.put(`/v1/${c}/offers/x`, { other: 'collection' });
      await ben.put(`/v1/${c}/notes/a`, { n: 2 }, 1);
      await stream.next((e) => e.event === 'message' && JSON.parse(e.data).record?.rev === 2);
      await ben.del(`/v1/${c}/notes/a`);
      await event('remove', 'a');
      const seen = stream.changes();
      // Each event carries the record as it is when it is sent; another collection's never come.
      assert.deepEqual(
        seen.map((ch) => [ch.type, ch.id, ch.record?.rev]),
        [
          ['put', 'a', 1],
          ['put', 'a', 2],
          ['remove', 'a', undefined],
        ],
      );
      assert.equal(seen[0]!.record.author, 'ben');
      assert.deepEqual(seen[1]!.record.value, { n: 2 });
      const afterFirst = stream.events.find((e) => e.event === 'message')!.id!;
      await stream.close();

      // Changes made while nobody listened arrive on resume: each record changed after the id
      // given, once, as it is now (never an old version).
      await ben.put(`/v1/${c}/notes/b`, { missed: true });
      await ben.put(`/v1/${c}/notes/b`, { missed: 'twice' }, 1);
      const resumed = await openEvents(`${server.url}/v1/${c}/notes/events`, {
        token: anaToken,
        lastEventId: afterFirst,
      });
      await resumed.next((e) => e.event === 'ready');
      const missed = resumed.changes();
      assert.deepEqual(
        missed.map((ch) => [ch.type, ch.id, ch.record?.rev]),
        [
          ['remove', 'a', undefined],
          ['put', 'b', 2],
        ],
      );
      assert.deepEqual(missed[1]!.record.value, { missed: 'twice' });
      await ben.put(`/v1/${c}/notes/live`, { after: 'resume' });
      const live = await resumed.next((e) => e.event === 'message' && JSON.parse(e.data).id === 'live');
      assert.ok(live.id);
      await resumed.close();
    });

    test('streams several collections at once from /v1/:community/events', async () => {
      const c = uniqueName();
      const stream = await openEvents(`${server.url}/v1/${c}/events?collections=notes,offers`, {
        token: anaToken,
      });
      await stream.next((e) => e.event === 'ready');
      await ben.put(`/v1/${c}/notes/n`, { v: 1 });
      await ben.put(`/v1/${c}/slots/s`, { v: 1 });
      await ben.put(`/v1/${c}/offers/o`, { v: 1 });
      await stream.next((e) => e.event === 'message' && JSON.parse(e.data).collection === 'offers');
      assert.deepEqual(
        stream.changes().map((ch) => ch.collection),
        ['notes', 'offers'],
      );
      await stream.close();
    });

    test('a reused Idempotency-Key gets the first answer and writes once', async () => {
      const c = uniqueName();
      const headers = { 'idempotency-key': 'write-1' };
      const first = await ana.put(`/v1/${c}/notes/i`, { v: 1 }, undefined, headers);
      const retry = await ana.put(`/v1/${c}/notes/i`, { v: 1 }, undefined, headers);
      assert.equal(first.status, 201);
      assert.equal(retry.status, 201, 'the retry gets the same answer, not a conflict');
      assert.equal(retry.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(retry.body, first.body);
      const update = await ana.put(`/v1/${c}/notes/i`, { v: 2 }, 1, { 'idempotency-key': 'write-2' });
      const updateRetry = await ana.put(`/v1/${c}/notes/i`, { v: 2 }, 1, { 'idempotency-key': 'write-2' });
      assert.equal(update.body.rev, 2);
      assert.equal(updateRetry.body.rev, 2);
      assert.equal((await ana.get(`/v1/${c}/notes/i`)).body.rev, 2, 'written exactly twice');
      // Keys belong to a person: the same key from someone else is a different write.
      assert.equal((await ben.put(`/v1/${c}/notes/j`, { v: 1 }, undefined, headers)).status, 201);
      const del = await ana.del(`/v1/${c}/notes/i`);
      assert.equal(del.status, 204);
    });

    test('answers CORS only for allowed origins', async () => {
      const preflight = await fetch(`${server.url}/v1/x/notes/n`, {
        method: 'OPTIONS',
        headers: { origin: 'https://site.example', 'access-control-request-method': 'PUT' },
      });
      assert.equal(preflight.status, 204);
      assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://site.example');
      assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /if-match/);
      const other = await fetch(`${server.url}/v1/x/notes/n`, {
        method: 'OPTIONS',
        headers: { origin: 'https://evil.example', 'access-control-request-method': 'PUT' },
      });
      assert.equal(other.headers.get('access-control-allow-origin'), null);
      const get = await fetch(`${server.url}/health`, { headers: { origin: 'https://evil.example' } });
      assert.equal(get.headers.get('access-control-allow-origin'), null);
    });

    test('answers unknown routes with a JSON 404', async () => {
      const answer = await ana.get('/nothing/here');
      assert.equal(answer.status, 404);
      assert.equal(answer.body.error.code, 'not-found');
    });
  });
}

describe('the changes log after pruning', () => {
  test('a client resuming from before what the log still keeps is told to read everything again', async () => {
    const { prune } = await import('../../src/server/records.js');
    // PGlite only: pruning a shared PostgreSQL would pull the log from under other tests.
    const server = await startTestServer('pglite');
    try {
      const bearer = await token('ana');
      const ana = client(server.url, bearer);
      const c = uniqueName();
      const stream = await openEvents(`${server.url}/v1/${c}/notes/events`, { token: bearer });
      await stream.next((e) => e.event === 'ready');
      await ana.put(`/v1/${c}/notes/a`, { v: 1 });
      const first = await stream.next((e) => e.event === 'message');
      await stream.close();
      await ana.put(`/v1/${c}/notes/b`, { v: 1 });
      await server.feed.settle();
      // Keep nothing: every change so far is older than "now minus zero days".
      await server.db.query(`UPDATE tend_changes SET at = now() - interval '1 day'`);
      assert.ok(await prune(server.db, { changesDays: 0, idempotencyHours: 0 }));
      const resumed = await openEvents(`${server.url}/v1/${c}/notes/events`, {
        token: bearer,
        lastEventId: first.id,
      });
      await resumed.next((e) => e.event === 'ready');
      assert.deepEqual(
        resumed.events.map((e) => e.event),
        ['reset', 'ready'],
      );
      // Live changes still flow after the reset.
      await ana.put(`/v1/${c}/notes/c`, { v: 1 });
      await resumed.next((e) => e.event === 'message' && JSON.parse(e.data).id === 'c');
      await resumed.close();
    } finally {
      await server.stop();
    }
  });
});
