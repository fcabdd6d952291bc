// Fails when the committed custom-elements.json, or the React wrappers generated from it
// (src/react/index.ts), are not what `npm run manifest` would write now (run by
// `npm run manifest:check`, part of `npm test`).
//
// It runs the very `cem analyze …` command of the "manifest" script in package.json, only with
// --outdir pointing at a temporary folder, then formats the result as `prettier --write
// custom-elements.json` would, and compares; then builds the wrappers from that fresh manifest
// with scripts/build-react.js's own function and compares them too. Nothing in the work tree is
// changed: cem's habit of rewriting package.json is switched off in
// custom-elements-manifest.config.js, and checked here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { REACT_SOURCE, reactSource } from './build-react.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifestPath = join(root, 'custom-elements.json');
const packageJsonPath = join(root, 'package.json');
const reactPath = join(root, REACT_SOURCE);
const STALE = 'custom-elements.json is stale: run npm run manifest';
const REACT_STALE = `${REACT_SOURCE} is stale: run npm run manifest (or npm run build:react)`;

const packageJson = readFileSync(packageJsonPath, 'utf8');
const script = JSON.parse(packageJson).scripts?.manifest ?? '';
const analyze = script
  .split('&&')
  .map((part) => part.trim())
  .find((part) => part.startsWith('cem analyze'));
if (!analyze) {
  console.error('manifest:check: the "manifest" script in package.json has no `cem analyze …` command');
  process.exit(1);
}

const normalize = (text) => text.replace(/\r\n/g, '\n');
const temp = mkdtempSync(join(tmpdir(), 'tend-manifest-'));
let status = 0;
try {
  // cem joins --outdir onto the working directory, so it must be relative.
  const outdir = relative(root, temp);
  const run = spawnSync(`${analyze} --quiet --outdir "${outdir}"`, {
    cwd: root,
    shell: true,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH}` },
  });
  const generatedPath = join(temp, 'custom-elements.json');
  if (run.status !== 0 || !existsSync(generatedPath)) {
    console.error(`manifest:check: \`${analyze}\` failed`);
    status = 1;
  } else {
    const options = { ...(await prettier.resolveConfig(manifestPath)), filepath: manifestPath };
    const generated = await prettier.format(readFileSync(generatedPath, 'utf8'), options);
    const committed = existsSync(manifestPath) ? readFileSync(manifestPath, 'utf8') : null;
    if (committed === null || normalize(committed) !== normalize(generated)) {
      console.error(STALE);
      status = 1;
    } else {
      console.log('custom-elements.json is up to date');
    }
    const wrappers = await reactSource(JSON.parse(generated));
    const committedWrappers = existsSync(reactPath) ? readFileSync(reactPath, 'utf8') : null;
    if (committedWrappers === null || normalize(committedWrappers) !== normalize(wrappers)) {
      console.error(REACT_STALE);
      status = 1;
    } else {
      console.log(`${REACT_SOURCE} is up to date`);
    }
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
  if (readFileSync(packageJsonPath, 'utf8') !== packageJson) {
    writeFileSync(packageJsonPath, packageJson);
    console.error('manifest:check: cem changed package.json; restored it (is packagejson: false still set?)');
    status = 1;
  }
}
process.exit(status);
