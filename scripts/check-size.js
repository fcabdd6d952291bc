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
 * What is measured, and its gzip budget in bytes (null: shown, no budget). `index` registers
 * every element, as the CDN file does, so it has the CDN's budget; an entry that gives one
 * element (with what it needs) has the single-element budget.
 * @type {{ name: string, file: string, bundle: boolean, budget: number | null, optional?: boolean }[]}
 */
const targets = [
  { name: 'cdn/tend.js', file: 'cdn/tend.js', bundle: false, budget: 30 * KB },
  { name: 'index', file: 'index.js', bundle: true, budget: 30 * KB },
  { name: 'provider', file: 'provider.js', bundle: true, budget: 15 * KB },
  { name: 'reflection-prompt', file: 'reflection-prompt.js', bundle: true, budget: 15 * KB, optional: true },
  { name: 'capacity-check-in', file: 'capacity-check-in.js', bundle: true, budget: 15 * KB, optional: true },
  { name: 'offer-board', file: 'offer-board.js', bundle: true, budget: 15 * KB, optional: true },
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
