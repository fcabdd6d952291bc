// `npm start`: the demo site (Vite) and, beside it, tend-server in --dev mode on its embedded
// database (./tend-data), for the demo's shared community page. The blog and community pages
// use browser storage only and work even if the server cannot start.
//
// Ports: TEND_DEMO_PORT (default 5173) and TEND_SERVER_PORT (default 8787). tend-server says
// only warnings and errors here; TEND_LOG_LEVEL=info shows every request.
//
// Stopping: Ctrl-C, SIGTERM or SIGHUP stops both children and waits for them, so their ports are
// free once this process has exited. The children run in a session of their own, so a Ctrl-C
// reaches them once, from here, and not also from the terminal.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const demoPort = process.env.TEND_DEMO_PORT || '5173';
const serverPort = process.env.TEND_SERVER_PORT || '8787';
/** How long the children may take to stop before they are stopped outright. */
const STOP_TIMEOUT_MS = 12_000;

const children = new Set();
let stopping = false;
let exitCode = 0;

function run(name, args, env = {}) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    // No stdin: a child in a session of its own must not read the terminal.
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, TEND_SERVER_PORT: serverPort, ...env },
    // On Windows this would open a console window per child; there Ctrl-C reaches every process
    // of the console anyway.
    detached: process.platform !== 'win32',
  });
  children.add(child);
  child.on('error', (error) => console.error(`tend: ${name} could not start: ${error.message}`));
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (stopping) {
      if (children.size === 0) process.exit(exitCode);
    } else if (name === 'demo') stop(code ?? 1);
    else
      console.error(
        `tend: ${name} stopped (${signal ?? code}); the shared page needs it, the others do not.`,
      );
  });
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  exitCode = code;
  if (children.size === 0) process.exit(exitCode);
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
  }, STOP_TIMEOUT_MS).unref();
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));
// Whatever ends this process (an error included), its children end with it.
process.on('exit', () => {
  for (const child of children) child.kill('SIGTERM');
});

// npm runs this script through a shell that does not pass signals on: when npm is stopped, the
// shell ends and leaves this process behind, or (npm killed outright) stays with it. A new parent,
// or a grandparent that is gone, means whoever started this is gone.
const parent = process.ppid;
const grandparent = parentOf(parent);
setInterval(() => {
  if (process.ppid !== parent || (grandparent && !alive(grandparent))) stop(0);
}, 500).unref();

/** The parent of a process, where the system tells (Linux). */
function parentOf(pid) {
  try {
    const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
    return ppid > 1 ? ppid : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

console.log(
  `tend: the shared page's tend-server is on http://127.0.0.1:${serverPort}, its data in ./tend-data`,
);
run('tend-server', ['bin/tend-server.js', '--dev', '--data', 'tend-data', '--port', serverPort], {
  TEND_LOG_LEVEL: process.env.TEND_LOG_LEVEL || 'warn',
});
run('demo', ['node_modules/vite/bin/vite.js', '--config', 'demo/vite.config.ts', '--port', demoPort]);
