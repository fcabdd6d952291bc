/* global window -- used only inside page.evaluate callbacks, which run in the browser */
// Benchmark of <tend-offer-board> with 1,000 and 10,000 posts, beside a raw-DOM floor.
//
// Run:  node bench/offer-board.bench.mjs        (or `npm run bench:board`)
// Env:  CHROME_PATH (default /usr/bin/chromium), RUNS (default 7), SIZES (default "1000,10000")
//
// It builds bench/offer-board.bench.html with Vite (production, like a user's bundle) into a
// temporary folder, serves it on a free local port, drives headless Chromium with
// playwright-core, and prints a table of medians:
// - read storage: the memory adapter's `list` of every post (it copies each record); the board's
//   own work starts when the records arrive, so this is shown apart, not hidden;
// - first render: the element put in the page with the records in hand → its first render laid
//   out (taking the records in, checking each, working out what to list and count, rendering);
// - live update: another person's claim arrives through the adapter → the card re-rendered and
//   the page laid out.
// The floor is the same cards built as plain DOM, every one of them, from the same data in the
// same run. It prints numbers and exits 0; the targets are shown beside them, not asserted.
import console from 'node:console';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';

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

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const rows = [];
const parts = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (error) => console.error('page error:', error.message));
  await page.goto(`http://127.0.0.1:${port}/offer-board.bench.html`);
  await page.waitForFunction(() => window.bench);
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
} finally {
  await browser.close();
  server.close();
  await rm(outDir, { recursive: true, force: true });
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
const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i].length)));
const line = (row) =>
  row.map((cell, i) => (i >= 2 && i <= 5 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
console.log(
  `offer board benchmark: median of ${RUNS} runs, headless Chromium, 1280×800, Vite production build`,
);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of cells) console.log(line(row).trimEnd());
console.log('');
console.log(
  'where the board’s first render goes, records in hand (medians, ms; the rest is rendering, layout and measuring rows):',
);
for (const [size, name, ms] of parts)
  console.log(`${size.toLocaleString('en').padEnd(6)}  ${name.padEnd(40)}  ${ms.toFixed(1).padStart(6)}`);
