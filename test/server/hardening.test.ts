/**
 * tend-server hardened from the outside: the client address behind proxies cannot be forged,
 * reads and event-stream connects have limits of their own, dev mode stays on this computer and
 * off production secrets, tokens with control characters are refused, the PGlite folder is held
 * by one process, and a start that fails says why in one plain line.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { jwtVerify } from 'jose';
import type { ServerConfig } from '../../src/server/config.js';
import { ConfigError, loadConfig, USAGE } from '../../src/server/config.js';
import {
  call,
  eventually,
  freshDataDir,
  openEvents,
  ROOT,
  SECRET,
  spawnServer,
  startTestServer,
  testConfig,
  token,
  uniqueName,
  type TestServer,
} from './helpers.js';
import { startServer } from '../../src/server/app.js';
import { LOCK_FILE, openDatabase } from '../../src/server/db.js';
import { errorResponse, httpError } from '../../src/server/errors.js';
import { createLogger } from '../../src/server/logger.js';

/** What a run of the real bin that ends by itself printed, its exit code and how long it took. */
interface Run {
  code: number | null;
  stdout: string;
  /** stderr's lines, without the empty last one. */
  errors: string[];
  ms: number;
}

/** Runs `bin/tend-server.js` with only `env` (and PATH) until it exits; fails after `timeoutMs`. */
function runBin(env: Record<string, string | undefined>, args: string[], timeoutMs = 20_000): Promise<Run> {
  const started = Date.now();
  const child = spawn(process.execPath, [join(ROOT, 'bin/tend-server.js'), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, TEND_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tend-server still runs after ${timeoutMs} ms:\n${stdout}${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const errors = stderr.split('\n');
      if (errors.at(-1) === '') errors.pop();
      resolve({ code, stdout, errors, ms: Date.now() - started });
    });
  });
}

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

describe('control characters in a token', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer('pglite');
  });
  after(() => server.stop());

  for (const [what, sub] of [
    ['a NUL', 'ana\u0000'],
    ['a bell', 'ana\u0007'],
    ['an escape sequence', '\u001b[31mana'],
    ['a C1 control', 'ana\u0085'],
  ])
    test(`${what} in sub → 401 on every path, never 500`, async () => {
      const c = uniqueName();
      const bearer = await token(sub!);
      const answers = [
        await call(server.url, 'PUT', `/v1/${c}/notes/n`, { token: bearer, body: { value: { x: 1 } } }),
        await call(server.url, 'GET', `/v1/${c}/notes`, { token: bearer }),
        await call(server.url, 'GET', `/v1/${c}/notes/n`, { token: bearer }),
        await call(server.url, 'DELETE', `/v1/${c}/notes/n`, { token: bearer }),
      ];
      for (const answer of answers) {
        assert.equal(answer.status, 401, answer.text);
        assert.equal(answer.body.error.code, 'unauthorized');
      }
      const stream = await openEvents(`${server.url}/v1/${c}/events`, { token: bearer });
      assert.equal(stream.status, 401);
      await stream.close();
      // Nothing was stored under any name.
      const listed = await call(server.url, 'GET', `/v1/${c}/notes`, { token: await token('ben') });
      assert.deepEqual(listed.body, { items: [] });
    });

  test('a control character in name: the name is dropped and the person is let in', async () => {
    const c = uniqueName();
    const bearer = await token('ana', { name: 'A\u0000na' });
    const put = await call(server.url, 'PUT', `/v1/${c}/notes/n`, {
      token: bearer,
      body: { value: { x: 1 } },
    });
    assert.equal(put.status, 201, put.text);
  });
});

