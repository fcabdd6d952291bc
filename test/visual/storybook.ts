/**
 * Draws Storybook stories (CSF3 modules in stories/) in the test page the way Storybook does,
 * minimally, and screenshots them against the committed baselines:
 * args = meta.args + story.args; render = story.render ?? meta.render; loaders awaited; the
 * story's decorators inside the meta's inside the preview's (.storybook/preview.ts: a `lang`
 * wrapper and, for the dark theme, `theme="dark"` on every tend-* element and a dark page);
 * then the story's `play`. Every shot waits until the story has settled: every element updated,
 * fonts loaded, nothing loading, and the drawing unchanged over a few frames.
 */
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { render, type TemplateResult } from 'lit';
import { DARK_BACKGROUND, DARK_TEXT, withThemeAndLocale } from '../../.storybook/theme-and-locale.js';
import * as boardMessages from '../../src/elements/offer-board/offer-board.messages.js';
import * as checkInMessages from '../../src/elements/capacity-check-in/capacity-check-in.messages.js';
import * as concernMessages from '../../src/elements/concern/concern.messages.js';
import * as moderationMessages from '../../src/elements/moderation/moderation.messages.js';
import * as reflectionMessages from '../../src/elements/reflection-prompt/reflection-prompt.messages.js';

export type Scheme = 'light' | 'dark';
export const SCHEMES: Scheme[] = ['light', 'dark'];
export const WIDTHS = [375, 1200];
/** Only the first screen's height: a shot is of the story's own box, however tall. */
const HEIGHT = 800;

type Args = Record<string, unknown>;
interface Context {
  args: Args;
  argTypes: Record<string, unknown>;
  globals: { theme: Scheme; locale: string };
  parameters: Record<string, unknown>;
  loaded: Record<string, unknown>;
  canvasElement: HTMLElement;
  viewMode: 'story';
  id: string;
  name: string;
  title: string;
}
type Decorator = (story: () => unknown, context: Context) => unknown;
/** The parts of a CSF3 meta or story this harness uses. */
interface Annotations {
  args?: Args;
  render?: (args: Args, context: Context) => unknown;
  decorators?: Decorator | Decorator[];
  loaders?: ((context: Context) => unknown) | ((context: Context) => unknown)[];
  play?: (context: Context) => unknown;
  parameters?: Record<string, unknown>;
  name?: string;
}
interface Meta extends Annotations {
  title?: string;
  component?: string;
  excludeStories?: string[] | RegExp;
}
export interface Story {
  /** `offer-board--busy`: the element's tag without `tend-`, and the story's export in kebab case. */
  id: string;
  meta: Meta;
  story: Annotations;
  exportName: string;
}

const kebab = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();

const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : ([value].flat() as T[]));

/** The stories of one stories module, by export name (a module namespace lists its exports sorted). */
export function storiesOf(module: Record<string, unknown>): Story[] {
  const meta = module['default'] as Meta;
  const prefix = (meta.component ?? meta.title!.split('/').pop()!).replace(/^tend-/, '');
  const excluded = (name: string) =>
    Array.isArray(meta.excludeStories)
      ? meta.excludeStories.includes(name)
      : (meta.excludeStories?.test(name) ?? false);
  return Object.entries(module)
    .filter(([name, value]) => name !== 'default' && !name.startsWith('__') && !excluded(name) && value)
    .map(([exportName, value]) => ({
      id: `${prefix}--${kebab(exportName)}`,
      meta,
      exportName,
      story: (typeof value === 'function' ? { render: value } : value) as Annotations,
    }));
}

/** The story a module exports as `exportName`. */
export function storyOf(module: Record<string, unknown>, exportName: string): Story {
  const story = storiesOf(module).find((found) => found.exportName === exportName);
  if (!story) throw new Error(`No story exported as ${exportName}`);
  return story;
}

/** `.storybook/preview.ts`'s decorator: the toolbar's locale, and its dark theme. */
const preview: Decorator = withThemeAndLocale;

/** Every element under `root`, inside shadow roots too. */
function* deep(root: Element | ShadowRoot): Generator<Element> {
  for (const element of root.querySelectorAll('*')) {
    yield element;
    if (element.shadowRoot) yield* deep(element.shadowRoot);
  }
}

