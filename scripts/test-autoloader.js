// The blog embed as a reader meets it: a page that names only dist/cdn/autoloader.js and one
// <tend-reflection-prompt>, served by a plain static server, in headless Chromium. Checks that
// the prompt works (a reader can answer and move on), that the network log holds only the
// autoloader and the reflection prompt's modules, that Lit runs in production mode, and that a
// Spanish page fetches the Spanish words as well. Needs `npm run build:cdn` first.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChrome } from './find-chrome.js';

const cdn = fileURLToPath(new URL('../dist/cdn/', import.meta.url));
if (!existsSync(`${cdn}autoloader.js`)) {
  console.error('test-autoloader: dist/cdn/autoloader.js is missing: run npm run build:cdn first');
  process.exit(1);
}

const page = (lang) => `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>A post</title><link rel="icon" href="data:,">
<script type="module" src="/assets/tend/autoloader.js"></script></head>
<body><article><h1>A post</h1><p>Words of the post.</p>
<tend-reflection-prompt post="a-post"></tend-reflection-prompt></article></body></html>`;

const types = { '.js': 'text/javascript', '.map': 'application/json', '.html': 'text/html' };
const server = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (path === '/' || path === '/es') {
    response.writeHead(200, { 'content-type': 'text/html' }).end(page(path === '/es' ? 'es' : 'en'));
    return;
  }
  const file = normalize(path.replace(/^\/assets\/tend\//, '')).replace(/^(\.\.[/\\])+/, '');
  if (!path.startsWith('/assets/tend/') || !existsSync(cdn + file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  response.end(readFileSync(cdn + file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox'] });
const problems = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) problems.push(what);
};

try {
  for (const [path, lang] of [
    ['/', 'en'],
    ['/es', 'es'],
  ]) {
    const tab = await browser.newPage();
    const requested = [];
    const logged = [];
    tab.on('request', (request) => requested.push(new URL(request.url()).pathname));
    tab.on('console', (message) => logged.push(message.text()));
    tab.on('pageerror', (error) => logged.push(String(error)));
    await tab.goto(origin + path);
    const heading = tab.locator('tend-reflection-prompt h2').first();
    await heading.waitFor();
    const title = await heading.textContent();
    // A reader answers the first question and moves on.
    await tab.locator('tend-reflection-prompt textarea').first().fill('I said yes again.');
    await tab.getByRole('button', { name: lang === 'es' ? 'Siguiente' : 'Next' }).click();
    await tab
      .locator('tend-reflection-prompt')
      .getByText(lang === 'es' ? 'Paso 2 de' : 'Step 2 of')
      .waitFor();
    await tab.waitForLoadState('networkidle');
    const files = requested
      .filter((p) => p.startsWith('/assets/tend/'))
      .map((p) => p.slice('/assets/tend/'.length));
    const modules = files
      .filter((f) => f.startsWith('chunks/'))
      .map((f) => f.slice(7).replace(/-[\w-]{8}\.js$/, ''));
    console.log(`${lang}: "${title}"; fetched ${files.length} files: ${files.join(', ')}`);
    check(
      title === (lang === 'es' ? 'Una reflexión tranquila' : 'A quiet reflection'),
      `${lang}: the prompt renders its words`,
    );
    check(
      files[0] === 'autoloader.js' && modules.includes('reflection-prompt'),
      `${lang}: the autoloader fetched the reflection prompt`,
    );
    const others = modules.filter((m) => /^(offer-board|capacity-check-in|provider|http)\b/.test(m));
    check(
      others.length === 0,
      `${lang}: nothing of the other elements, the provider or the server code (${others.join(', ') || 'none'})`,
    );
    check(!modules.includes('later-views'), `${lang}: what shows only after saving was not fetched yet`);
    if (lang === 'es')
      check(modules.includes('reflection-prompt.es'), 'es: the Spanish words came as their own module');
    else check(!modules.some((m) => m.endsWith('.es')), 'en: no other language was fetched');
    check(
      !requested.some((p) => !p.startsWith('/assets/tend/') && p !== path),
      `${lang}: no request outside the page and its folder`,
    );
    check(
      !logged.some((text) => /dev mode|error/i.test(text)),
      `${lang}: Lit in production mode, no errors (${logged.join(' | ') || 'console quiet'})`,
    );
    await tab.close();
  }
} finally {
  await browser.close();
  server.close();
}

if (problems.length) {
  console.error(`test-autoloader: ${problems.length} check(s) failed`);
  process.exit(1);
}
