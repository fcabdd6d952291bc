// The React wrappers as a React app uses them (`npm run test:react`, part of `npm test`):
// 1. typechecks test/react/ (its `@ts-expect-error` lines prove wrong props and wrong event
//    details do not compile), while
// 2. the library is built into a temporary folder with the project's vite.config.ts (dist/ is
//    left alone) and the app is built with Vite against that build's `tend-widgets/react`;
// 3. a tiny static server serves the app to headless Chromium, which checks that the board
//    rendered with the props React gave it, posts an offer through the board's own form, and
//    checks that the app's `onTendOfferPosted` handler received that very event.
// Prints each check; exits 1 when one fails.
/* global document, window -- the page.evaluate() callbacks below run in the page */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { findChrome } from './find-chrome.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();
const problems = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) problems.push(what);
};

const temp = mkdtempSync(join(tmpdir(), 'tend-react-'));
const library = join(temp, 'library');
const app = join(temp, 'app');

/** Runs tsc on the app's tsconfig; resolves with its exit code and output. */
function typecheck() {
  const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, '-p', join(root, 'test/react/tsconfig.json')], { cwd: root });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

const types = { '.js': 'text/javascript', '.html': 'text/html', '.css': 'text/css' };
const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const file = join(app, normalize(path === '/' ? '/index.html' : path).replace(/^(\.\.[/\\])+/, ''));
  if (!file.startsWith(app) || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  response.end(readFileSync(file));
});

let browser;
try {
  // tsc takes longest: it runs beside the two builds.
  const typed = typecheck();
  await build({
    configFile: join(root, 'vite.config.ts'),
    root,
    logLevel: 'error',
    build: { outDir: library, emptyOutDir: true, sourcemap: false },
  });
  const wrappers = readFileSync(join(library, 'react.js'), 'utf8');
  check(
    /from\s*["']react["']/.test(wrappers) && /from\s*["']@lit\/react["']/.test(wrappers),
    "the library's react.js imports react and @lit/react from the app (neither is bundled)",
  );
  process.env.TEND_LIBRARY_DIR = library;
  await build({
    configFile: join(root, 'test/react/vite.config.ts'),
    logLevel: 'error',
    build: { outDir: app, emptyOutDir: true },
  });
  const { code, output } = await typed;
  if (code !== 0) console.error(output.trim());
  check(
    code === 0,
    'test/react typechecks, and its wrong prop and wrong event detail do not (@ts-expect-error)',
  );

  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  browser = await chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox'] });
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);

  const opener = page.getByRole('button', { name: 'Offer or ask' });
  await opener.waitFor({ timeout: 5000 });
  check(
    await page.evaluate(() => !!document.querySelector('tend-provider > tend-offer-board')?.shadowRoot),
    'React rendered <tend-offer-board> inside <tend-provider>, and the board drew its shadow DOM ("Offer or ask")',
  );
  const props = await page.evaluate(() => {
    const board = document.querySelector('tend-offer-board');
    const provider = document.querySelector('tend-provider');
    return {
      board: board.board,
      maxCommitments: board.maxCommitments,
      now: board.now instanceof Date ? board.now.toISOString() : String(board.now),
      storage: provider.storage,
      userId: provider.userId,
      community: provider.community,
    };
  });
  check(
    props.board === 'maple' && props.maxCommitments === 2 && props.now === '2026-03-02T10:00:00.000Z',
    `the board's props arrived as properties: board "${props.board}", maxCommitments ${JSON.stringify(props.maxCommitments)}, now ${props.now} (a Date)`,
  );
  check(
    props.storage === 'memory' && props.userId === 'ana' && props.community === 'maple-street',
    `the provider's props arrived: storage "${props.storage}", userId "${props.userId}", community "${props.community}"`,
  );

  // Every tend-offer-posted event, as the DOM saw it, to compare with what React's handler got.
  await page.evaluate(() => {
    window.postedIds = [];
    document.addEventListener('tend-offer-posted', (event) => window.postedIds.push(event.detail.postId));
  });
  await opener.click();
  await page.getByRole('button', { name: 'Offer something' }).click();
  await page.getByLabel('Title').fill('Soup on Tuesdays');
  await page.getByLabel('Category').selectOption('meals');
  await page.getByRole('button', { name: 'Post', exact: true }).click();
  await page.getByRole('button', { name: 'Post it' }).click();
  const card = page.getByRole('heading', { name: 'Soup on Tuesdays' });
  const shown = await card
    .waitFor({ timeout: 5000 })
    .then(() => true)
    .catch(() => false);
  check(
    shown,
    'an offer posted through the board\'s form ("Offer something", Title, Category, "Post", "Post it") shows on the board',
  );
  const fromDom = await page.evaluate(() => window.postedIds);
  const received = await page
    .locator('#posted')
    .filter({ hasText: /\S/ })
    .textContent({ timeout: 5000 })
    .catch(() => '');
  check(
    fromDom.length === 1 && received === `offer ${fromDom[0]}`,
    `the app's onTendOfferPosted handler received the event: it wrote "${received}" (the DOM saw ${JSON.stringify(fromDom)})`,
  );
  check(errors.length === 0, `no errors in the page${errors.length ? `: ${errors.join(' | ')}` : ''}`);
} catch (error) {
  check(false, `the run stopped: ${error?.stack ?? error}`);
} finally {
  await browser?.close();
  server.close();
  rmSync(temp, { recursive: true, force: true });
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (problems.length) {
  console.error(`\ntest:react: ${problems.length} check(s) failed (${seconds} s)`);
  process.exit(1);
}
console.log(`\ntest:react: every check passed (${seconds} s)`);
