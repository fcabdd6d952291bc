// First paint of each element, as a reader on a slow phone meets it (a benchmark, not a test).
//
// Serves dist/cdn/ and three pages like the demo's (a blog post with the reflection prompt; a
// community page with the provider, the check-in and the board; one with all three) from a
// plain static server, loads each in headless Chromium with the CPU slowed 4×, a mobile network
// (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up: Lighthouse's mobile profile; NETWORK=off
// for none) and a fresh profile, and prints per element the median time from navigation to its first render (its
// shadow root has content) and to its first interactive control (an enabled button, field or
// link in it), with dist/cdn/autoloader.js and with dist/cdn/tend.js. Needs `npm run build:cdn`.
//
//   npm run bench:first-paint            (5 loads a page and loader)
//   RUNS=9 npm run bench:first-paint
/* global window, document, requestAnimationFrame -- the page-side code below runs in the browser */
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChrome } from '../scripts/find-chrome.js';

const cdn = fileURLToPath(new URL('../dist/cdn/', import.meta.url));
if (!existsSync(`${cdn}autoloader.js`) || !existsSync(`${cdn}tend.js`)) {
  console.error('bench:first-paint: run npm run build:cdn first');
  process.exit(1);
}
const RUNS = Number(process.env.RUNS ?? 5);
const SLOWDOWN = 4;
const NETWORK =
  process.env.NETWORK === 'off'
    ? undefined
    : {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6e6 / 8) | 0,
        uploadThroughput: (750e3 / 8) | 0,
      };

const pages = {
  blog: '<article><h1>A post</h1><p>Words.</p><tend-reflection-prompt post="a-post"></tend-reflection-prompt></article>',
  community: `<tend-provider storage="browser" community="maple-street" user-id="sam" user-name="Sam">
    <tend-capacity-check-in circle="maple-street"></tend-capacity-check-in>
    <tend-offer-board board="maple-street"></tend-offer-board></tend-provider>`,
  all: `<tend-provider storage="browser" community="maple-street" user-id="sam" user-name="Sam">
    <tend-reflection-prompt post="a-post"></tend-reflection-prompt>
    <tend-capacity-check-in circle="maple-street"></tend-capacity-check-in>
    <tend-offer-board board="maple-street"></tend-offer-board></tend-provider>`,
};
const html = (body, script) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">` +
  `<script type="module" src="/tend/${script}"></script></head><body>${body}</body></html>`;

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const [, page, script] = url.pathname.match(/^\/(\w+)\/(autoloader\.js|tend\.js)$/) ?? [];
  if (page && pages[page]) {
    response.writeHead(200, { 'content-type': 'text/html' }).end(html(pages[page], script));
    return;
  }
  const file = normalize(url.pathname.replace(/^\/tend\//, '')).replace(/^(\.\.[/\\])+/, '');
  if (!url.pathname.startsWith('/tend/') || !existsSync(cdn + file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, {
    'content-type': extname(file) === '.js' ? 'text/javascript' : 'application/json',
  });
  response.end(readFileSync(cdn + file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// Watches, from the first moment of the page, when each tend element first shows something and
// first offers a control a reader can use.
const watch = () => {
  const seen = (window.__firstPaint = {});
  const controls =
    'button:not([disabled]),textarea:not([disabled]),input:not([disabled]),select:not([disabled]),a[href]';
  const look = () => {
    for (const el of document.querySelectorAll(
      'tend-reflection-prompt,tend-capacity-check-in,tend-offer-board',
    )) {
      const root = el.shadowRoot;
      const entry = (seen[el.localName] ??= {});
      if (root && root.childElementCount && !entry.render) entry.render = performance.now();
      if (root && !entry.interactive && root.querySelector(controls)) entry.interactive = performance.now();
    }
    if (Object.keys(seen).length < 3 || Object.values(seen).some((e) => !e.interactive))
      requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
};

const browser = await chromium.launch({ executablePath: findChrome(), args: ['--no-sandbox'] });
const results = {};
try {
  for (const page of Object.keys(pages))
    for (const script of ['autoloader.js', 'tend.js'])
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext();
        const tab = await context.newPage();
        const cdp = await context.newCDPSession(tab);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
        if (NETWORK) await cdp.send('Network.emulateNetworkConditions', NETWORK);
        await tab.addInitScript(watch);
        await tab.goto(`${origin}/${page}/${script}`);
        const tags = (
          pages[page].match(/<tend-(reflection-prompt|capacity-check-in|offer-board)/g) ?? []
        ).map((t) => t.slice(1));
        await tab.waitForFunction(
          (expected) => expected.every((tag) => window.__firstPaint?.[tag]?.interactive),
          tags,
          { timeout: 30_000 },
        );
        const seen = await tab.evaluate(() => window.__firstPaint);
        for (const tag of tags) {
          const key = `${page}|${tag}|${script}`;
          (results[key] ??= { render: [], interactive: [] }).render.push(seen[tag].render);
          results[key].interactive.push(seen[tag].interactive);
        }
        await context.close();
      }
} finally {
  await browser.close();
  server.close();
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const rows = [['page', 'element', 'autoloader: render', 'interactive', 'tend.js: render', 'interactive']];
for (const key of Object.keys(results).filter((k) => k.endsWith('autoloader.js'))) {
  const [page, tag] = key.split('|');
  const auto = results[key];
  const single = results[`${page}|${tag}|tend.js`];
  const ms = (v) => `${Math.round(median(v))} ms`;
  rows.push([
    page,
    `<${tag}>`,
    ms(auto.render),
    ms(auto.interactive),
    ms(single.render),
    ms(single.interactive),
  ]);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
console.log(
  `First paint, median of ${RUNS} loads, CPU slowed ${SLOWDOWN}×, ${NETWORK ? 'mobile network (150 ms, 1.6 Mbit/s)' : 'loopback network'}, empty storage:`,
);
for (const row of rows)
  console.log(row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));
