// Two builds from one config (see the `build:lib` and `build:cdn` scripts):
//
// - default mode: the npm library in dist/, one ES module per public entry plus shared chunks in
//   dist/chunks/, with `lit`, `lit/*` and `@lit/*` left as imports for the user's bundler; so
//   are `react` and `react/*` for dist/react.js (the React wrappers, `tend-widgets/react`).
// - `--mode cdn`: dist/cdn/tend.js, one self-contained minified ES module (Lit inlined, no code
//   splitting) for a plain `<script type="module">` tag. It does not empty dist/, so it runs
//   after the library build.
// - `--mode cdn:autoloader`: dist/cdn/autoloader.js and, beside it in dist/cdn/chunks/, each
//   element's module and the shared pieces (Lit, storage, styles, words in other languages, the
//   server code), split so a page fetches only what its tags use.
//
// Neither build may pull in anything from src/server (Node-only code): the guard plugin below
// fails the build if one of them does.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minifyHTMLLiterals } from 'minify-literals';
import { defineConfig, type Plugin, type UserConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const src = (path: string): string => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

const ELEMENTS = ['reflection-prompt', 'capacity-check-in', 'offer-board', 'concern', 'moderation'] as const;

/** Public entries: name in dist/ → source file. Element entries appear as their folders land. */
function libraryEntries(): Record<string, string> {
  const entries: Record<string, string> = {
    index: src('index.ts'),
    autoloader: src('autoloader.ts'),
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
 * For the one-file CDN builds (no code splitting): turns our own `import('./x.js')` into a
 * static import, so the bundler includes the module plainly instead of wrapping it for a lazy
 * start that a single file cannot have (the same code, fewer bytes).
 */
function staticImportsInOneFile(): Plugin {
  const ours = src('');
  return {
    name: 'tend:static-imports-in-one-file',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(ours) || !code.includes('import(')) return null;
      const imports: string[] = [];
      const rewritten = code
        .split('\n')
        .map((line) =>
          // Code, not comments (a doc comment may show an example import), and not types (`typeof import(…)`).
          /^\s*(\*|\/\/|\/\*)/.test(line)
            ? line
            : line.replace(/(?<!typeof\s*)\bimport\(\s*'(\.{1,2}\/[^']+)'\s*\)/g, (_match, path: string) => {
                const name = `__tendOneFile${imports.length}`;
                imports.push(`import * as ${name} from '${path}';`);
                return `Promise.resolve(${name})`;
              }),
        )
        .join('\n');
      return imports.length ? { code: `${imports.join('\n')}\n${rewritten}`, map: null } : null;
    },
  };
}

/**
 * Writes, for `npm run size`, how many minified bytes each source module adds to each file of
 * the autoloader build (outside dist/: it is not shipped).
 */
function moduleShares(): Plugin {
  return {
    name: 'tend:module-shares',
    apply: 'build',
    generateBundle(_options, bundle) {
      const shares: Record<string, Record<string, number>> = {};
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        shares[fileName] = Object.fromEntries(
          Object.entries(output.modules)
            .filter(([, module]) => module.renderedLength > 0)
            .map(([id, module]) => [id.startsWith(root) ? id.slice(root.length) : id, module.renderedLength]),
        );
      }
      const folder = `${root}node_modules/.cache/tend-size`;
      mkdirSync(folder, { recursive: true });
      writeFileSync(`${folder}/autoloader-modules.json`, JSON.stringify(shares));
    },
  };
}

/**
 * Writes into dist/cdn/autoloader.js, for each tag, the files its module imports (see PRELOAD in
 * src/autoloader.ts), so a page fetches them in parallel instead of discovering them one level
 * at a time.
 */
