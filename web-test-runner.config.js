import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChrome } from './scripts/find-chrome.js';
import { tendServerPlugin } from './test/server/wtr-tend-server.js';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

/**
 * A dropped connection, for the modules an element fetches on demand: a test page sends
 * `executeServerCommand('tend-unreachable', { files: ['board-dialogs.ts'] })` and, from then on,
 * the browser fails every request for those files (and fetches the rest without its cache, so
 * nothing an earlier test file's page loaded is reused). `{ files: [] }` restores the connection.
 */
function unreachableModulesPlugin() {
  // One DevTools session per test page: blocking lasts as long as the session that asked for it,
  // so the restoring call must go through the same one (or the next test file's page, in the
  // same tab, would still find the files unreachable).
  const sessions = new Map();
  return {
    name: 'tend-unreachable',
    async executeCommand({ command, payload, session }) {
      if (command !== 'tend-unreachable') return undefined;
      const page = session.browser.getPage(session.id);
      let cdp = sessions.get(page);
      if (!cdp) {
        cdp = await page.createCDPSession();
        sessions.set(page, cdp);
        await cdp.send('Network.enable');
      }
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: payload.files.length > 0 });
      await cdp.send('Network.setBlockedURLs', { urls: payload.files.map((file) => `*/${file}*`) });
      return true;
    },
  };
}

export default {
  // test/server runs in Node (npm run test:server). test/storage/http.test.ts runs here against
  // the tend-server the plugin below starts, and again on PostgreSQL by test:http:postgres.
  files: ['test/**/*.test.ts', '!test/server/**'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 20000 } },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig }),
    // A real tend-server on PGlite for test/storage/http.test.ts (PostgreSQL: test:http:postgres).
    tendServerPlugin({ databaseUrl: null }),
    unreachableModulesPlugin(),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChrome(),
        headless: true,
        args: [
          '--no-sandbox',
          '--headless',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  coverage: true,
  coverageConfig: {
    include: ['src/**/*.ts'],
    exclude: ['src/server/**', 'node_modules/**'],
    reportDir: 'coverage',
    reporters: ['text-summary', 'lcov', 'json-summary'],
  },
};
