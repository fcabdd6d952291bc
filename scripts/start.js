// `npm start`: the demo site (Vite) and, beside it, tend-server in --dev mode on its embedded
// database (./tend-data), for the demo's shared community page. The blog and community pages
// use browser storage only and work even if the server cannot start.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const children = [];

function run(name, command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    if (name === 'demo') stop(code ?? 1);
    else
      console.error(
        `tend: ${name} stopped (${signal ?? code}); the shared page needs it, the others do not.`,
      );
  });
  children.push(child);
}

let stopping = false;
function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

run('tend-server', process.execPath, ['bin/tend-server.js', '--dev', '--data', 'tend-data']);
run('demo', process.execPath, ['node_modules/vite/bin/vite.js', '--config', 'demo/vite.config.ts']);