function preloadMap(): Plugin {
  return {
    name: 'tend:preload-map',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
      const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
      const closure = (file: string, into = new Set<string>()): Set<string> => {
        for (const imported of byFile.get(file)?.imports ?? [])
          if (!into.has(imported)) closure(imported, into.add(imported));
        return into;
      };
      const loader = chunks.find((chunk) => chunk.isEntry && chunk.fileName === 'autoloader.js');
      if (!loader) return;
      const map: Record<string, string[]> = {};
      for (const chunk of chunks) {
        const tag = chunk.facadeModuleId?.match(/\/src\/(?:elements\/([^/]+)|(provider))\/index\.ts$/);
        if (!tag) continue;
        const own = new Set(closure(loader.fileName));
        map[`tend-${tag[1] ?? tag[2]}`] = [chunk.fileName, ...closure(chunk.fileName)]
          .filter((file) => !own.has(file))
          .map((file) => `./${file}`);
      }
      const placeholder = /(["'`])__TEND_PRELOAD__\1/;
      if (!placeholder.test(loader.code))
        this.error('src/autoloader.ts lost its __TEND_PRELOAD__ placeholder');
      loader.code = loader.code.replace(placeholder, JSON.stringify(JSON.stringify(map)));
    },
  };
}

/** What every element stands on, for the autoloader build's one shared chunk… */
const FOUNDATION =
  /node_modules[\\/](lit|lit-html|lit-element|@lit)[\\/]|src[\\/](storage[\\/]|provider[\\/](context|identity|default-adapter)|i18n[\\/]localize|i18n[\\/]storage-messages\.ts|styles[\\/](tokens|controls|layout|extras)|controllers[\\/]|elements[\\/](tend-element|define|shared[\\/])|domain[\\/](shape|record-ids|groups))/;
/**
 * …but not what only some use (the provider's half of context, directives, the server code,
 * memory storage, localStorage (fetched only when IndexedDB is not there), and the making of
 * IndexedDB buckets for a long collection).
 */
const NOT_FOUNDATION =
  /@lit[\\/]context[\\/]lib[\\/](controllers[\\/]context-provider|decorators[\\/]provide|value-notifier)|(lit|lit-html)[\\/](directives[\\/]|directive-helpers)|src[\\/]elements[\\/]shared[\\/](concern-thread|moderator)|src[\\/]storage[\\/](http|outbox|memory\.ts|localstorage-backend|indexeddb-buckets)/;

/** Names a chunk of the autoloader build after the element or piece it holds (the offer rules by name). */
function chunkName(chunk: {
  name: string;
  facadeModuleId: string | null;
  moduleIds: readonly string[];
}): string {
  const element = chunk.facadeModuleId?.match(/\/src\/(?:elements\/([^/]+)|(provider))\/index\.ts$/);
  const offers = chunk.moduleIds.some((id) => /src[\\/]domain[\\/]offers\.ts$/.test(id)) && 'offers';
  return `chunks/${element?.[1] ?? element?.[2] ?? (offers || chunk.name)}-[hash].js`;
}

/**
 * A build into dist/cdn/ for a plain script tag: `name`.js from `entry`, minified, Lit in
 * production mode, no pure annotations (no user bundler reads these files).
 */
function cdnBuild(
  name: string,
  entry: string,
  plugins: Plugin[],
  output: NonNullable<NonNullable<NonNullable<UserConfig['build']>['rolldownOptions']>['output']>,
): UserConfig {
  return {
    publicDir: false,
    plugins: [noServerCode(), ...plugins, minifyTemplates(), dropRefusalTexts()],
    // Lit's production build is selected by export conditions; this covers any other
    // `process.env.NODE_ENV` check, which would throw in a browser without a bundler.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: 'dist/cdn',
      emptyOutDir: false,
      sourcemap: true,
      minify: true,
      lib: { entry: { [name]: entry }, formats: ['es'], fileName: () => `${name}.js` },
      rolldownOptions: {
        output: { ...output, minify: true, comments: { legal: true, annotation: false, jsdoc: false } },
      },
    },
  };
}

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'cdn:autoloader')
    return cdnBuild('autoloader', src('autoloader.ts'), [moduleShares(), preloadMap()], {
      chunkFileNames: chunkName,
      // What every element stands on (Lit, context, browser storage, the base element, words,
      // styles) as one file: fewer requests, and one gzip stream compresses better than six.
      advancedChunks: {
        groups: [
          {
            name: 'foundation',
            // The bundler's own helpers too (namespace objects), used by more than one chunk.
            test: (id: string) =>
              (FOUNDATION.test(id) && !NOT_FOUNDATION.test(id)) || /rolldown[:/]runtime/.test(id),
          },
        ],
      },
    });
  if (mode === 'cdn')
    return cdnBuild('tend', src('index.ts'), [staticImportsInOneFile()], { codeSplitting: false });

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
