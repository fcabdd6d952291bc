// A tend-server process for the benchmarks: the real bin, on PGlite in a temporary folder or on
// the PostgreSQL of TEND_TEST_DATABASE_URL / DATABASE_URL, with rate limits off.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
/** The secret every benchmark signs its tokens with (the servers it starts know it). */
export const SECRET = process.env.BENCH_SECRET || randomUUID() + randomUUID();
export const databaseUrl = process.env.TEND_TEST_DATABASE_URL || process.env.DATABASE_URL;

/** Starts the real bin; resolves once it listens. `stop()` resolves with the list cache's figures. */
export async function startTendServer(engine, extraEnv = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tend-bench-'));
  const child = spawn(
    process.execPath,
    [join(root, 'bin/tend-server.js'), '--port', '0', '--host', '127.0.0.1', '--data', dataDir],
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
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise((resolve, reject) => {
    let pending = '';
    child.stdout.on('data', (chunk) => {
      pending += chunk;
      let newline;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (line.includes('"tend-server listening"')) resolve(JSON.parse(line).url);
      }
    });
    child.once('exit', (code) => reject(new Error(`tend-server exited (${code})`)));
  });
  // Request logs would measure the terminal, not the server: stop reading them.
  child.stdout.removeAllListeners('data');
  child.stdout.resume();
  return {
    url,
    pid: child.pid,
    async stop() {
      // Its last line tells how the list cache served reads.
      let pending = '';
      let listCache;
      child.stdout.on('data', (chunk) => {
        pending += chunk;
        let newline;
        while ((newline = pending.indexOf('\n')) >= 0) {
          const line = pending.slice(0, newline);
          pending = pending.slice(newline + 1);
          if (line.includes('"tend-server stopped"')) listCache = JSON.parse(line).listCache;
        }
      });
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dataDir, { recursive: true, force: true });
      return listCache;
    },
  };
}
