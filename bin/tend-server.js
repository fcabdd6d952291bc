#!/usr/bin/env node
// `npx tend-server`: starts the shared-board server (see src/server/bin.ts for the options).
//
// The server is TypeScript, and it imports the same rules as the elements (src/domain/*.ts),
// which Node 20 cannot run directly. The published package ships it compiled by
// `npm run build:server` (esbuild) into dist/server/bin.js. In a source checkout (src/ is
// present and esbuild installed), this compiles the current source first (about 0.2 s) into
// node_modules/.cache, so `npm start` and the tests never run a stale build.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src', 'server', 'bin.ts');

async function compiled() {
  if (existsSync(source)) {
    let esbuild;
    try {
      esbuild = await import('esbuild');
    } catch {
      esbuild = undefined;
    }
    if (esbuild) {
      const out = join(root, 'node_modules', '.cache', 'tend-server', 'bin.js');
      const result = await esbuild.build({
        entryPoints: [source],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        write: false,
        logLevel: 'error',
      });
      mkdirSync(dirname(out), { recursive: true });
      // Several servers may start at once (tests), from several checkouts sharing node_modules:
      // each file is named by its contents, so a server never runs another checkout's build.
      const contents = result.outputFiles[0].contents;
      const named = out.replace(
        /\.js$/,
        `.${createHash('sha256').update(contents).digest('hex').slice(0, 16)}.js`,
      );
      if (!existsSync(named)) {
        const temporary = `${named}.${process.pid}.tmp`;
        writeFileSync(temporary, contents);
        renameSync(temporary, named);
      }
      return named;
    }
  }
  return join(root, 'dist', 'server', 'bin.js');
}

const entry = await compiled();
if (!existsSync(entry)) {
  console.error('tend-server: dist/server/bin.js is missing: run `npm run build:server` first.');
  process.exit(1);
}
const { main } = await import(pathToFileURL(entry).href);
await main(process.argv.slice(2));
