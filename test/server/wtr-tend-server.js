// A @web/test-runner plugin that runs a real tend-server (the package's bin, in --dev mode so
// the browser test can mint tokens at POST /dev/token) beside the test runner, for
// test/storage/http.test.ts. Its data is a fresh PGlite folder, or the PostgreSQL of
// TEND_TEST_DATABASE_URL when set (see scripts/with-postgres.sh).
//
// The test page can ask the runner's own server (same origin, no CORS) for:
//   GET /__tend-server/info   → {"url","engine"}
//   GET /__tend-server/stop   → stops tend-server (SIGTERM), to test offline writes
//   GET /__tend-server/start  → starts it again on the same port and data
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Starts `bin/tend-server.js`; resolves with the child and its URL once it listens. */
function launch(port, dataDir, databaseUrl) {
  const child = spawn(
    process.execPath,
    [join(root, 'bin/tend-server.js'), '--dev', '--port', String(port), '--data', dataDir],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        // The conformance suite's collections: several people write the same records.
        TEND_OPEN_COLLECTIONS: 'notes,slots,offers',
        // Records only their creator may change.
        TEND_COLLECTIONS: 'owned',
        TEND_RATE_LIMIT: 'off',
        TEND_RATE_LIMIT_ADDRESS: 'off',
        TEND_RATE_LIMIT_READ: 'off',
        TEND_RATE_LIMIT_STREAM: 'off',
        // The circle's figures are made again this often (the aggregate test waits for one).
        TEND_AGGREGATE_INTERVAL_MS: '200',
        // The conformance suite writes a value of a million characters.
        TEND_MAX_BODY_BYTES: String(8 * 1024 * 1024),
        TEND_MAX_STRING_LENGTH: '2000000',
        // Info, for the "listening" line; only errors are passed on.
        TEND_LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = new Promise((resolve, reject) => {
    const lines = [];
    let pending = '';
    const onData = (chunk) => {
      pending += chunk.toString();
      let newline;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        lines.push(line);
        if (line.includes('"tend-server listening"')) resolve(JSON.parse(line).url);
        else if (line.includes('"level":"error"')) process.stderr.write(`tend-server: ${line}\n`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then((code) =>
      reject(new Error(`tend-server exited (${code}) before listening:\n${lines.join('\n')}`)),
    );
  });
  return url.then((address) => ({ child, exited, url: address }));
}

/**
 * @param {{ databaseUrl?: string | null }} [options] the PostgreSQL to use; `null` for PGlite.
 *   Default: TEND_TEST_DATABASE_URL when set, else PGlite.
 */
export function tendServerPlugin({ databaseUrl = process.env.TEND_TEST_DATABASE_URL || null } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tend-wtr-'));
  /** @type {{ child: import('node:child_process').ChildProcess, exited: Promise<unknown>, url: string } | undefined} */
  let running;
  let port = 0;
  const start = async () => {
    running = await launch(port, dataDir, databaseUrl);
    port = Number(new URL(running.url).port);
  };
  const stop = async () => {
    const current = running;
    running = undefined;
    if (!current) return;
    current.child.kill('SIGTERM');
    await current.exited;
  };
  const json = (value) => ({ body: JSON.stringify(value), type: 'application/json' });
  return {
    name: 'tend-server',
    async serverStart() {
      await start();
    },
    async serverStop() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async serve(context) {
      if (!context.path.startsWith('/__tend-server/')) return undefined;
      const engine = databaseUrl ? 'postgres' : 'pglite';
      if (context.path === '/__tend-server/info') return json({ url: running?.url, engine });
      if (context.path === '/__tend-server/stop') {
        await stop();
        return json({ stopped: true });
      }
      if (context.path === '/__tend-server/start') {
        if (!running) await start();
        return json({ url: running.url });
      }
      return undefined;
    },
  };
}
