// The HttpAdapter's browser tests, against a real tend-server that this config starts (see
// test/server/wtr-tend-server.js): `wtr --config web-test-runner.http.config.js`, and on
// PostgreSQL: `scripts/with-postgres.sh wtr --config web-test-runner.http.config.js`.
import base from './web-test-runner.config.js';
import { tendServerPlugin } from './test/server/wtr-tend-server.js';

export default {
  ...base,
  files: ['test/storage/http.test.ts'],
  testFramework: { config: { timeout: 20000 } },
  plugins: [base.plugins[0], tendServerPlugin()],
  coverage: false,
};
