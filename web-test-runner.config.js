import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChrome } from './scripts/find-chrome.js';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

export default {
  // test/server runs in Node (npm run test:server); test/storage/http.test.ts needs a tend-server
  // (web-test-runner.http.config.js starts one).
  files: ['test/**/*.test.ts', '!test/server/**', '!test/storage/http.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig })],
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
