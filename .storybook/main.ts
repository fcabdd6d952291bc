import type { StorybookConfig } from '@storybook/web-components-vite';
import { mergeConfig } from 'vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  // introduction.mdx is the docs site's first page (the README's text); see preview.ts's storySort.
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  // Offline machines and CI: never wait on telemetry requests.
  core: { disableTelemetry: true },
  // Storybook's own docs renderer is a 1 MB chunk: not ours to split, so don't warn about it.
  viteFinal: (viteConfig) => mergeConfig(viteConfig, { build: { chunkSizeWarningLimit: 1500 } }),
};

export default config;
