// Runs a command only when a PostgreSQL for tests is configured (TEND_TEST_DATABASE_URL, as set by
// scripts/with-postgres.sh, which CI uses); otherwise says so in one line and succeeds.
import { spawnSync } from 'node:child_process';

const [command, ...args] = process.argv.slice(2);
if (!process.env.TEND_TEST_DATABASE_URL) {
  console.log(
    `PostgreSQL not configured: "${[command, ...args].join(' ')}" runs with scripts/with-postgres.sh (CI does).`,
  );
  process.exit(0);
}
const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
