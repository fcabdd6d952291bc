// A small round-robin TCP proxy for the benchmarks (not part of tend): each connection goes to
// the next backend in turn, as a layer-4 load balancer would send it. Started as a child process
// with the backends' ports as arguments; tells its parent its port, then which backend each
// client connection (by the client's port) went to, so the bench can tell same-process from
// cross-process deliveries.
//
//   node bench/round-robin-proxy.js 8801 8802 8803
import { connect, createServer } from 'node:net';

const backends = process.argv.slice(2).map(Number);
let next = 0;

const server = createServer((client) => {
  const backend = next++ % backends.length;
  const upstream = connect(backends[backend], '127.0.0.1');
  client.setNoDelay(true);
  upstream.setNoDelay(true);
  process.send?.({ clientPort: client.remotePort, backend });
  client.pipe(upstream);
  upstream.pipe(client);
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on('error', close);
  upstream.on('error', close);
  client.on('close', close);
  upstream.on('close', close);
});
server.maxConnections = 100_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => process.exit(0));
