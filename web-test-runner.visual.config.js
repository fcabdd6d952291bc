// Screenshot tests: every Storybook story, light and dark, 375 and 1200 px, compared with the
// baselines in test/visual/screenshots/Chrome/baseline/ (npm run test:visual). After a change
// that is meant to look different: npm run test:visual:update, then review the new PNGs.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import base from './web-test-runner.config.js';

// The plugin's own pixel comparison (not among its exports), used only when the bytes differ:
// an unchanged screenshot is byte-identical to its baseline, and reading both PNGs to compare
// them pixel by pixel took most of a run.
const require = createRequire(import.meta.url);
const { pixelMatchDiff } = require(
  join(dirname(require.resolve('@web/test-runner-visual-regression/plugin')), 'pixelMatchDiff.js'),
);
/** @param {{ baselineImage: Buffer, image: Buffer }} args */
const imageDiff = (args) =>
  args.baselineImage.equals(args.image)
    ? { error: '', diffPercentage: 0, diffPixels: 0 }
    : pixelMatchDiff(args);

// Stories' times are drawn in the browser's time zone (the language is always the page's `lang`):
// fix it, so a baseline made in one place matches a run in another.
process.env.TZ = 'UTC';

const [chrome] = base.browsers;

export default {
  ...base,
  files: ['test/visual/**/*.visual.ts'],
  coverage: false,
  // One page draws one stories file, up to ~60 shots: on a busy machine that is more than a minute.
  testsFinishTimeout: 300_000,
  // Only the TypeScript plugin: the screenshots need no tend-server.
  plugins: [
    base.plugins[0],
    visualRegressionPlugin({
      baseDir: 'test/visual/screenshots',
      update: process.argv.includes('--update-visual-baseline'),
      getImageDiff: imageDiff,
    }),
  ],
  browsers: [chrome],
};
