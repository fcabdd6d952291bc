// Two builds from one config (see the `build:lib` and `build:cdn` scripts):
//
// - default mode: the npm library in dist/, one ES module per public entry plus shared chunks in
//   dist/chunks/, with `lit`, `lit/*` and `@lit/*` left as imports for the user's bundler; so
//   are `react` and `react/*` for dist/react.js (the React wrappers, `tend-widgets/react`).
// - `--mode cdn`: dist/cdn/tend.js, one self-contained minified ES module (Lit inlined, no code
//   splitting) for a plain `<script type="module">` tag. It does not empty dist/, so it runs
//   after the library build.
//
// Neither build may pull in anything from src/server (Node-only code): the guard plugin below
// fails the build if one of them does.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

const ELEMENTS = ['reflection-prompt', 'capacity-check-in', 'offer-board'] as const;

/** Public entries: name in dist/ → source file. Element entries appear as their folders land. */
function libraryEntries(): Record<string, string> {
  const entries: Record<string, string> = {
    index: src('index.ts'),
    provider: src('provider/index.ts'),
    storage: src('storage/index.ts'),
    'storage-conformance': src('storage/conformance.ts'),
    react: src('react/index.ts'),
  };
  for (const name of ELEMENTS) {
    const file = src(`elements/${name}/index.ts`);
    if (existsSync(file)) entries[name] = file;
  }
  return entries;
}

const isLit = (id: string): boolean => /^lit(\/|$)/.test(id) || id.startsWith('@lit/');
/** The user's React (only src/react imports it): never bundled, like Lit. */
const isReact = (id: string): boolean => /^react(\/|$)/.test(id);

/** Fails the build when browser code imports anything from src/server. */
function noServerCode(): Plugin {
  const serverDir = src('server/');
  return {
    name: 'tend:no-server-code',
    enforce: 'pre',
    load(id) {
      if (id.startsWith(serverDir)) {
        this.error(`browser build imports server code: ${id.slice(root.length)} (src/server is Node-only)`);
      }
      return null;
    },
  };
}

/**
 * Minifies the `html` and `css` templates of our own sources (whitespace and comments inside
 * them), which the JS minifier leaves alone: every byte ships to a blog reader.
 */
function minifyTemplates(): Plugin {
  const ours = src('');
  return {
    name: 'tend:minify-templates',
    apply: 'build',
    async transform(code, id) {
      if (!id.startsWith(ours) || !id.endsWith('.ts') || !/\b(html|css)`/.test(code)) return null;
      const result = await minifyHTMLLiterals(code, { fileName: id });
      return result ? { code: result.code, map: result.map } : null;
    },
  };
}

/**
 * Drops the developer-facing texts of the offer rules' refusals from browser builds. The board
 * never shows them (it words every refusal from its code, in the reader's language); tend-server
 * is built from the same source without this step, so API callers still read why. Tests run the
 * source as written.
 */
function dropRefusalTexts(): Plugin {
  const offers = src('domain/offers.ts');
  return {
    name: 'tend:drop-refusal-texts',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (id !== offers) return null;
      return code.replace(/\bfail\(\s*('[a-z-]+'),\s*(`[^`]*`|'[^']*')\s*,?\s*\)/g, "fail($1, '')");
    },
  };
}

/**
 * The self-contained CDN files: `--mode cdn` → dist/cdn/tend.js (every element),
 * `--mode cdn:<element>` → dist/cdn/<element>.js (one element, for a blog that embeds only it).
 */
function cdnEntry(mode: string): { name: string; file: string } | undefined {
  if (mode === 'cdn') return { name: 'tend', file: src('index.ts') };
  const element = mode.startsWith('cdn:') ? mode.slice(4) : undefined;
  if (element && (ELEMENTS as readonly string[]).includes(element))
    return { name: element, file: src(`elements/${element}/index.ts`) };
  return undefined;
}

export default defineConfig(({ mode }) => {
  const cdn = cdnEntry(mode);
  if (cdn) {
    return {
      publicDir: false,
      plugins: [noServerCode(), minifyTemplates(), dropRefusalTexts()],
      // Lit's production build is selected by export conditions; this covers any other
      // `process.env.NODE_ENV` check, which would throw in a browser without a bundler.
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: false,
        sourcemap: true,
        minify: true,
        lib: {
          entry: { [cdn.name]: cdn.file },
          formats: ['es'],
          fileName: () => `${cdn.name}.js`,
        },
        rolldownOptions: {
          output: {
            codeSplitting: false,
            minify: true,
            // No user bundler reads this file: pure annotations are dead weight here.
            comments: { legal: true, annotation: false, jsdoc: false },
          },
        },
      },
    };
  }

  return {
    publicDir: false,
    plugins: [noServerCode(), minifyTemplates(), dropRefusalTexts()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      sourcemap: true,
      minify: true,
      lib: {
        entry: libraryEntries(),
        formats: ['es'],
        fileName: (_format, entryName) => `${entryName}.js`,
      },
      rolldownOptions: {
        external: (id) => isLit(id) || isReact(id),
        output: {
          chunkFileNames: 'chunks/[name]-[hash].js',
          minify: true,
        },
      },
    },
  };
});
