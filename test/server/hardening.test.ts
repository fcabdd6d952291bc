/**
 * tend-server hardened from the outside: the client address behind proxies cannot be forged,
 * reads and event-stream connects have limits of their own, dev mode stays on this computer and
 * off production secrets, tokens with control characters are refused, the PGlite folder is held
 * by one process, and a start that fails says why in one plain line.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { ServerConfig } from '../../src/server/config.js';
import { ConfigError, loadConfig, USAGE } from '../../src/server/config.js';
import { call, openEvents, startTestServer, token, uniqueName, type TestServer } from './helpers.js';

const NO_LIMITS = { perIdentity: false, perAddress: false, reads: false, streams: false } as const;

/** A write by `person` through proxies that sent `forwardedFor`. */
async function putVia(server: TestServer, c: string, person: string, forwardedFor: string) {
  return call(server.url, 'PUT', `/v1/${c}/notes/${uniqueName('n')}`, {
    token: await token(person),
    body: { value: { from: forwardedFor } },
    headers: { 'x-forwarded-for': forwardedFor },
  });
}

describe('the client address behind reverse proxies', () => {
  const servers: TestServer[] = [];
  const start = async (overrides: Partial<ServerConfig>) => {
    const server = await startTestServer('pglite', overrides);
    servers.push(server);
    return server;
  };
  after(() => Promise.all(servers.map((server) => server.stop())));
  const threeWritesPerAddress: ServerConfig['rateLimit'] = {
    ...NO_LIMITS,
    perAddress: { burst: 3, perMinute: 1 },
  };

  test('TEND_TRUST_PROXY=1: the address the proxy saw counts, never the left-most one the client wrote', async () => {
    const server = await start({ trustProxy: 1, rateLimit: threeWritesPerAddress });
    const c = uniqueName();
    // One client behind the proxy, writing a different made-up address in front every time.
    for (let i = 0; i < 3; i++)
      assert.equal((await putVia(server, c, `p${i}`, `10.9.9.${i}, 203.0.113.7`)).status, 201);
    const refused = await putVia(server, c, 'p3', '10.9.9.3, 203.0.113.7');
    assert.equal(refused.status, 429, 'a forged left-most address does not buy a fresh bucket');
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    // Another client, even one that writes the first client's address in front, has its own.
    assert.equal((await putVia(server, c, 'p4', '203.0.113.7, 198.51.100.2')).status, 201);
  });

  test('TEND_TRUST_PROXY=2: the address the farther proxy saw counts', async () => {
    const server = await start({ trustProxy: 2, rateLimit: threeWritesPerAddress });
    const c = uniqueName();
    for (let i = 0; i < 3; i++)
      assert.equal((await putVia(server, c, `p${i}`, `10.9.9.${i}, 203.0.113.7, 10.0.0.2`)).status, 201);
    assert.equal((await putVia(server, c, 'p3', '10.9.9.3, 203.0.113.7, 10.0.0.2')).status, 429);
    assert.equal((await putVia(server, c, 'p4', '203.0.113.7, 198.51.100.2, 10.0.0.2')).status, 201);
  });

  test('without TEND_TRUST_PROXY, X-Forwarded-For is ignored', async () => {
    const server = await start({ rateLimit: threeWritesPerAddress });
    const c = uniqueName();
    for (let i = 0; i < 3; i++)
      assert.equal((await putVia(server, c, `p${i}`, `198.51.100.${i}`)).status, 201);
    assert.equal((await putVia(server, c, 'p3', '198.51.100.3')).status, 429);
  });

  test('TEND_TRUST_PROXY takes a count (1 and true mean one proxy) and is in --help', () => {
    const hops = (value: string | undefined) => loadConfig([], { TEND_TRUST_PROXY: value })!.trustProxy;
    assert.equal(hops(undefined), 0);
    assert.equal(hops('false'), 0);
    assert.equal(hops('1'), 1);
    assert.equal(hops('true'), 1);
    assert.equal(hops('3'), 3);
    assert.throws(() => hops('yes'), ConfigError);
    assert.match(USAGE, /TEND_TRUST_PROXY=N/);
  });
});

