// Read by `cem analyze` (npm run manifest, scripts/check-manifest.js). The globs and --litelement
// stay on the command line in package.json; this file only makes the output reproducible:
// - packagejson: false — cem would otherwise rewrite package.json's "customElements" field
//   (already set by hand) on every run, the freshness check included;
// - modules in path order — cem takes files in the order the file system lists them, which
//   differs between machines and clones.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export default {
  packagejson: false,
  overrideModuleCreation: ({ ts, globs }) =>
    [...globs]
      .sort()
      .map((glob) =>
        ts.createSourceFile(glob, readFileSync(resolve(glob), 'utf8'), ts.ScriptTarget.ES2015, true),
      ),
};
