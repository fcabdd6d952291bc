// `@storybook/web-components-vite` re-exports the renderer package (`@storybook/web-components`),
// so the helpers and types come from the framework package that package.json declares.
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { withThemeAndLocale } from './theme-and-locale.js';

// Autodocs tables (attributes, properties, events, slots, parts, CSS properties) come from the
// committed manifest: run `npm run manifest` after changing an element's API.
setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withThemeAndLocale as Decorator],
  globalTypes: {
    theme: {
      description: 'Colour theme of the tend elements',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Language of the page around the elements (the `lang` they read)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'es', title: 'Español' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  parameters: {
    // The introduction (the README's examples) first: it is the page the docs site opens on.
    options: { storySort: { order: ['Introduction'] } },
    controls: { expanded: true },
    // Run axe on every story; a violation fails the story in test runs (Vitest addon, test-runner)
    // and shows in the Accessibility panel.
    a11y: { test: 'error' },
  },
};

export default preview;
