// Builds the React test app (scripts/test-react.js). `tend-widgets/react` is the package's own
// entry as package.json's exports name it, in a library build: the one the test makes in a
// temporary folder (TEND_LIBRARY_DIR), or dist/ after `npm run build:lib`
// (`npx vite --config test/react/vite.config.ts` then serves the app).
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const project = join(here, '../..');
const pkg = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
const library = process.env.TEND_LIBRARY_DIR ?? join(project, 'dist');
const entry = join(library, relative('dist', pkg.exports['./react'].default));

/** The library's own imports (lit, @lit/react, react) resolve from the project, wherever it was built. */
function dependenciesFromProject(): Plugin {
  return {
    name: 'tend:dependencies-from-project',
    enforce: 'pre',
    resolveId(source, importer, options) {
      if (!importer?.startsWith(library) || source.startsWith('.') || isAbsolute(source)) return null;
      return this.resolve(source, join(project, 'package.json'), { ...options, skipSelf: true });
    },
  };
}

export default defineConfig({
  root: here,
  publicDir: false,
  plugins: [dependenciesFromProject()],
  resolve: { alias: [{ find: /^tend-widgets\/react$/, replacement: entry }] },
  build: { sourcemap: false, reportCompressedSize: false },
});
