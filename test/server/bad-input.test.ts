/**
 * Bad input gets a clear error with the right status, and nothing is stored: malformed JSON,
 * wrong types, unknown collections, unsafe names, over-long fields, deep nesting, bodies over
 * the size limit, bad headers, and too many writes (429 with Retry-After).
 */
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createPost } from '../../src/domain/offers.js';
import { call, client, ENGINES, startTestServer, token, uniqueName, type TestServer } from './helpers.js';

const validPost = () =>
  createPost(
    'maple',
    { kind: 'offer', title: 'Soup', category: 'meals', slots: 2 },
    { id: 'ana', name: 'Ana' },
    new Date(),
  );

/** A PUT whose body is streamed in chunks, without Content-Length. */
function putChunked(
  url: string,
  bearer: string,
  chunks: string[],
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'PUT', headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' } },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

for (const engine of ENGINES) {
  describe(`bad input on ${engine}`, () => {
    let server: TestServer;
    let bearer: string;

    before(async () => {
      server = await startTestServer(engine, { maxBodyBytes: 4096, maxStringLength: 100 });
      bearer = await token('ana');
    });
    after(() => server.stop());

    const cases: {
      name: string;
      path: (c: string) => string;
      body: unknown;
      headers?: Record<string, string>;
      status: number;
      code: string;
    }[] = [
      {
        name: 'malformed JSON',
        path: (c) => `/v1/${c}/notes/n`,
        body: '{"value": {"text": "unterminated',
        status: 400,
        code: 'invalid-json',
      },
      { name: 'an empty body', path: (c) => `/v1/${c}/notes/n`, body: '', status: 400, code: 'invalid-json' },
      {
        name: 'a body that is not an object',
        path: (c) => `/v1/${c}/notes/n`,
        body: '[1,2]',
        status: 400,
        code: 'invalid-body',
      },
      {
        name: 'a body without value',
        path: (c) => `/v1/${c}/notes/n`,
        body: { text: 'hi' },
        status: 400,
        code: 'invalid-body',
      },
      {
        name: 'a body with more than value',
        path: (c) => `/v1/${c}/notes/n`,
        body: { value: 1, rev: 9 },
        status: 400,
        code: 'invalid-body',
      },
      {
        name: 'a post of the wrong types',
        path: (c) => `/v1/${c}/posts/p`,
        body: { value: { ...validPost(), slots: 'two' } },
        status: 400,
        code: 'invalid',
      },
      {
        name: 'a post that is not an object',
        path: (c) => `/v1/${c}/posts/p`,
        body: { value: 'soup' },
        status: 400,
        code: 'invalid',
      },
      {
        name: 'a post with an over-long title',
        path: (c) => `/v1/${c}/posts/p`,
        body: { value: { ...validPost(), title: 'x'.repeat(500) } },
        status: 400,
        code: 'invalid',
      },
      {
        name: 'a post with an unknown field',
        path: (c) => `/v1/${c}/posts/p`,
        body: { value: { ...validPost(), sneaky: true } },
        status: 400,
        code: 'invalid',
      },
      {
        name: 'an over-long field',
        path: (c) => `/v1/${c}/notes/n`,
        body: { value: { text: 'x'.repeat(101) } },
        status: 400,
        code: 'too-long',
      },
      {
        name: 'an over-long field name',
        path: (c) => `/v1/${c}/notes/n`,
        body: { value: { ['k'.repeat(101)]: 1 } },
        status: 400,
        code: 'too-long',
      },
      {
        name: 'nesting too deep',
        path: (c) => `/v1/${c}/notes/n`,
        body: `{"value":${'['.repeat(40)}${']'.repeat(40)}}`,
        status: 400,
        code: 'too-deep',
      },
      {
        name: 'an unknown collection',
        path: (c) => `/v1/${c}/secrets/n`,
        body: { value: 1 },
        status: 400,
        code: 'unknown-collection',
      },
      {
        name: 'an unsafe id',
        path: (c) => `/v1/${c}/notes/a%20b`,
        body: { value: 1 },
        status: 400,
        code: 'invalid-name',
      },
      {
        name: 'an unsafe community',
        path: () => `/v1/${'x'.repeat(201)}/notes/n`,
        body: { value: 1 },
        status: 400,
        code: 'invalid-name',
      },
      {
        name: 'a bad If-Match',
        path: (c) => `/v1/${c}/notes/n`,
        body: { value: 1 },
        headers: { 'if-match': 'yesterday' },
        status: 400,
        code: 'bad-if-match',
      },
      {
        name: 'a bad Idempotency-Key',
        path: (c) => `/v1/${c}/notes/n`,
        body: { value: 1 },
        headers: { 'idempotency-key': 'has spaces' },
        status: 400,
        code: 'bad-idempotency-key',
      },
      {
        name: 'a body over the size limit',
        path: (c) => `/v1/${c}/notes/n`,
        body: { value: 'x'.repeat(5000) },
        status: 413,
        code: 'too-large',
      },
    ];

    for (const item of cases)
      test(`${item.name} → ${item.status} ${item.code}, nothing stored`, async () => {
        const c = uniqueName();
        const answer = await call(server.url, 'PUT', item.path(c), {
          token: bearer,
          body: item.body,
          headers: item.headers,
        });
        assert.equal(answer.status, item.status, answer.text);
        assert.equal(answer.body?.error?.code, item.code, answer.text);
        assert.equal(typeof answer.body.error.message, 'string');
        assert.ok(answer.body.error.message.length > 5, 'the message says something');
        for (const collection of ['notes', 'posts'])
          assert.deepEqual(
            (await call(server.url, 'GET', `/v1/${c}/${collection}`, { token: bearer })).body,
            { items: [] },
          );
      });

    test('a streamed body over the size limit (no Content-Length) → 413, nothing stored', async () => {
      const c = uniqueName();
      const answer = await putChunked(`${server.url}/v1/${c}/notes/n`, bearer, [
        '{"value":"',
        'y'.repeat(3000),
        'y'.repeat(3000),
        '"}',
      ]);
      assert.equal(answer.status, 413);
      assert.equal(JSON.parse(answer.body).error.code, 'too-large');
      assert.deepEqual((await client(server.url, bearer).get(`/v1/${c}/notes`)).body, { items: [] });
      // The connection and the server are fine afterwards.
      assert.equal((await client(server.url, bearer).put(`/v1/${c}/notes/ok`, { v: 1 })).status, 201);
    });

    test('a bad update leaves the stored record as it was', async () => {
      const c = uniqueName();
      const ana = client(server.url, bearer);
      await ana.put(`/v1/${c}/notes/n`, { text: 'kept' });
      assert.equal((await ana.put(`/v1/${c}/notes/n`, { text: 'x'.repeat(200) }, 1)).status, 400);
      assert.equal(
        (
          await call(server.url, 'PUT', `/v1/${c}/notes/n`, {
            token: bearer,
            body: '{bad',
            headers: { 'if-match': '1' },
          })
        ).status,
        400,
      );
      const stored = (await ana.get(`/v1/${c}/notes/n`)).body;
      assert.equal(stored.rev, 1);
      assert.deepEqual(stored.value, { text: 'kept' });
    });
  });
}

describe('rate limits', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer('pglite', {
      rateLimit: {
        perIdentity: { burst: 3, perMinute: 6 },
        perAddress: { burst: 5, perMinute: 6 },
        reads: { burst: 100, perMinute: 600 },
        streams: false,
      },
    });
  });
  after(() => server.stop());

  test('too many writes from one person → 429 with Retry-After, and the refused write is not stored', async () => {
    const c = uniqueName();
    const ana = client(server.url, await token('ana'));
    for (let i = 0; i < 3; i++) assert.equal((await ana.put(`/v1/${c}/notes/n${i}`, { i })).status, 201);
    const refused = await ana.put(`/v1/${c}/notes/n3`, { i: 3 });
    assert.equal(refused.status, 429);
    assert.equal(refused.body.error.code, 'rate-limited');
    const wait = Number(refused.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 60, `Retry-After: ${wait}`);
    assert.equal((await ana.get(`/v1/${c}/notes/n3`)).status, 404);
    // Reads have their own bucket: the writes used none of it.
    assert.equal((await ana.get(`/v1/${c}/notes`)).body.items.length, 3);
  });

  test('too many writes from one address, across people → 429', async () => {
    const c = uniqueName();
    // Each person is well within their own limit; together they exceed the address's.
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => token(`neighbour-${i}`)));
    const answers = [];
    for (const [i, bearer] of people.entries())
      answers.push(await client(server.url, bearer).put(`/v1/${c}/notes/n${i}`, { i }));
    const refused = answers.map((a, i) => [a, i] as const).filter(([a]) => a.status === 429);
    assert.ok(refused.length > 0, 'the address limit was reached');
    for (const [answer, i] of refused) {
      assert.ok(Number(answer.headers.get('retry-after')) >= 1);
      assert.equal((await client(server.url, people[i]).get(`/v1/${c}/notes/n${i}`)).status, 404);
    }
  });
});