describe('dev mode', () => {
  test('--help documents TEND_DEV and what dev mode refuses', async () => {
    const run = await runBin({}, ['--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /TEND_DEV=1 +the same as --dev/);
    assert.match(run.stdout, /--dev[^]*this computer only/);
  });

  for (const [how, env, args] of [
    ['--dev --host 0.0.0.0', {}, ['--dev', '--host', '0.0.0.0']],
    ['TEND_DEV=1 HOST=::', { TEND_DEV: '1', HOST: '::' }, []],
    ['--dev --host 192.168.1.5', {}, ['--dev', '--host', '192.168.1.5']],
  ] as const)
    test(`${how}: exits with one line, before listening`, async () => {
      const run = await runBin(env, [...args, '--port', '0']);
      assert.equal(run.code, 2);
      assert.equal(run.errors.length, 1, run.errors.join('\n'));
      assert.match(
        run.errors[0]!,
        /^tend-server: --dev listens only on this computer \(127\.0\.0\.1, ::1 or localhost\)/,
      );
      assert.doesNotMatch(run.stdout, /listening/);
    });

  for (const variable of ['TEND_JWT_SECRET', 'TEND_JWKS_URL'])
    test(`--dev with ${variable} set: refuses to start, in one line`, async () => {
      const value = variable === 'TEND_JWT_SECRET' ? SECRET : 'https://example.org/.well-known/jwks.json';
      const run = await runBin({ [variable]: value }, ['--dev', '--port', '0']);
      assert.equal(run.code, 2);
      assert.deepEqual(run.errors, [
        `tend-server: --dev refuses to start with ${variable} set: dev tokens must never be signed with a production secret. Unset it, or run without --dev`,
      ]);
    });

  test('startServer refuses dev mode with a site secret, or on a public address', async () => {
    await assert.rejects(
      startServer(testConfig('pglite', { dev: true }), { devSecret: 'x'.repeat(32) }),
      /dev tokens must never be signed with a production secret/,
    );
    await assert.rejects(
      startServer(testConfig('pglite', { dev: true, jwtSecret: undefined, host: '0.0.0.0' }), {
        devSecret: 'x'.repeat(32),
      }),
      /--dev listens only on this computer/,
    );
  });

  test('on loopback, /dev/token signs with its own secret, which a site secret does not verify', async () => {
    const data = await freshDataDir();
    const server = await spawnServer({ TEND_JWT_SECRET: undefined }, ['--dev', '--data', data.dir]);
    try {
      const minted = await call(server.url, 'POST', '/dev/token', { body: { sub: 'ana' } });
      assert.equal(minted.status, 200);
      await assert.rejects(jwtVerify(minted.body.token, new TextEncoder().encode(SECRET)));
      const c = uniqueName();
      const put = await call(server.url, 'PUT', `/v1/${c}/notes/n`, {
        token: minted.body.token,
        body: { value: { ok: true } },
      });
      assert.equal(put.status, 201);
      // Control characters: refused in sub, and a name with them is left out of the token.
      const nul = await call(server.url, 'POST', '/dev/token', { body: { sub: 'ana\u0000' } });
      assert.equal(nul.status, 400);
      assert.equal(nul.body.error.code, 'invalid');
      const named = await call(server.url, 'POST', '/dev/token', { body: { sub: 'ana', name: 'A\u0000na' } });
      assert.equal(named.status, 200);
      assert.equal(named.body.name, undefined);
    } finally {
      await server.kill();
      data.remove();
    }
  });
});

describe('a start that fails says why in one plain line', () => {
  const emptyFolder = () => mkdtempSync(join(tmpdir(), 'tend-test-empty-'));
  const env = { TEND_JWT_SECRET: SECRET };

  test('a taken port is told within 2 s, before the database opens', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as AddressInfo).port;
    const data = emptyFolder();
    try {
      const line = `tend-server: port ${port} is in use: stop the other program or set --port`;
      const onPGlite = await runBin(env, ['--port', String(port), '--host', '127.0.0.1', '--data', data]);
      assert.deepEqual(onPGlite.errors, [line]);
      assert.equal(onPGlite.code, 1);
      assert.ok(onPGlite.ms < 2000, `told after ${onPGlite.ms} ms`);
      assert.ok(!existsSync(join(data, 'PG_VERSION')), 'the database was not created');
      // Even with a PostgreSQL that does not answer, the port is what is told.
      const onPostgres = await runBin({ ...env, DATABASE_URL: 'postgres://tend:pw@127.0.0.1:1/tend' }, [
        '--port',
        String(port),
        '--host',
        '127.0.0.1',
      ]);
      assert.deepEqual(onPostgres.errors, [line]);
    } finally {
      taken.close();
      rmSync(data, { recursive: true, force: true });
    }
  });

  test('while the database opens, /health and every route answer 503 starting', async () => {
    const data = emptyFolder();
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/tend-server.js'), '--port', '0', '--host', '127.0.0.1', '--data', data],
      { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const lines: string[] = [];
      const seen = (message: string) =>
        eventually(() => lines.find((line) => line.includes(`"msg":"${message}"`)), 30_000, message);
      let pending = '';
      child.stdout.on('data', (chunk: Buffer) => {
        pending += chunk.toString();
        const parts = pending.split('\n');
        pending = parts.pop()!;
        lines.push(...parts);
      });
      const url = (JSON.parse((await seen('tend-server starting'))!) as { url: string }).url;
      // A fresh data folder takes PGlite seconds to create: the server answers meanwhile.
      const health = await call(url, 'GET', '/health');
      assert.equal(health.status, 503);
      assert.equal(health.body.error.code, 'starting');
      assert.equal(health.headers.get('retry-after'), '1');
      const list = await call(url, 'GET', '/v1/c/notes', { token: await token('ana') });
      assert.equal(list.status, 503);
      assert.equal(list.body.error.code, 'starting');
      assert.ok(!lines.some((line) => line.includes('"tend-server listening"')), 'still starting');
      await seen('tend-server listening');
      assert.deepEqual((await call(url, 'GET', '/health')).body, { ok: true });
    } finally {
      child.kill('SIGTERM');
      await exited;
      rmSync(data, { recursive: true, force: true });
    }
  });

  test('DATABASE_URL that is not a PostgreSQL URL → one line, exit 2', async () => {
    for (const url of ['not a url', 'mysql://tend@127.0.0.1/tend']) {
      const run = await runBin({ ...env, DATABASE_URL: url }, ['--port', '0']);
      assert.deepEqual(run.errors, [
        'tend-server: DATABASE_URL is not a PostgreSQL URL (postgres://user:pass@host:5432/db)',
      ]);
      assert.equal(run.code, 2);
    }
  });

  test('an unreachable PostgreSQL → one line naming host and port, never the password; the stack only at debug', async () => {
    const url = 'postgres://tend:secret-pass@127.0.0.1:1/tend';
    const run = await runBin({ ...env, DATABASE_URL: url }, ['--port', '0', '--host', '127.0.0.1']);
    assert.deepEqual(run.errors, ['tend-server: cannot reach PostgreSQL at 127.0.0.1:1: is it running?']);
    assert.equal(run.code, 1);
    assert.doesNotMatch(run.stdout + run.errors.join('\n'), /secret-pass|\n\s+at /);
    const debug = await runBin({ ...env, DATABASE_URL: url, TEND_LOG_LEVEL: 'debug' }, [
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    ]);
    assert.deepEqual(debug.errors, run.errors);
    assert.match(debug.stdout, /"msg":"start failed".*"stack"/);
  });

  test('an unwritable data folder → one line naming it', async () => {
    const parent = emptyFolder();
    try {
      // A folder inside a file can never be written (even by root, who passes permission checks).
      writeFileSync(join(parent, 'file'), '');
      const inFile = join(parent, 'file', 'data');
      const run = await runBin(env, ['--port', '0', '--host', '127.0.0.1', '--data', inFile]);
      assert.deepEqual(run.errors, [
        `tend-server: cannot write the data folder ${inFile}: check its permissions or use --data`,
      ]);
      assert.equal(run.code, 1);
      if (process.getuid?.() !== 0) {
        // And a folder without write permission, where permissions apply.
        const readOnly = join(parent, 'read-only');
        mkdirSync(readOnly, { mode: 0o555 });
        const denied = await runBin(env, ['--port', '0', '--host', '127.0.0.1', '--data', readOnly]);
        assert.deepEqual(denied.errors, [
          `tend-server: cannot write the data folder ${readOnly}: check its permissions or use --data`,
        ]);
      }
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe('error codes', () => {
  test('a claim that came too late has codes of its own: full and slot-taken, 409', async () => {
    for (const code of ['full', 'slot-taken'] as const) {
      const response = errorResponse(httpError(code, 'someone else was first'));
      assert.equal(response.status, 409);
      assert.deepEqual(await response.json(), { error: { code, message: 'someone else was first' } });
    }
  });
});

describe('one process per PGlite folder', () => {
  test('a second process on the same folder exits at once with one line naming the folder and the first', async () => {
    const data = await freshDataDir();
    const first = await spawnServer({}, ['--data', data.dir]);
    try {
      const second = await runBin({ TEND_JWT_SECRET: SECRET }, [
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--data',
        data.dir,
      ]);
      assert.deepEqual(second.errors, [
        `tend-server: ${data.dir} is in use by another tend-server (pid ${first.child.pid}); stop it or use --data for another folder`,
      ]);
      assert.equal(second.code, 1);
      assert.ok(second.ms < 5000, `told after ${second.ms} ms`);
      // The first one still serves, and keeps what it is given.
      const c = uniqueName();
      const bearer = await token('ana');
      assert.equal(
        (await call(first.url, 'PUT', `/v1/${c}/notes/n`, { token: bearer, body: { value: 1 } })).status,
        201,
      );
      assert.equal(await first.kill(), 0);
      assert.ok(!existsSync(join(data.dir, LOCK_FILE)), 'a clean stop removes the lock');
      const again = await spawnServer({}, ['--data', data.dir]);
      try {
        assert.equal((await call(again.url, 'GET', `/v1/${c}/notes/n`, { token: bearer })).body.value, 1);
      } finally {
        await again.kill();
      }
    } finally {
      await first.kill();
      data.remove();
    }
  });

  test('a lock left by a process that is gone (kill -9) is taken over', async () => {
    const data = await freshDataDir();
    try {
      const killed = await spawnServer({}, ['--data', data.dir]);
      await killed.kill('SIGKILL');
      assert.equal(readFileSync(join(data.dir, LOCK_FILE), 'utf8').trim(), String(killed.child.pid));
      const next = await spawnServer({}, ['--data', data.dir]);
      try {
        assert.equal(readFileSync(join(data.dir, LOCK_FILE), 'utf8').trim(), String(next.child.pid));
        assert.deepEqual((await call(next.url, 'GET', '/health')).body, { ok: true });
      } finally {
        await next.kill();
      }
    } finally {
      data.remove();
    }
  });

  test('in one process, a second open of an open folder is refused too', async () => {
    const data = await freshDataDir();
    const logger = createLogger({ level: 'silent' });
    const db = await openDatabase({ dataDir: data.dir, poolSize: 1, logger });
    try {
      await assert.rejects(
        openDatabase({ dataDir: data.dir, poolSize: 1, logger }),
        new RegExp(`is in use by another tend-server \\(pid ${process.pid}\\)`),
      );
    } finally {
      await db.close();
      data.remove();
    }
  });
});
