// Screenshot tests: every Storybook story, light and dark, 375 and 1200 px, compared with the
// baselines in test/visual/screenshots/Chrome/baseline/ (npm run test:visual). After a change
// that is meant to look different: npm run test:visual:update, then review the new PNGs.
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import base from './web-test-runner.config.js';

// Times and dates in the stories are drawn in the browser's time zone and language: fix both,
// so a baseline made in one place matches a run in another.
process.env.TZ = 'UTC';

const [chrome] = base.browsers;

export default {
  ...base,
  files: ['test/visual/**/*.visual.ts'],
  coverage: false,
  // Only the TypeScript plugin: the screenshots need no tend-server.
  plugins: [
    base.plugins[0],
    visualRegressionPlugin({
      baseDir: 'test/visual/screenshots',
      update: process.argv.includes('--update-visual-baseline'),
    }),
  ],
  browsers: [chrome],
};
