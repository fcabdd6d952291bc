// A tend-server process for the benchmarks: the real bin, on PGlite in a temporary folder or on
// the PostgreSQL of TEND_TEST_DATABASE_URL / DATABASE_URL, with rate limits off.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
/** The secret every benchmark signs its tokens with (the servers it starts know it). */
export const SECRET = process.env.BENCH_SECRET || randomUUID() + randomUUID();
export const databaseUrl = process.env.TEND_TEST_DATABASE_URL || process.env.DATABASE_URL;

/** The first line of a log file holding `text`, parsed; undefined while there is none. */
function lineWith(file, text) {
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.includes(text));
  return line === undefined ? undefined : JSON.parse(line);
}

/**
 * Starts the real bin; resolves once it listens. `stop()` resolves with the list cache's figures.
 * Its log (a line a request) goes to a file, as a site's would: a pipe that the busy benchmark
 * reads late would stall the server's writes and measure the benchmark.
 */
export async function startTendServer(engine, extraEnv = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tend-bench-'));
  const log = join(dataDir, 'server.log');
  const logFd = openSync(log, 'w');
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_NODE_ARGS ? process.env.BENCH_NODE_ARGS.split(' ') : []),
      join(root, 'bin/tend-server.js'),
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data',
      join(dataDir, 'data'),
    ],
    {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        TEND_JWT_SECRET: SECRET,
        TEND_COLLECTIONS: 'notes',
        TEND_RATE_LIMIT: 'off',
        TEND_RATE_LIMIT_ADDRESS: 'off',
        TEND_RATE_LIMIT_READ: 'off',
        TEND_RATE_LIMIT_STREAM: 'off',
        TEND_LOG_LEVEL: 'info',
        ...(engine === 'postgres' ? { DATABASE_URL: databaseUrl } : {}),
        ...extraEnv,
      },
      stdio: ['ignore', logFd, 'inherit'],
    },
  );
  closeSync(logFd);
  let exited = false;
  const exit = new Promise((resolve) => child.once('exit', () => resolve((exited = true))));
  let listening;
  while (!(listening = lineWith(log, '"tend-server listening"'))) {
    if (exited) throw new Error(`tend-server exited: ${readFileSync(log, 'utf8').slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: listening.url,
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM');
      await exit;
      // Its last line tells how the list cache served reads.
      const listCache = lineWith(log, '"tend-server stopped"')?.listCache;
      rmSync(dataDir, { recursive: true, force: true });
      return listCache;
    },
  };
}
