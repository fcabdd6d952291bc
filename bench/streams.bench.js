// Live streams at scale (not a test; run by bench/server.sh, which raises the open-file limit):
//
// 1. One process: BENCH_STREAMS (default 10,000) event streams open on one tend-server (1,000
//    people, nine in ten on the community written to, one in ten on another that must hear
//    nothing); the server's memory per idle stream (resident set before and after, divided);
//    then posts written one at a time, and how long each takes to reach every stream that may see
//    it (the fan-out), from the moment it was sent.
// 2. Several processes, one PostgreSQL: three tend-server processes behind a round-robin proxy
//    (bench/round-robin-proxy.js); BENCH_STREAMS_SPREAD (default 3,000) streams through it; posts
//    written through it by three writers (one on each process); every stream must get every
//    post exactly once; the delay to streams on the OTHER processes, from the writer's answer;
//    then the mixed workload (bench/mixed-workload.js) through the proxy.
//
// Targets (issue #14): a write reaches 99 % of the streams that may see it within 1 s; ≤ 20 KB
// per idle stream; cross-process delivery p99 ≤ 50 ms. Figures vary with what else the machine runs.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { mixedRequests, post, seedMixed, tokens } from './mixed-workload.js';
import { databaseUrl, SECRET, startTendServer } from './tend-process.js';

const STREAMS = Number(process.env.BENCH_STREAMS ?? 10_000);
const SPREAD_STREAMS = Number(process.env.BENCH_STREAMS_SPREAD ?? 3000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WRITES = Number(process.env.BENCH_STREAM_WRITES ?? 10);
const people = await tokens(SECRET);

const residentKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const quantile = (sorted, q) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : 'none');

/**
 * One event stream on a raw connection: `onPost(id, at)` for every post event it gets. Resolves
 * once the stream said `ready`.
 */
function openStream(port, path, authorization, onPost) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.setEncoding('utf8');
    let partial = '';
    let ready = false;
    socket.on('data', (chunk) => {
      const at = performance.now();
      const frames = (partial + chunk).split('\n\n');
      partial = frames.pop();
      for (const frame of frames) {
        if (!ready && frame.includes('event: ready')) {
          ready = true;
          resolve(socket);
        }
        const match = /"type":"put","collection":"posts","id":"(fan-\d+)"/.exec(frame);
        if (match) onPost(match[1], at);
      }
    });
    socket.on('error', (error) => (ready ? undefined : reject(error)));
    socket.on('close', () =>
      ready ? undefined : reject(new Error(`stream closed before ready: ${partial}`)),
    );
    socket.write(
      `GET ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: ${authorization}\r\naccept: text/event-stream\r\n\r\n`,
    );
  });
}

/** Opens `count` streams, `batch` at a time. */
async function openMany(count, batch, open) {
  const sockets = [];
  for (let i = 0; i < count; i += batch)
    sockets.push(
      ...(await Promise.all(Array.from({ length: Math.min(batch, count - i) }, (_, j) => open(i + j)))),
    );
  return sockets;
}

