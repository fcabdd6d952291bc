// Runs the screenshot tests (web-test-runner.visual.config.js) and explains a failure.
//   node scripts/test-visual.js            compare every story with its baseline
//   node scripts/test-visual.js --update   rewrite the baselines (then review and commit them)
// Other arguments go to wtr, e.g. `--files test/visual/offer-board.visual.ts`.
import { spawn } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shots = join(root, 'test/visual/screenshots');
const baselines = join(shots, 'Chrome/baseline');
const failed = join(shots, 'Chrome/failed');

const args = process.argv.slice(2);
const update = args.includes('--update');
const passOn = args.filter((arg) => arg !== '--update');
// Only a run of every file may remove baselines: a partial run draws only some of them.
const everyFile = !passOn.some((arg) => arg.startsWith('--files') || arg.startsWith('--group'));

// Last run's failures would otherwise stay beside this run's.
rmSync(failed, { recursive: true, force: true });

// wtr's own command (dist/bin.js beside its main file), run with this Node on every platform.
const wtr = join(dirname(createRequire(import.meta.url).resolve('@web/test-runner')), 'bin.js');
const started = Date.now();
const child = spawn(
  process.execPath,
  [
    wtr,
    '--config',
    join(root, 'web-test-runner.visual.config.js'),
    ...(update ? ['--update-visual-baseline'] : []),
    ...passOn,
  ],
  { cwd: root, stdio: 'inherit' },
);

child.on('exit', (code, signal) => {
  if (signal) return process.kill(process.pid, signal);
  if (code === 0 && update && everyFile) {
    // Every story's baseline was just written: an older one belongs to a story that is gone.
    const stale = readdirSync(baselines).filter(
      (name) => statSync(join(baselines, name)).mtimeMs < started - 2000,
    );
    for (const name of stale) rmSync(join(baselines, name));
    if (stale.length)
      console.log(`Removed ${stale.length} baselines no story draws any more: ${stale.join(', ')}`);
  }
  if (code === 0 && update)
    console.log(
      `Baselines written to ${relative(root, baselines)}/: look at the changed ones, then commit them.`,
    );
  if (code !== 0 && !update)
    console.error(
      `\nA screenshot differs from its baseline (or has none). The new screenshots and their diffs ` +
        `(NAME-diff.png) are in ${relative(root, failed)}/.\nIf the change is meant, run ` +
        '`npm run test:visual:update` and commit the new baselines with it.',
    );
  process.exit(code ?? 1);
});
