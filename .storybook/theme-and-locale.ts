// The decorator every story is drawn in, by Storybook (preview.ts) and by the screenshot tests
// (test/visual/storybook.ts): one source, so the screenshots show what Storybook shows.
import { render, type TemplateResult } from 'lit';

export const DARK_BACKGROUND = '#16181d';
export const DARK_TEXT = '#eceef2';

/** What the decorator reads of Storybook's story context. */
export interface ThemeAndLocaleContext {
  globals: Record<string, unknown>;
  viewMode?: string;
}

/**
 * Wraps each story in a `<div lang=…>` for the toolbar's locale (elements read the nearest
 * `lang`) and, for the dark theme, sets `theme="dark"` on every `tend-*` element in the story
 * (also on those a story renders later, e.g. once its seeded storage is ready) and darkens the
 * page. The light theme leaves the elements as the story made them.
 */
export function withThemeAndLocale(story: () => unknown, context: ThemeAndLocaleContext): HTMLElement {
  const locale = String(context.globals['locale'] ?? 'en');
  const dark = context.globals['theme'] === 'dark';

  const wrapper = document.createElement('div');
  wrapper.lang = locale;
  const content: unknown = story();
  if (typeof content === 'string') wrapper.innerHTML = content;
  else if (content instanceof Node) wrapper.append(content);
  else render(content as TemplateResult, wrapper);

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
}
