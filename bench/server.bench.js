// tend-server benchmark (not a test): requests/s and p99 latency for a list and for writes,
// on PGlite and on PostgreSQL, beside a bare node:http server answering the same list JSON
// (the ceiling), printed as ratios of that ceiling. 50 connections, loopback, autocannon.
//
//   node bench/server.bench.js                       PGlite only
//   scripts/with-postgres.sh node bench/server.bench.js   PGlite and a throwaway PostgreSQL
//   (or set DATABASE_URL / TEND_TEST_DATABASE_URL to a PostgreSQL of your own)
//
// BENCH_SECONDS (default 10) sets how long each run lasts.
// Targets on PostgreSQL (issue #7): list ≥ 30 % of the ceiling, writes ≥ 15 %, p99 < 50 ms.
//
// Then a community's mixed workload (bench/mixed-workload.js: 1,000 people, 90 % reads, 10 %
// writes) on PGlite, on PostgreSQL made durable (fsync, synchronous_commit and full_page_writes
// on: the headline, as a site would run it) and with fsync off, each beside the ceiling of the
// same mix (bare node:http answering the same bodies); with the list cache's hit ratio.
// Target (issue #14): mixed on durable PostgreSQL ≥ 30 % of the ceiling, p99 < 50 ms.
// bench/server.sh gives it two throwaway PostgreSQL clusters: TEND_TEST_DATABASE_URL durable
// (PG_DURABLE=1 scripts/with-postgres.sh) and BENCH_FAST_DATABASE_URL with fsync off.
// Writes are measured twice: whole-record creates (PUT) and the operations other members send
// (`POST …/posts/:id/ops`: 1,000 people, each cycle one of them claiming a slot, then releasing it),
// which the server applies to the current post with the domain rules.
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';
import { benchOffer, MIX, mixedRequests, PEOPLE, seedMixed, tokens } from './mixed-workload.js';
import { databaseUrl, SECRET, startTendServer } from './tend-process.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const RECORDS = 50;

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon({ connections: CONNECTIONS, duration: SECONDS, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

const people = await tokens(SECRET);
const fastUrl = process.env.BENCH_FAST_DATABASE_URL;

/** The mixed workload on one engine: seeds 10 communities, runs the mix, reads the cache's figures. */
async function measureMixed(engine, label, env = {}) {
  const server = await startTendServer(engine, env);
  let result;
  let samples;
  try {
    const prefix = `mix-${Date.now().toString(36)}`;
    samples = await seedMixed(server.url, prefix, people);
    const requests = mixedRequests(prefix, people);
    await run({ url: server.url, requests, duration: Math.min(2, SECONDS) }); // warm-up
    result = await run({ url: server.url, requests: mixedRequests(`${prefix}`, people) });
  } finally {
    const listCache = await server.stop();
    if (result) result.listCache = listCache;
  }
  return { label, result, samples };
}

/** The ceiling of the mix: node:http answering each path with a body of the same size and shape. */
async function mixedCeiling(samples) {
  const source = `
    const { list, post, aggregate } = JSON.parse(process.env.BODIES);
    const server = require('node:http').createServer((req, res) => {
      const body = req.url.includes('/aggregates/') ? aggregate : req.url.endsWith('/posts') ? list : post;
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(body));
    });
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));
    process.on('SIGTERM', () => process.exit(0));`;
  const child = spawn(process.execPath, ['-e', source], {
    env: { BODIES: JSON.stringify(samples) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((resolve) =>
    child.stdout.once('data', (data) => resolve(Number(String(data).trim()))),
  );
  try {
    return await run({ url: `http://127.0.0.1:${port}`, requests: mixedRequests('ceiling', people) });
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const tokenFor = (sub, name) =>
  new SignJWT({ name })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime('2h')
    .sign(new TextEncoder().encode(SECRET));
const auth = { authorization: `Bearer ${await tokenFor('bench', 'Bench')}` };
/** The people who claim: each claim-and-release cycle is one of them, so nobody meets themselves. */
const NEIGHBOURS = 1000;
const neighbours = await Promise.all(
  Array.from({ length: NEIGHBOURS }, async (_, i) => ({
    authorization: `Bearer ${await tokenFor(`neighbour-${i}`, `Neighbour ${i}`)}`,
  })),
);
/** Posts the operations spread over: neighbours meet on the same post now and then. */
const POSTS = 200;

/** An open offer with many slots, as `createPost` makes it. */
const offer = (i) => benchOffer('bench', 'Bench', `Soup on Thursdays, pot ${i}`);

/** Measures one engine: seeds a list of 50 records, then benchmarks the list and creates. */
async function measure(engine) {
  const server = await startTendServer(engine);
  try {
    const community = `bench-${Date.now().toString(36)}`;
    for (let i = 0; i < RECORDS; i++) {
      const response = await fetch(`${server.url}/v1/${community}/notes/n${String(i).padStart(3, '0')}`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({
          value: {
            text: `A note about something neighbourly, number ${i}`,
            done: i % 3 === 0,
            tags: ['meals', 'rides'],
          },
        }),
      });
      if (response.status !== 201)
        throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
    }
    const listBody = await (await fetch(`${server.url}/v1/${community}/notes`, { headers: auth })).text();
    await run({ url: `${server.url}/v1/${community}/notes`, headers: auth, duration: 2 }); // warm-up
    const list = await run({ url: `${server.url}/v1/${community}/notes`, headers: auth });

    // Writes as HttpAdapter sends them: a create with an idempotency key, each a new record.
    let n = 0;
    const put = await run({
      url: server.url,
      requests: [
        {
          method: 'PUT',
          setupRequest(request) {
            const id = `w-${n++}`;
            return {
              ...request,
              path: `/v1/${community}/notes/${id}`,
              headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `k-${id}` },
              body: JSON.stringify({ value: { text: `written by the benchmark, ${id}`, done: false } }),
            };
          },
        },
      ],
    });
    // Operations as the board sends them: claim a slot, then release it, each as its own person.
    for (let i = 0; i < POSTS; i++) {
      const response = await fetch(`${server.url}/v1/${community}/posts/p${i}`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ value: offer(i) }),
      });
      if (response.status !== 201)
        throw new Error(`seeding posts failed: ${response.status} ${await response.text()}`);
    }
    // autocannon gives each round of the `requests` below a fresh context: a round is one cycle.
    let cycles = 0;
    /** One operation of the cycle in `context`, as its neighbour sends it. */
    const operation = (request, context, type) => ({
      ...request,
      path: `/v1/${community}/posts/${context.post}/ops`,
      headers: {
        ...neighbours[context.who],
        'content-type': 'application/json',
        'idempotency-key': `k-${context.claimId}-${type}`,
      },
      body: JSON.stringify({ type, claimId: context.claimId }),
    });
    const ops = await run({
      url: server.url,
      // A cycle: one neighbour claims a slot on a post, then releases that claim.
      requests: [
        {
          method: 'POST',
          setupRequest(request, context) {
            const cycle = cycles++;
            context.who = cycle % NEIGHBOURS;
            context.post = `p${cycle % POSTS}`;
            context.claimId = `c-${cycle}`;
            return operation(request, context, 'claim');
          },
        },
        { method: 'POST', setupRequest: (request, context) => operation(request, context, 'release') },
      ],
    });
    return { engine, list, put, ops, listBody };
  } finally {
    await server.stop();
  }
}

/**
 * The ceiling: node:http answering the same list JSON, in its own process as tend-server is
 * (sharing the benchmark's process would slow it down).
 */
async function ceiling(listBody) {
  const source = `
    const body = process.env.BODY;
    const server = require('node:http').createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    });
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));
    process.on('SIGTERM', () => process.exit(0));`;
  const child = spawn(process.execPath, ['-e', source], {
    env: { BODY: listBody },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise((resolve) =>
    child.stdout.once('data', (data) => resolve(Number(String(data).trim()))),
  );
  try {
    return await run({ url: `http://127.0.0.1:${port}/list` });
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

const parts = (process.env.BENCH_PARTS ?? 'basic,mixed').split(',');
if (parts.includes('basic')) {
  const engines = ['pglite', ...(databaseUrl ? ['postgres'] : [])];
  console.log(
    `tend-server benchmark: ${CONNECTIONS} connections, ${SECONDS} s a run, a list of ${RECORDS} records; engines: ${engines.join(', ')}${databaseUrl ? ' (PostgreSQL durable: fsync, synchronous_commit, full_page_writes on)' : ''}`,
  );
  if (!databaseUrl) console.log('(no PostgreSQL: run under scripts/with-postgres.sh to include it)');
  // The ceiling is measured before and after (other work on the machine varies); the higher one counts.
  const seed = await measure(engines[0]);
  const ceilings = [await ceiling(seed.listBody)];
  const results = [seed];
  for (const engine of engines.slice(1)) results.push(await measure(engine));
  ceilings.push(await ceiling(seed.listBody));
  const bare = ceilings[0].requests.average >= ceilings[1].requests.average ? ceilings[0] : ceilings[1];

  const rows = [['', 'req/s', 'p99 ms', 'of ceiling', 'errors']];
  const row = (name, result) => {
    const errors = result.errors + result.timeouts + result.non2xx;
    rows.push([
      name,
      Math.round(result.requests.average).toLocaleString('en'),
      String(result.latency.p99),
      `${((100 * result.requests.average) / bare.requests.average).toFixed(1)} %`,
      String(errors),
    ]);
  };
  row('bare node:http, same list JSON (ceiling)', bare);
  rows.push([
    `  (ceiling before ${Math.round(ceilings[0].requests.average).toLocaleString('en')}, after ${Math.round(ceilings[1].requests.average).toLocaleString('en')} req/s)`,
    '',
    '',
    '',
    '',
  ]);
  for (const r of results) {
    row(`${r.engine}: GET list`, r.list);
    row(`${r.engine}: PUT create`, r.put);
    row(`${r.engine}: POST ops (claim, release)`, r.ops);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows)
    console.log(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '));

  const pgResult = results.find((r) => r.engine === 'postgres');
  if (pgResult) {
    const pg = pgResult;
    const listRatio = pg.list.requests.average / bare.requests.average;
    const putRatio = pg.put.requests.average / bare.requests.average;
    const opsRatio = pg.ops.requests.average / bare.requests.average;
    const checks = [
      [`PostgreSQL list ≥ 30 % of the ceiling`, listRatio >= 0.3],
      [`PostgreSQL writes ≥ 15 % of the ceiling`, putRatio >= 0.15],
      [`PostgreSQL operations ≥ 15 % of the ceiling`, opsRatio >= 0.15],
      [
        `PostgreSQL p99 < 50 ms (list ${pg.list.latency.p99} ms, writes ${pg.put.latency.p99} ms, operations ${pg.ops.latency.p99} ms)`,
        pg.list.latency.p99 < 50 && pg.put.latency.p99 < 50 && pg.ops.latency.p99 < 50,
      ],
    ];
    for (const [what, ok] of checks) console.log(`${ok ? 'met   ' : 'MISSED'}  ${what}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The mixed workload of a community.

if (parts.includes('mixed')) {
  console.log(
    `\nmixed workload: ${PEOPLE.toLocaleString('en')} people in 10 communities, ${CONNECTIONS} connections, ${SECONDS} s a run; ` +
      MIX.map(([what, share]) => `${share} % ${what}`).join(', '),
  );
  const mixed = [await measureMixed('pglite', 'PGlite')];
  const mixedCeilings = [await mixedCeiling(mixed[0].samples)];
  if (databaseUrl) mixed.push(await measureMixed('postgres', 'PostgreSQL, durable (fsync on)'));
  if (fastUrl)
    mixed.push(
      await measureMixed('postgres', 'PostgreSQL, fsync off (not durable)', { DATABASE_URL: fastUrl }),
    );
  mixedCeilings.push(await mixedCeiling(mixed[0].samples));
  const mixedBare =
    mixedCeilings[0].requests.average >= mixedCeilings[1].requests.average
      ? mixedCeilings[0]
      : mixedCeilings[1];
  const mixedRows = [['', 'req/s', 'p50 ms', 'p99 ms', 'of ceiling', 'cache hits', 'errors']];
  const mixedRow = (name, result) => {
    const errors = result.errors + result.timeouts + result.non2xx;
    const cache = result.listCache;
    mixedRows.push([
      name,
      Math.round(result.requests.average).toLocaleString('en'),
      String(result.latency.p50),
      String(result.latency.p99),
      `${((100 * result.requests.average) / mixedBare.requests.average).toFixed(1)} %`,
      cache ? `${((100 * cache.hits) / Math.max(1, cache.hits + cache.misses)).toFixed(2)} %` : '',
      `${errors} (${((100 * errors) / Math.max(1, result.requests.total)).toFixed(2)} %)`,
    ]);
  };
  mixedRow('bare node:http, same bodies (ceiling)', mixedBare);
  mixedRows.push([
    `  (ceiling before ${Math.round(mixedCeilings[0].requests.average).toLocaleString('en')}, after ${Math.round(mixedCeilings[1].requests.average).toLocaleString('en')} req/s)`,
    ...Array(6).fill(''),
  ]);
  for (const m of mixed) mixedRow(`${m.label}: mixed`, m.result);
  const mixedWidths = mixedRows[0].map((_, i) => Math.max(...mixedRows.map((r) => r[i].length)));
  for (const r of mixedRows)
    console.log(
      r.map((cell, i) => (i === 0 ? cell.padEnd(mixedWidths[i]) : cell.padStart(mixedWidths[i]))).join('  '),
    );
  console.log(
    '(cache hits: list and get reads answered from memory, of all list and get reads, warm-up and seeding included)',
  );
  const durable = mixed.find((m) => m.label.includes('fsync on'));
  if (durable) {
    const ratio = durable.result.requests.average / mixedBare.requests.average;
    for (const [what, ok] of [
      [`mixed on durable PostgreSQL ≥ 30 % of the ceiling (${(100 * ratio).toFixed(1)} %)`, ratio >= 0.3],
      [
        `mixed on durable PostgreSQL p99 < 50 ms (${durable.result.latency.p99} ms)`,
        durable.result.latency.p99 < 50,
      ],
    ])
      console.log(`${ok ? 'met   ' : 'MISSED'}  ${what}`);
  }
}
