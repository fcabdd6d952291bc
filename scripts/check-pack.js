// Pack check (run by `npm run test:pack`, the last step of `npm test`, after `npm run build`):
// reads what `npm publish` would upload from `npm pack --dry-run --json` and fails when
// - a file package.json points users at is not in it: every `exports` target (a wildcard target
//   must match at least one file), `main`, `module`, `types`, `bin`, `web-types`,
//   `customElements`, `typesVersions`; or a file in it imports a relative path that is not;
// - it holds what is only ours: tests and their helpers, stories, benchmarks, the demo, CI and
//   Storybook settings, TypeScript sources; or a shipped bundle was built from any of those (read
//   from its source map, or from the module comments esbuild leaves in the server bundle).
// Prints the file count, packed and unpacked size, and where the bytes are. Exit 1 on a problem.
//
// `npm run test:pack` then runs publint and `attw --pack . --profile esm-only`. That profile
// leaves out two resolutions that do not apply to this package, which is ESM only by design:
// `node16-cjs` (a `require()` of it; CommonJS code uses `import()`), and `node10` (TypeScript's
// old `moduleResolution: node`, which predates `exports` and so cannot see subpaths such as
// `tend-widgets/offer-board`; TypeScript 6 deprecates it and TypeScript 7 removes it). Every
// other resolution (node16 from ESM, bundler) must be clean.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Folders that hold what only the project uses, and why they must not ship. */
const OURS = {
  test: 'tests',
  tests: 'tests',
  __tests__: 'tests',
  stories: 'stories',
  bench: 'benchmarks',
  benchmark: 'benchmarks',
  benchmarks: 'benchmarks',
  demo: 'the demo',
  '.ci': 'CI settings',
  '.github': 'CI settings',
  '.storybook': 'Storybook settings',
  coverage: 'a coverage report',
  'storybook-static': 'a Storybook build',
  'docs-site': 'the docs site',
  'tend-data': "a server's database",
};
/** File names that say the same whatever their folder. */
const OURS_BY_NAME = [
  [/\.(test|spec)\.[^/]+$/, 'a test'],
  [/\.(stories|story)\.[^/]+$/, 'stories'],
  [/\.mdx$/, 'a docs page'],
  [/\.bench\.[^/]+$/, 'a benchmark'],
  [/\.visual\.[^/]+$/, 'a screenshot test'],
];

/** Why a path is only ours, or undefined. `src/` counts only for files in the tarball. */
function oursWhy(path, { inTarball }) {
  const segments = path.split('/');
  for (const segment of segments.slice(0, -1)) if (OURS[segment]) return OURS[segment];
  for (const [pattern, why] of OURS_BY_NAME) if (pattern.test(path)) return why;
  // The package ships dist/; source maps carry the sources they need. (A shipped src/server would
  // also make bin/tend-server.js compile the source instead of running dist/server/bin.js.)
  if (inTarball && segments[0] === 'src') return 'TypeScript sources';
  return undefined;
}

const pack = () => {
  let out;
  try {
    out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      shell: process.platform === 'win32',
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    console.error(`pack: npm pack --dry-run failed\n${error.stderr ?? error.message}`);
    process.exit(1);
  }
  return JSON.parse(out)[0];
};

const tarball = pack();
const files = new Set(tarball.files.map((f) => f.path));
const problems = [];

// 1. Everything package.json points at is in the tarball.

