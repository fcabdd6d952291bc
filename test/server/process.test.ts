/**
 * The real `tend-server` bin in its own process: data survives a restart and a kill -9 in the
 * middle of a burst of writes; a graceful shutdown finishes requests in flight and closes event
 * streams; two processes on one PostgreSQL share live changes through LISTEN/NOTIFY.
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { describe, test } from 'node:test';
import {
  client,
  ENGINES,
  eventually,
  freshDataDir,
  openEvents,
  PG_URL,
  spawnServer,
  token,
  uniqueName,
  type Engine,
} from './helpers.js';

/** Where a spawned server keeps its data, for one engine; the same place after a restart. */
async function storage(engine: Engine) {
  if (engine === 'postgres')
    return { env: { DATABASE_URL: PG_URL }, args: [] as string[], remove: () => undefined };
  const data = await freshDataDir();
  return { env: {}, args: ['--data', data.dir], remove: data.remove };
}

for (const engine of ENGINES) {
  describe(`the tend-server process on ${engine}`, () => {
    test('every write answered 2xx survives kill -9 during a burst', async () => {
      const place = await storage(engine);
      try {
        const c = uniqueName('crash');
        let server = await spawnServer(place.env, place.args);
        const bearer = await token('ana');
        const acknowledged = new Map<string, number>();
        let failures = 0;
        let stop = false;
        const writer = async (w: number) => {
          const me = client(server.url, bearer);
          for (let i = 0; !stop; i++) {
            const id = `w${w}-${i}`;
            try {
              const answer = await me.put(`/v1/${c}/notes/${id}`, { w, i });
              if (answer.status >= 200 && answer.status < 300) acknowledged.set(id, i);
              else failures++;
            } catch {
              failures++;
              return;
            }
          }
        };
        const writers = Array.from({ length: 16 }, (_, w) => writer(w));
        await eventually(() => acknowledged.size >= 100, 10_000, '100 acknowledged writes');
        await server.kill('SIGKILL');
        stop = true;
        await Promise.all(writers);
        assert.ok(failures > 0, 'some writes were cut off by the kill');

        server = await spawnServer(place.env, place.args);
        try {
          const listed = await client(server.url, bearer).get(`/v1/${c}/notes`);
          assert.equal(listed.status, 200);
          const stored = new Map<string, { w: number; i: number }>(
            listed.body.items.map((r: { id: string; value: { w: number; i: number } }) => [r.id, r.value]),
          );
          const missing = [...acknowledged.keys()].filter((id) => !stored.has(id));
          assert.deepEqual(
            missing,
            [],
            `${missing.length} of ${acknowledged.size} acknowledged writes are missing`,
          );
          for (const [id, i] of acknowledged) assert.equal(stored.get(id)!.i, i);
          // The log still works after recovery: a new write reaches a new event stream.
          const stream = await openEvents(`${server.url}/v1/${c}/notes/events`, { token: bearer });
          await stream.next((e) => e.event === 'ready');
          await client(server.url, bearer).put(`/v1/${c}/notes/after-crash`, { ok: true });
          await stream.next((e) => e.event === 'message' && JSON.parse(e.data).id === 'after-crash');
          await stream.close();
        } finally {
          await server.kill();
        }
      } finally {
        place.remove();
      }
    });

    test('a graceful shutdown finishes the request in flight, closes event streams, and the data is there after a restart', async () => {
      const place = await storage(engine);
      try {
        const c = uniqueName('shutdown');
        const bearer = await token('ana');
        let server = await spawnServer(place.env, place.args);
        const stream = await openEvents(`${server.url}/v1/${c}/events`, { token: bearer });
        await stream.next((e) => e.event === 'ready');

        // A write whose body is still arriving when SIGTERM comes.
        const slow = new Promise<{ status: number; body: string }>((resolve, reject) => {
          const req = request(
            `${server.url}/v1/${c}/notes/slow`,
            {
              method: 'PUT',
              headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
            },
            (res) => {
              let body = '';
              res.on('data', (d: Buffer) => (body += d.toString()));
              res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
            },
          );
          req.on('error', reject);
          req.write('{"value":{"text":"half');
          setTimeout(() => {
            server.child.kill('SIGTERM');
            setTimeout(() => req.end(' and the rest"}}'), 300);
          }, 200);
        });
        const answer = await slow;
        assert.equal(answer.status, 201, answer.body);
        assert.equal(await server.exited, 0, 'the process exits cleanly');
        await stream.done;
        assert.ok(stream.ended, 'the event stream was closed');
        assert.ok(server.logs.some((line) => line.includes('"tend-server stopped"')));

        server = await spawnServer(place.env, place.args);
        try {
          const stored = await client(server.url, bearer).get(`/v1/${c}/notes/slow`);
          assert.equal(stored.status, 200);
          assert.deepEqual(stored.body.value, { text: 'half and the rest' });
          // An event stream resumed across the restart gets what it missed.
          await client(server.url, bearer).put(`/v1/${c}/notes/later`, { v: 1 });
          const resumed = await openEvents(`${server.url}/v1/${c}/events`, {
            token: bearer,
            lastEventId: stream.lastEventId!,
          });
          await resumed.next((e) => e.event === 'ready');
          assert.deepEqual(
            resumed.changes().map((ch) => ch.id),
            ['slow', 'later'],
          );
          await resumed.close();
        } finally {
          await server.kill();
        }
      } finally {
        place.remove();
      }
    });
  });
}

if (PG_URL)
  describe('two processes on one PostgreSQL', () => {
    test('a write through one reaches an SSE client of the other, and its lists', async () => {
      const env = { DATABASE_URL: PG_URL };
      const [one, two] = await Promise.all([spawnServer(env), spawnServer(env)]);
      try {
        const c = uniqueName('fanout');
        const bearer = await token('ana');
        const viaTwo = client(two.url, bearer);
        assert.deepEqual(
          (await viaTwo.get(`/v1/${c}/notes`)).body,
          { items: [] },
          'two caches an empty list',
        );
        const stream = await openEvents(`${two.url}/v1/${c}/notes/events`, { token: await token('ben') });
        await stream.next((e) => e.event === 'ready');
        const written = await client(one.url, bearer).put(`/v1/${c}/notes/n`, { from: 'one' });
        assert.equal(written.status, 201);
        const event = await stream.next((e) => e.event === 'message');
        const change = JSON.parse(event.data);
        assert.equal(change.type, 'put');
        assert.deepEqual(change.record.value, { from: 'one' });
        assert.equal(change.record.rev, 1);
        // NOTIFY also drops two's cached list.
        await eventually(
          async () => (await viaTwo.get(`/v1/${c}/notes`)).body.items.length === 1,
          3000,
          'two lists the new record',
        );
        // And back the other way, with a remove.
        const back = await openEvents(`${one.url}/v1/${c}/notes/events`, { token: bearer });
        await back.next((e) => e.event === 'ready');
        assert.equal((await viaTwo.del(`/v1/${c}/notes/n`)).status, 204);
        await back.next((e) => e.event === 'message' && JSON.parse(e.data).type === 'remove');
        // A client of two resumes on one from its last id: the log is shared.
        const resumedOnOne = await openEvents(`${one.url}/v1/${c}/notes/events`, {
          token: bearer,
          lastEventId: event.id,
        });
        await resumedOnOne.next((e) => e.event === 'ready');
        assert.deepEqual(
          resumedOnOne.changes().map((ch) => ch.type),
          ['remove'],
        );
        await Promise.all([stream.close(), back.close(), resumedOnOne.close()]);
      } finally {
        await Promise.all([one.kill(), two.kill()]);
      }
    });
  });