/** What the story draws, as text: light DOM, every shadow root, and the values of fields. */
function drawing(root: HTMLElement): string {
  const parts = [root.innerHTML];
  for (const element of deep(root)) {
    if (element.shadowRoot) parts.push(element.shadowRoot.innerHTML);
    if ('value' in element && typeof element.value === 'string') parts.push(element.value);
  }
  return parts.join('\u0000');
}

/** The elements' own words for "still reading": the keys named loading or working, both languages. */
const LOADING = new Set(
  [boardMessages, checkInMessages, reflectionMessages, concernMessages, moderationMessages]
    .flatMap((module) => Object.values(module as Record<string, unknown>))
    .filter((messages): messages is Record<string, unknown> => typeof messages === 'object' && !!messages)
    .flatMap((messages) => Object.entries(messages))
    .filter(([key, value]) => /loading|working/i.test(key) && typeof value === 'string')
    .map(([, value]) => (value as string).trim()),
);

/** Why the story is not ready to be photographed yet, or '' when it is. */
function stillLoading(root: HTMLElement): string {
  // A provider whose content waits on seeded storage (`until`) has drawn nothing yet.
  if ([...root.querySelectorAll('tend-provider')].some((provider) => !provider.childElementCount))
    return 'a provider is still empty';
  for (const element of deep(root)) {
    if (element.getAttribute('aria-busy') === 'true') return `<${element.localName} aria-busy>`;
    const text = element.childElementCount ? '' : (element.textContent?.trim() ?? '');
    if (LOADING.has(text)) return `"${text}"`;
  }
  return '';
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Waits until every element has updated, fonts are in, nothing is loading, and nothing changes. */
export async function settled(root: HTMLElement, timeout = 10_000): Promise<void> {
  const deadline = performance.now() + timeout;
  let last = '';
  let quiet = 0;
  for (;;) {
    await Promise.all(
      [...deep(root)].map(
        (element) => (element as Partial<{ updateComplete: Promise<unknown> }>).updateComplete,
      ),
    );
    await document.fonts.ready;
    await frame();
    const now = drawing(root);
    const loading = stillLoading(root);
    quiet = !loading && now === last ? quiet + 1 : 0;
    if (quiet >= 2) return;
    if (performance.now() > deadline)
      throw new Error(`The story never settled: ${loading || 'it kept changing'}`);
    last = now;
    await pause(25);
  }
}

export interface Page {
  scheme: Scheme;
  width: number;
}

let current: Page | undefined;
/** Sets the viewport and the colour scheme (and reduced motion), when they change. */
export async function usePage(page: Page): Promise<void> {
  if (current?.width !== page.width) await setViewport({ width: page.width, height: HEIGHT });
  if (current?.scheme !== page.scheme)
    await emulateMedia({ colorScheme: page.scheme, reducedMotion: 'reduce' });
  current = page;
}

/**
 * Draws one story into `canvas` as Storybook would and runs its `play`; resolves once settled.
 * `page` is the outermost decorator: Storybook's preview, or a host page around the story.
 */
export async function drawStory(
  { id, meta, story }: Story,
  canvas: HTMLElement,
  scheme: Scheme,
  page: Decorator = preview,
): Promise<void> {
  const args = { ...meta.args, ...story.args };
  const context: Context = {
    id,
    name: story.name ?? id,
    title: meta.title ?? '',
    args,
    argTypes: {},
    globals: { theme: scheme, locale: 'en' },
    parameters: { ...meta.parameters, ...story.parameters },
    loaded: {},
    canvasElement: canvas,
    viewMode: 'story',
  };
  for (const loaded of await Promise.all(
    [...list(meta.loaders), ...list(story.loaders)].map((l) => l(context)),
  ))
    Object.assign(context.loaded, loaded);
  const draw = story.render ?? meta.render;
  if (!draw) throw new Error(`${id}: no render function`);
  const decorators = [...list(story.decorators), ...list(meta.decorators), page];
  const storyFn = decorators.reduce<() => unknown>(
    (inner, decorator) => () => decorator(inner, context),
    () => draw(context.args, context),
  );
  const content = storyFn();
  if (content instanceof Node) canvas.replaceChildren(content);
  else render(content as TemplateResult, canvas);
  await settled(canvas);
  if (story.play) {
    await story.play(context);
    await settled(canvas);
  }
}

/** A fresh canvas at the top of the page, like Storybook's padded story view. */
function canvasFor(background: string, color: string, padding = '1rem'): HTMLElement {
  const canvas = document.createElement('div');
  canvas.id = 'storybook-root';
  Object.assign(canvas.style, {
    padding,
    background,
    color,
    // A blinking caret would make every shot with a focused field flaky (it is inherited).
    caretColor: 'transparent',
  });
  document.body.style.margin = '0';
  document.body.append(canvas);
  return canvas;
}

/**
 * One screenshot test: the story drawn on a fresh canvas of a page of this scheme and width,
 * compared with the baseline `name`. `host` places the story on a page instead of Storybook's.
 */
function screenshotTest(name: string, story: Story, { scheme, width }: Page, host?: Host): void {
  it(name, async () => {
    await usePage({ scheme, width });
    const colours = host?.[scheme] ?? (scheme === 'dark' ? [DARK_BACKGROUND, DARK_TEXT] : ['#ffffff', '']);
    const canvas = canvasFor(...colours, host ? '0' : '1rem');
    try {
      await drawStory(story, canvas, scheme, host?.decorator);
      await visualDiff(canvas, name);
    } finally {
      // What was drawn disconnects and stops listening.
      canvas.remove();
    }
  });
}

/** One screenshot test per story × scheme × width, named `offer-board--busy--dark--375`. */
export function screenshotStories(module: Record<string, unknown>): void {
  // Grouped by page, so the viewport and the colour scheme change four times per file.
  for (const width of WIDTHS) {
    for (const scheme of SCHEMES) {
      for (const story of storiesOf(module))
        screenshotTest(`${story.id}--${scheme}--${width}`, story, { scheme, width });
    }
  }
}

/** A page a site puts the elements on: its own type, colours and words around the story. */
export interface Host {
  /** `blog-serif-18`: the start of each of its shots' names. */
  name: string;
  /** The page's background and text colour, light and dark. */
  light: [string, string];
  dark: [string, string];
  decorator: Decorator;
}

/** A host page: a column of `font` with a heading and a paragraph before the story, one after. */
function hostPage(
  name: string,
  font: string,
  light: [string, string],
  dark: [string, string],
  column: string,
): Host {
  return {
    name,
    light,
    dark,
    decorator: (story) => {
      const page = document.createElement('main');
      page.lang = 'en';
      Object.assign(page.style, { font, maxInlineSize: column, margin: '0 auto', padding: '1.5rem 1rem' });
      const heading = document.createElement('h1');
      heading.textContent = 'Looking after each other';
      const before = document.createElement('p');
      before.textContent =
        'Most of us say yes to more than we can carry. Here is a place to say what you can give this week, and what you need.';
      const after = document.createElement('p');
      after.textContent = 'Thank you for reading, and for looking after each other.';
      const content = story();
      const slot = document.createElement('div');
      if (content instanceof Node) slot.append(content);
      else render(content, slot);
      page.append(heading, before, slot, after);
      return page;
    },
  };
}

/** A personal blog: an 18 px serif column on white. */
export const BLOG = hostPage(
  'blog-serif-18',
  '18px/1.6 serif',
  ['#ffffff', '#222222'],
  ['#1c1b1a', '#e8e6e3'],
  '42rem',
);
/** A community site: 16 px sans-serif on a tinted page, a wider column. */
export const COMMUNITY = hostPage(
  'community-sans-16',
  '16px/1.5 sans-serif',
  ['#f1f3f2', '#1d2320'],
  ['#202423', '#e4e8e6'],
  '64rem',
);

/** One screenshot test per host × scheme × width for each story, named `blog-serif-18--offer-board--busy--light--375`. */
export function screenshotOnHosts(stories: Story[], hosts: Host[]): void {
  for (const width of WIDTHS) {
    for (const scheme of SCHEMES) {
      for (const host of hosts) {
        for (const story of stories)
          screenshotTest(`${host.name}--${story.id}--${scheme}--${width}`, story, { scheme, width }, host);
      }
    }
  }
}
