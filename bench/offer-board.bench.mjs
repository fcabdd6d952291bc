/* global window -- used only inside page.evaluate callbacks, which run in the browser */
// Benchmark of <tend-offer-board> with 1,000 and 10,000 posts, beside a raw-DOM floor.
//
// Run:  node bench/offer-board.bench.mjs        (or `npm run bench:board`)
// Env:  CHROME_PATH (default: what scripts/find-chrome.js finds), RUNS (default 7),
//       SIZES (default "1000,10000")
//
// It builds bench/offer-board.bench.html with Vite (production, like a user's bundle) into a
// temporary folder, serves it on a free local port, drives headless Chromium with
// playwright-core, and prints a table of medians:
// - read storage: the memory adapter's `list` of every post; the board's
//   own work starts when the records arrive, so this is shown apart, not hidden;
// - first render: the element put in the page with the records in hand → its first render laid
//   out (taking the records in, checking each, working out what to list and count, rendering);
// - live update: another person's claim arrives through the adapter → the card re-rendered and
//   the page laid out.
// The floor is the same cards built as plain DOM, every one of them, from the same data in the
// same run.
//
// Then storage to first cards: for each size, on the memory adapter and on BrowserAdapter over
// IndexedDB (seeded by an earlier page of the same browser profile, on disk), a fresh page puts a
// board in and times, from its connection (the adapter made at the same moment), reading the
// posts (until `list` resolves) and the rest until the first frame with cards is painted; then a
// second board in the same page, the same way (code compiled, the browser's Intl data loaded).
// It prints numbers and exits 0; the targets are shown beside them, not asserted.
import console from 'node:console';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { findChrome } from '../scripts/find-chrome.js';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const RUNS = Number(process.env.RUNS ?? 7);
const SIZES = (process.env.SIZES ?? '1000,10000').split(',').map(Number);
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.map': 'application/json',
};

const outDir = await mkdtemp(join(tmpdir(), 'tend-bench-'));
await build({
  configFile: false,
  root: benchDir,
  logLevel: 'warn',
  mode: 'production',
  build: {
    outDir,
    emptyOutDir: true,
    minify: true,
    rolldownOptions: { input: join(benchDir, 'offer-board.bench.html') },
  },
});

