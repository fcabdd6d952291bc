// `@storybook/web-components-vite` re-exports the renderer package (`@storybook/web-components`),
// so the helpers and types come from the framework package that package.json declares.
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { render } from 'lit';
import manifest from '../custom-elements.json';

// Autodocs tables (attributes, properties, events, slots, parts, CSS properties) come from the
// committed manifest: run `npm run manifest` after changing an element's API.
setCustomElementsManifest(manifest);

const DARK_BACKGROUND = '#16181d';
const DARK_TEXT = '#eceef2';

/**
 * Wraps each story in a `<div lang=…>` for the toolbar's locale (elements read the nearest
 * `lang`) and, for the dark theme, sets `theme="dark"` on every `tend-*` element in the story
 * (also on those a story renders later, e.g. once its seeded storage is ready) and darkens the
 * page. The light theme leaves the elements as the story made them.
 */
const withThemeAndLocale: Decorator = (story, context) => {
  const locale = String(context.globals['locale'] ?? 'en');
  const dark = context.globals['theme'] === 'dark';

  const wrapper = document.createElement('div');
  wrapper.lang = locale;
  const content: unknown = story();
  if (typeof content === 'string') wrapper.innerHTML = content;
  else if (content instanceof Node) wrapper.append(content);
  else render(content, wrapper);

  if (dark) {
    const darken = () => {
      for (const element of wrapper.querySelectorAll('*')) {
        if (element.localName.startsWith('tend-')) element.setAttribute('theme', 'dark');
      }
    };
    darken();
    // A story may draw its elements after this decorator has run (an `until` waiting for seeded
    // storage, as the reflection prompt's stories do): darken those as they arrive.
    new MutationObserver(darken).observe(wrapper, { childList: true, subtree: true });
    Object.assign(wrapper.style, {
      background: DARK_BACKGROUND,
      color: DARK_TEXT,
      colorScheme: 'dark',
      padding: '1rem',
    });
  }
  // In the single-story view the whole page follows the theme; docs pages hold many stories.
  if (context.viewMode === 'story') {
    document.body.style.background = dark ? DARK_BACKGROUND : '';
    document.body.style.color = dark ? DARK_TEXT : '';
  }
  return wrapper;
};

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withThemeAndLocale],
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
    controls: { expanded: true },
    // Run axe on every story; a violation fails the story in test runs (Vitest addon, test-runner)
    // and shows in the Accessibility panel.
    a11y: { test: 'error' },
  },
};

export default preview;