describe('limits on reads and event-stream connects', () => {
  test('too many reads from one person, or from one address → 429 with Retry-After; writes keep their own bucket', async () => {
    const server = await startTestServer('pglite', {
      trustProxy: 1,
      rateLimit: {
        ...NO_LIMITS,
        perIdentity: { burst: 10, perMinute: 60 },
        reads: { burst: 5, perMinute: 6 },
      },
    });
    try {
      const c = uniqueName();
      const read = async (person: string | undefined, address: string) =>
        call(server.url, 'GET', `/v1/${c}/notes`, {
          token: person && (await token(person)),
          headers: { 'x-forwarded-for': address },
        });
      for (let i = 0; i < 5; i++) assert.equal((await read('ana', '203.0.113.1')).status, 200);
      const refused = await read('ana', '203.0.113.1');
      assert.equal(refused.status, 429);
      assert.equal(refused.body.error.code, 'rate-limited');
      const wait = Number(refused.headers.get('retry-after'));
      assert.ok(wait >= 1 && wait <= 60, `Retry-After: ${wait}`);
      // The person's bucket is empty from any address; another person there still reads.
      assert.equal((await read('ana', '203.0.113.2')).status, 429);
      assert.equal((await read('ben', '203.0.113.2')).status, 200);
      // Reads left no mark on writes.
      const written = await call(server.url, 'PUT', `/v1/${c}/notes/n`, {
        token: await token('ana'),
        body: { value: { ok: true } },
      });
      assert.equal(written.status, 201);
      // One address, many people (or none): the address's bucket runs out.
      const answers = [];
      for (let i = 0; i < 6; i++)
        answers.push((await read(i % 2 ? `visitor-${i}` : undefined, '203.0.113.3')).status);
      assert.deepEqual(
        answers.map((status) => status === 200 || status === 401),
        [true, true, true, true, true, false],
      );
      assert.equal(answers[5], 429);
    } finally {
      await server.stop();
    }
  });

  test('too many event-stream connects → 429 with Retry-After, while reads are still served', async () => {
    const server = await startTestServer('pglite', {
      rateLimit: { ...NO_LIMITS, reads: { burst: 100, perMinute: 600 }, streams: { burst: 2, perMinute: 2 } },
    });
    const c = uniqueName();
    const bearer = await token('ana');
    const streams = [];
    try {
      for (const path of [`/v1/${c}/events`, `/v1/${c}/notes/events`]) {
        const stream = await openEvents(server.url + path, { token: bearer });
        streams.push(stream);
        assert.equal(stream.status, 200);
        await stream.next((e) => e.event === 'ready');
      }
      const refused = await openEvents(`${server.url}/v1/${c}/notes/events`, { token: bearer });
      streams.push(refused);
      assert.equal(refused.status, 429);
      assert.match(refused.headers.get('content-type') ?? '', /json/, 'an error, not a stream');
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
      assert.equal((await call(server.url, 'GET', `/v1/${c}/notes`, { token: bearer })).status, 200);
    } finally {
      await Promise.all(streams.map((stream) => stream.close()));
      await server.stop();
    }
  });

  test('the defaults limit reads (600/6000) and stream connects (30/120), and --help says so', () => {
    const config = loadConfig([], {})!;
    assert.ok(config.rateLimit);
    assert.deepEqual(config.rateLimit.reads, { burst: 600, perMinute: 6000 });
    assert.deepEqual(config.rateLimit.streams, { burst: 30, perMinute: 120 });
    const off = loadConfig([], { TEND_RATE_LIMIT_READ: 'off', TEND_RATE_LIMIT_STREAM: '5/10' })!;
    assert.ok(off.rateLimit);
    assert.equal(off.rateLimit.reads, false);
    assert.deepEqual(off.rateLimit.streams, { burst: 5, perMinute: 10 });
    assert.match(USAGE, /TEND_RATE_LIMIT_READ/);
    assert.match(USAGE, /TEND_RATE_LIMIT_STREAM/);
  });
});
