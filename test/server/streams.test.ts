/**
 * Event streams that cannot keep up: a stream whose reader stops reading is never buffered
 * without bound. Once more than the server's limit waits for it, it is sent `reset` and closed
 * (it reconnects and reads afresh); a stream that keeps reading gets every change.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import {
  client,
  ENGINES,
  eventually,
  startTestServer,
  token,
  uniqueName,
  type TestServer,
} from './helpers.js';

const BUFFER = 256 * 1024;
/** Enough to fill the loopback's socket buffers many times over. */
const WRITES = 300;
const big = (i: number) =>
  Object.fromEntries(Array.from({ length: 12 }, (_, f) => [`f${f}`, `${i}`.padEnd(3900, '.')]));

for (const engine of ENGINES) {
  describe(`slow event streams on ${engine}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer(engine, {
        streamBufferBytes: BUFFER,
        maxBodyBytes: 64 * 1024,
        allowedOrigins: ['https://site.example'],
      });
    });
    after(() => server.stop());

    test('a stream is answered with the headers the middleware adds (CORS) and its first events', async () => {
      const c = uniqueName('head');
      const controller = new AbortController();
      const response = await fetch(`${server.url}/v1/${c}/notes/events`, {
        headers: { authorization: `Bearer ${await token('ana')}`, origin: 'https://site.example' },
        signal: controller.signal,
      });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
      assert.equal(response.headers.get('access-control-allow-origin'), 'https://site.example');
      const reader = response.body!.getReader();
      let text = '';
      while (!text.includes('event: ready')) text += new TextDecoder().decode((await reader.read()).value);
      assert.ok(text.startsWith('retry: 2000\n\n'), text);
      controller.abort();
    });

    test('a stream that stops reading is sent reset and closed; one that reads gets every change', async () => {
      const c = uniqueName('slow');
      const bearer = await token('ana', { name: 'ANA' });
      const request = `GET /v1/${c}/notes/events HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${bearer}\r\naccept: text/event-stream\r\n\r\n`;
      const { port } = new URL(server.url);
      // A reader that keeps up: counts the changes it gets, keeps nothing else.
      const fast = connect(Number(port), '127.0.0.1');
      let fastPuts = 0;
      let fastResets = 0;
      let partial = '';
      fast.setEncoding('utf8');
      fast.on('data', (chunk: string) => {
        const frames = (partial + chunk).split('\n\n');
        partial = frames.pop()!;
        for (const frame of frames) {
          if (frame.includes('data: {"type":"put"')) fastPuts++;
          if (frame.includes('event: reset')) fastResets++;
        }
      });
      fast.write(request);
      // The slow reader: a raw connection that reads its headers, then nothing.
      const socket = connect(Number(port), '127.0.0.1');
      const received: Buffer[] = [];
      let ended = false;
      socket.on('data', (chunk: Buffer) => received.push(chunk));
      socket.on('close', () => (ended = true));
      socket.write(request);
      await eventually(() => Buffer.concat(received).includes('event: ready'), 5000, 'the slow stream opens');
      socket.pause();

      const ana = client(server.url, bearer);
      for (let i = 0; i < WRITES; i += 4)
        await Promise.all(
          Array.from({ length: 4 }, async (_, j) => {
            const answer = await ana.put(`/v1/${c}/notes/n${i + j}`, big(i + j));
            assert.equal(answer.status, 201, answer.text);
          }),
        );
      await eventually(() => fastPuts >= WRITES, 20_000, 'the reading stream gets every change');
      assert.equal(fastResets, 0, 'no reset for a stream that reads');

      // The slow one now reads what was left for it: the reset, then the end of the stream.
      socket.resume();
      await eventually(() => ended, 15_000, 'the slow stream is closed');
      const text = Buffer.concat(received).toString('utf8');
      assert.ok(text.includes('event: reset\ndata: {"reason":"too-slow"}'), 'sent reset');
      const events = text.split('\n\n').filter((e) => e.includes('data:'));
      assert.ok(events.at(-1)!.includes('event: reset'), 'reset is the last thing it gets');
      const delivered = events.filter((e) => e.includes('"type":"put"')).length;
      assert.ok(delivered < WRITES, `it was not sent every change (${delivered})`);
      socket.destroy();
      fast.destroy();
    });
  });
}