/** Sends one post as person 0; resolves with the time its answer came. */
function writePost(port, community, id, agent) {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ value: post(0, `Fan-out ${id}`) });
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'PUT',
        path: `/v1/${community}/posts/${id}`,
        agent,
        headers: {
          ...people[0],
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 201
            ? resolve(performance.now())
            : reject(new Error(`write ${id}: ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

// ---------------------------------------------------------------------------------------------
// 1. One process, many streams.

async function oneProcess() {
  const engine = databaseUrl ? 'postgres' : 'pglite';
  const server = await startTendServer(engine);
  const port = Number(new URL(server.url).port);
  const community = `fan-${Date.now().toString(36)}`;
  const elsewhere = `${community}-other`;
  try {
    // Warm the server (and its list of streams) a little before the baseline.
    await writePost(port, community, 'fan-warm');
    await pause(500);
    const before = residentKb(server.pid);
    /** Per write: when each stream got it. */
    const got = Array.from({ length: WRITES }, () => new Map());
    const strays = { count: 0 };
    const started = performance.now();
    const sockets = await openMany(STREAMS, 250, (i) => {
      const mine = i % 10 !== 9;
      return openStream(
        port,
        `/v1/${mine ? community : elsewhere}/posts/events`,
        people[i % people.length].authorization,
        (id, at) => {
          const k = Number(id.slice(4));
          if (!mine) strays.count++;
          else if (Number.isInteger(k) && got[k] && !got[k].has(i)) got[k].set(i, at);
        },
      );
    });
    const opened = performance.now() - started;
    await pause(2000);
    const idle = residentKb(server.pid);
    const watching = sockets.length - Math.floor(sockets.length / 10);
    const fanOut = [];
    for (let k = 0; k < WRITES; k++) {
      const sent = performance.now();
      const answered = await writePost(port, community, `fan-${k}`);
      const deadline = performance.now() + 5000;
      while (got[k].size < watching && performance.now() < deadline) await pause(5);
      const delays = [...got[k].values()].map((at) => at - sent).sort((a, b) => a - b);
      fanOut.push({ answered: answered - sent, delays });
      await pause(200);
    }
    const all = fanOut.flatMap((f) => f.delays).sort((a, b) => a - b);
    const within1s = all.filter((d) => d <= 1000).length / (watching * WRITES);
    const reach99 = fanOut.map((f) => quantile(f.delays, 0.99 * (watching / Math.max(1, f.delays.length))));
    for (const socket of sockets) socket.destroy();
    console.log(
      `\nlive streams, one process (${engine}): ${sockets.length.toLocaleString('en')} streams open in ${(opened / 1000).toFixed(1)} s, ${people.length.toLocaleString('en')} people`,
    );
    const perStream = ((idle - before) * 1024) / sockets.length / 1024;
    console.log(
      `  server memory: ${(before / 1024).toFixed(0)} MB before, ${(idle / 1024).toFixed(0)} MB with the streams idle: ${perStream.toFixed(1)} KB per idle stream`,
    );
    console.log(
      `  ${WRITES} posts, each to ${watching.toLocaleString('en')} streams that may see it (${(sockets.length - watching).toLocaleString('en')} on another community, which got ${strays.count}):`,
    );
    console.log(
      `  from sending the write: p50 ${ms(quantile(all, 0.5))}, p99 ${ms(quantile(all, 0.99))}, last ${ms(all.at(-1))}; ` +
        `99 % of the streams reached after ${ms(Math.max(...reach99))} (worst write); ${(100 * within1s).toFixed(2)} % of deliveries within 1 s`,
    );
    console.log(
      `  (the write's own answer took p50 ${ms(
        quantile(
          fanOut.map((f) => f.answered).sort((a, b) => a - b),
          0.5,
        ),
      )})`,
    );
    for (const [what, ok] of [
      [`a write reaches 99 % of the streams that may see it within 1 s`, Math.max(...reach99) <= 1000],
      [`≤ 20 KB per idle stream (${perStream.toFixed(1)} KB)`, perStream <= 20],
      [`nothing reaches streams that may not see it (${strays.count})`, strays.count === 0],
    ])
      console.log(`${ok ? 'met   ' : 'MISSED'}  ${what}`);
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// 2. Three processes behind a round-robin proxy.

async function startProxy(ports) {
  const child = fork(fileURLToPath(new URL('./round-robin-proxy.js', import.meta.url)), ports.map(String), {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const backendOf = new Map();
  const waiting = new Map();
  const port = await new Promise((resolve) => {
    child.on('message', (message) => {
      if (message.port) resolve(message.port);
      else {
        backendOf.set(message.clientPort, message.backend);
        waiting.get(message.clientPort)?.(message.backend);
      }
    });
  });
  return {
    port,
    /** The backend a connection from `clientPort` went to. */
    backend: (clientPort) =>
      backendOf.has(clientPort)
        ? Promise.resolve(backendOf.get(clientPort))
        : new Promise((resolve) => waiting.set(clientPort, resolve)),
    stop: () => {
      child.kill('SIGTERM');
      return new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

async function severalProcesses() {
  const servers = await Promise.all([0, 1, 2].map(() => startTendServer('postgres')));
  const proxy = await startProxy(servers.map((s) => Number(new URL(s.url).port)));
  const community = `spread-${Date.now().toString(36)}`;
  const caches = [];
  try {
    // Writers: one keep-alive connection each, each on its own process.
    const writers = [];
    for (let w = 0; writers.length < 3 && w < 12; w++) {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const socketPort = new Promise((resolve) => agent.once('free', (socket) => resolve(socket.localPort)));
      await writePost(proxy.port, community, `fan-setup-${w}`, agent);
      const backend = await proxy.backend(await socketPort);
      if (writers.some((x) => x.backend === backend)) agent.destroy();
      else writers.push({ agent, backend });
    }
    // Few streams show the path itself (NOTIFY, reading the log); many add the fan-out's queue.
    for (const size of [...new Set([Math.min(300, SPREAD_STREAMS), SPREAD_STREAMS])]) {
      const got = Array.from({ length: WRITES * 3 }, () => new Map());
      const counts = Array.from({ length: WRITES * 3 }, () => new Map());
      const streamBackend = [];
      const sockets = await openMany(size, 100, async (i) => {
        const socket = await openStream(
          proxy.port,
          `/v1/${community}-${size}/posts/events`,
          people[i % people.length].authorization,
          (id, at) => {
            const k = Number(id.slice(4));
            if (!Number.isInteger(k) || !got[k]) return;
            counts[k].set(i, (counts[k].get(i) ?? 0) + 1);
            if (!got[k].has(i)) got[k].set(i, at);
          },
        );
        streamBackend[i] = await proxy.backend(socket.localPort);
        return socket;
      });
      await pause(1000);
      const cross = [];
      const same = [];
      for (let k = 0; k < WRITES * 3; k++) {
        const writer = writers[k % writers.length];
        const answered = await writePost(proxy.port, `${community}-${size}`, `fan-${k}`, writer.agent);
        const deadline = performance.now() + 5000;
        while (got[k].size < sockets.length && performance.now() < deadline) await pause(5);
        for (const [i, at] of got[k])
          (streamBackend[i] === writer.backend ? same : cross).push(at - answered);
        await pause(100);
      }
      await pause(500);
      let once = 0;
      let missing = 0;
      let twice = 0;
      for (let k = 0; k < WRITES * 3; k++)
        for (let i = 0; i < sockets.length; i++) {
          const n = counts[k].get(i) ?? 0;
          if (n === 1) once++;
          else if (n === 0) missing++;
          else twice++;
        }
      for (const socket of sockets) socket.destroy();
      cross.sort((a, b) => a - b);
      same.sort((a, b) => a - b);
      console.log(
        `\nseveral processes: 3 tend-server processes on one PostgreSQL behind a round-robin proxy; ${sockets.length.toLocaleString('en')} streams through it (${[0, 1, 2].map((b) => streamBackend.filter((x) => x === b).length).join(' / ')} per process), ${WRITES * 3} posts by 3 writers, one on each process`,
      );
      console.log(
        `  exactly once: ${once.toLocaleString('en')} of ${(once + missing + twice).toLocaleString('en')} deliveries (missing ${missing}, more than once ${twice})`,
      );
      console.log(
        `  delay from the writer's answer, streams on the other processes: p50 ${ms(quantile(cross, 0.5))}, p99 ${ms(quantile(cross, 0.99))}, last ${ms(cross.at(-1))}`,
      );
      console.log(
        `  (streams on the writer's own process: p50 ${ms(quantile(same, 0.5))}, p99 ${ms(quantile(same, 0.99))}; negative: the event came before the answer)`,
      );
      for (const [what, ok] of [
        [`every stream sees every write exactly once`, missing === 0 && twice === 0],
        [`cross-process delivery p99 ≤ 50 ms (${ms(quantile(cross, 0.99))})`, quantile(cross, 0.99) <= 50],
      ])
        console.log(`${ok ? 'met   ' : 'MISSED'}  ${what}`);
    }
    for (const writer of writers) writer.agent.destroy();

    // The mixed workload through the proxy.
    const proxyUrl = `http://127.0.0.1:${proxy.port}`;
    const prefix = `spread-mix-${Date.now().toString(36)}`;
    await seedMixed(proxyUrl, prefix, people);
    await pause(500);
    const result = await new Promise((resolve, reject) =>
      autocannon(
        { url: proxyUrl, connections: 50, duration: SECONDS, requests: mixedRequests(prefix, people) },
        (error, r) => (error ? reject(error) : resolve(r)),
      ),
    );
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(
      `  mixed workload through the proxy: ${Math.round(result.requests.average).toLocaleString('en')} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${errors} (${((100 * errors) / Math.max(1, result.requests.total)).toFixed(2)} %)`,
    );
  } finally {
    await proxy.stop();
    for (const server of servers) caches.push(await server.stop());
  }
  const hits = caches.reduce((sum, c) => sum + (c?.hits ?? 0), 0);
  const misses = caches.reduce((sum, c) => sum + (c?.misses ?? 0), 0);
  console.log(
    `  list cache over the three processes: ${((100 * hits) / Math.max(1, hits + misses)).toFixed(2)} % of reads from memory`,
  );
}

const parts = (process.env.BENCH_PARTS ?? 'one,several').split(',');
if (parts.includes('one')) await oneProcess();
if (parts.includes('several')) {
  if (databaseUrl) await severalProcesses();
  else console.log('\n(several processes need PostgreSQL: run under scripts/with-postgres.sh)');
}