const server = createServer(async (request, response) => {
  const path = join(outDir, new URL(request.url ?? '/', 'http://x').pathname);
  try {
    const body = await readFile(path);
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

// A profile on disk, so IndexedDB written by one page is read back from disk by the next.
const profile = await mkdtemp(join(tmpdir(), 'tend-bench-profile-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: findChrome(),
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});
const url = `http://127.0.0.1:${port}/offer-board.bench.html`;

/** A fresh page of the bench, ready to be driven. */
async function openPage() {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(url);
  await page.waitForFunction(() => window.bench);
  return page;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const rows = [];
const parts = [];
const paint = [];
try {
  const page = await openPage();
  // Warm up: the first runs pay for compiling, defining elements and first-use caches.
  await page.evaluate(async () => {
    for (let i = 0; i < 3; i++) {
      await window.bench.raw(200);
      await window.bench.board(200);
    }
  });
  for (const size of SIZES) {
    await page.evaluate((n) => window.bench.seed(n), size);
    const raw = [];
    const board = [];
    for (let run = 0; run < RUNS; run++) {
      // Alternate, so both see the same state of the machine.
      raw.push(await page.evaluate((n) => window.bench.raw(n), size));
      board.push(await page.evaluate((n) => window.bench.board(n), size));
    }
    await page.evaluate(() => window.bench.clear());
    const floor = { first: median(raw.map((r) => r.first)), update: median(raw.map((r) => r.update)) };
    const own = { first: median(board.map((r) => r.first)), update: median(board.map((r) => r.update)) };
    const read = median(board.map((r) => r.read));
    rows.push([size, 'raw DOM (floor)', null, floor.first, floor.update, raw[0].rendered, '']);
    const target =
      size <= 1000
        ? `first ≤ 1.5× floor (${(1.5 * floor.first).toFixed(1)} ms): ${own.first <= 1.5 * floor.first ? 'met' : 'MISSED'}`
        : `first ≤ 100 ms: ${own.first <= 100 ? 'met' : 'MISSED'}; update ≤ 16 ms: ${own.update <= 16 ? 'met' : 'MISSED'}`;
    rows.push([
      size,
      '<tend-offer-board>',
      read,
      own.first,
      own.update,
      median(board.map((r) => r.rendered)),
      target,
    ]);
    const steps = [];
    for (let run = 0; run < RUNS; run++)
      steps.push(await page.evaluate((n) => window.bench.breakdown(n), size));
    for (const name of Object.keys(steps[0])) parts.push([size, name, median(steps.map((s) => s[name]))]);
  }
  await page.close();

  for (const size of SIZES) {
    const seeder = await openPage();
    const stored = await seeder.evaluate((n) => window.bench.seedIndexedDB(n), size);
    await seeder.close();
    if (stored !== size) throw new Error(`IndexedDB holds ${stored} posts, not ${size}`);
    const runs = {};
    for (let run = 0; run < RUNS; run++)
      for (const storage of ['memory', 'indexeddb']) {
        // A fresh page each time: nothing of an earlier board is cached or compiled. Then a
        // second board in the same page: code compiled, the browser's Intl data loaded.
        const fresh = await openPage();
        for (const page of ['fresh page', 'second board']) {
          const key = `${storage}|${page}`;
          (runs[key] ??= []).push(
            await fresh.evaluate(([n, s]) => window.bench.firstCards(n, s), [size, storage]),
          );
        }
        await fresh.close();
      }
    for (const [key, results] of Object.entries(runs)) {
      const [storage, page] = key.split('|');
      const total = median(results.map((r) => r.total));
      const limit = size <= 1000 ? 100 : 250;
      paint.push([
        size,
        storage === 'memory' ? 'MemoryAdapter' : 'BrowserAdapter (IndexedDB)',
        page,
        median(results.map((r) => r.read)),
        median(results.map((r) => r.render)),
        total,
        median(results.map((r) => r.cards)),
        `≤ ${limit} ms: ${total <= limit ? 'met' : 'MISSED'}`,
      ]);
    }
  }
} finally {
  await browser.close();
  server.close();
  await rm(outDir, { recursive: true, force: true });
  await rm(profile, { recursive: true, force: true });
}

/** Prints a table: numbers (columns in `numeric`) right-aligned, the rest left-aligned. */
function table(header, cells, numeric) {
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i].length)));
  const line = (row) =>
    row
      .map((cell, i) => (numeric.includes(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells) console.log(line(row).trimEnd());
}

const header = [
  'posts',
  'list',
  'read storage ms',
  'first render ms',
  'live update ms',
  'cards in DOM',
  'target',
];
const cells = rows.map(([size, name, read, first, update, rendered, target]) => [
  size.toLocaleString('en'),
  name,
  read === null ? '-' : read.toFixed(1),
  first.toFixed(1),
  update.toFixed(1),
  String(rendered),
  target,
]);
console.log(
  `offer board benchmark: median of ${RUNS} runs, headless Chromium, 1280×800, Vite production build`,
);
table(header, cells, [2, 3, 4, 5]);
console.log('');
console.log(
  'where the board’s first render goes, records in hand (medians, ms; the rest is rendering, layout and measuring rows):',
);
for (const [size, name, ms] of parts)
  console.log(`${size.toLocaleString('en').padEnd(6)}  ${name.padEnd(40)}  ${ms.toFixed(1).padStart(6)}`);

console.log('');
console.log(
  'storage to first cards, from the board’s connection to the first frame painted with cards (fresh page:',
);
console.log(
  'the first board of a new page, paying for compiling and the browser’s Intl set-up; second board: the next one in that page)',
);
table(
  ['posts', 'storage', 'page', 'read storage ms', 'render ms', 'to first cards ms', 'cards', 'target'],
  paint.map(([size, storage, page, read, render, total, cards, target]) => [
    size.toLocaleString('en'),
    storage,
    page,
    read.toFixed(1),
    render.toFixed(1),
    total.toFixed(1),
    String(cards),
    target,
  ]),
  [3, 4, 5, 6],
);