const strip = (target) => target.replace(/^\.\//, '');

/** Every string target under an `exports` value: conditions, arrays, subpaths; `null` blocks. */
function exportTargets(value, where) {
  if (value === null) return [];
  if (typeof value === 'string') return [{ where, target: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => exportTargets(v, `${where}[${i}]`));
  return Object.entries(value).flatMap(([key, v]) => exportTargets(v, `${where}[${JSON.stringify(key)}]`));
}

const asList = (value, where) =>
  value === undefined
    ? []
    : typeof value === 'string'
      ? [{ where, target: value }]
      : Array.isArray(value)
        ? value.map((target, i) => ({ where: `${where}[${i}]`, target }))
        : Object.entries(value).map(([key, target]) => ({ where: `${where}.${key}`, target }));

const targets = [
  ...exportTargets(pkg.exports ?? {}, 'exports'),
  ...['main', 'module', 'types', 'typings', 'browser', 'customElements', 'web-types'].flatMap((field) =>
    typeof pkg[field] === 'string' || Array.isArray(pkg[field]) ? asList(pkg[field], field) : [],
  ),
  ...asList(pkg.bin, 'bin'),
  ...Object.entries(pkg.typesVersions ?? {}).flatMap(([range, paths]) =>
    Object.entries(paths).flatMap(([key, list]) => asList(list, `typesVersions[${range}][${key}]`)),
  ),
];

if (!pkg.exports) problems.push('package.json has no "exports"');
for (const { where, target } of targets) {
  const path = posix.normalize(strip(target));
  if (path.includes('*')) {
    const escaped = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.+');
    const pattern = new RegExp(`^${escaped}$`);
    if (![...files].some((file) => pattern.test(file)))
      problems.push(`${where}: "${target}" matches no file in the tarball`);
  } else if (!files.has(path)) {
    problems.push(
      `${where}: "${target}" is not in the tarball${existsSync(join(root, path)) ? '' : ' (not built?)'}`,
    );
  }
}

// Relative imports of shipped code resolve to shipped files (a `files` list that leaves out a
// folder, or a chunk left behind, breaks an entry whose own file is there). TypeScript's
// preProcessFile lists a file's imports, static and dynamic, and skips comments.
for (const file of files) {
  const isDts = file.endsWith('.d.ts');
  if (!/\.[cm]?js$/.test(file) && !isDts) continue;
  const { importedFiles } = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
  for (const { fileName: specifier } of importedFiles) {
    if (!specifier.startsWith('./') && !specifier.startsWith('../')) continue;
    const resolved = posix.normalize(posix.join(posix.dirname(file), specifier));
    const candidates = isDts
      ? [resolved, resolved.replace(/\.([cm]?)js$/, '.d.$1ts'), `${resolved}.d.ts`, `${resolved}/index.d.ts`]
      : [resolved];
    if (!candidates.some((candidate) => files.has(candidate)))
      problems.push(`${file} imports "${specifier}", which is not in the tarball`);
  }
}

// 2. Nothing that is only ours, in the tarball or inside what it ships.

for (const file of files) {
  const why = oursWhy(file, { inTarball: true });
  if (why) problems.push(`${file} is in the tarball (${why})`);
}

const builtFrom = new Map(); // shipped file → the modules it was built from
for (const file of files) {
  if (file.endsWith('.map')) {
    const map = JSON.parse(readFileSync(join(root, file), 'utf8'));
    const base = posix.join(posix.dirname(file), map.sourceRoot ?? '');
    builtFrom.set(
      file,
      (map.sources ?? []).map((source) => posix.normalize(posix.join(base, source))),
    );
  } else if (/\.[cm]?js$/.test(file) && !files.has(`${file}.map`)) {
    // esbuild (unminified) names each bundled module in a comment line: `// src/server/app.ts`.
    const text = readFileSync(join(root, file), 'utf8');
    const modules = [...text.matchAll(/^\/\/ ((?:[\w@.-]+\/)*[\w@.-]+\.[cm]?[jt]sx?)$/gm)].map((m) => m[1]);
    if (modules.length) builtFrom.set(file, modules);
  }
}
for (const [file, modules] of builtFrom)
  for (const module of new Set(modules)) {
    if (module.split('/').includes('node_modules')) continue; // dependencies' own layout
    const why = oursWhy(module, { inTarball: false });
    if (why) problems.push(`${file} was built from ${module} (${why})`);
  }

// 3. Figures.

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const groups = new Map();
for (const { path, size } of tarball.files) {
  const segments = path.split('/');
  const group = path.endsWith('.map')
    ? 'source maps'
    : segments.length === 1
      ? path
      : segments[0] === 'dist' && segments.length === 2
        ? 'dist/ (entries)'
        : `${segments.slice(0, segments[0] === 'dist' ? 2 : 1).join('/')}/`;
  const entry = groups.get(group) ?? { count: 0, size: 0 };
  entry.count++;
  entry.size += size;
  groups.set(group, entry);
}
const label = (name) => name.padEnd(26);
const fileCount = (n) => `${String(n).padStart(5)} ${n === 1 ? 'file ' : 'files'}`;
console.log(`pack: ${tarball.filename}`);
for (const [name, { count: n, size }] of [...groups].sort((a, b) => b[1].size - a[1].size))
  console.log(`  ${label(name)}${fileCount(n)} ${kb(size).padStart(12)}`);
console.log(
  `  ${label('total')}${fileCount(tarball.entryCount)} ${kb(tarball.unpackedSize).padStart(12)} unpacked, ${kb(tarball.size)} packed`,
);
console.log(
  `  checked ${targets.length} package.json targets, ${builtFrom.size} bundles' sources, ${files.size} paths`,
);

if (problems.length) {
  console.error(`\npack: ${problems.length} problem${problems.length === 1 ? '' : 's'}:`);
  for (const problem of problems) console.error(`  - ${problem}`);
  console.error('Fix package.json ("files", "exports") or the build, then run npm run test:pack again.');
  process.exit(1);
}
console.log('pack: ok');
