/**
 * `tend-widgets/autoloader`, and `dist/cdn/autoloader.js` for a plain script tag: registers each
 * tend element the first time its tag appears in the page, fetching only that element's code
 * (and the shared pieces it needs, once). Elements added later, by a script or a framework, are
 * found too; shadow roots are not visible from the document, so a site that renders tend
 * elements inside its own components passes their roots to {@link discover}.
 *
 * ```html
 * <script type="module" src="https://…/tend-widgets/dist/cdn/autoloader.js"></script>
 * <tend-reflection-prompt post="my-post"></tend-reflection-prompt>
 * ```
 * @packageDocumentation
 */
import { addCloakStyle } from './elements/define.js';

/** Each tag and the module that registers it. */
const modules: Record<string, () => Promise<unknown>> = {
  'tend-provider': () => import('./provider/index.js'),
  'tend-reflection-prompt': () => import('./elements/reflection-prompt/index.js'),
  'tend-capacity-check-in': () => import('./elements/capacity-check-in/index.js'),
  'tend-offer-board': () => import('./elements/offer-board/index.js'),
  'tend-concern': () => import('./elements/concern/index.js'),
  'tend-moderation': () => import('./elements/moderation/index.js'),
};

/**
 * The files each tag's module imports, written in by the CDN build (`tag → paths beside this
 * file`), so they are fetched at once with the module instead of one after another. Empty in
 * the npm build, where the site's bundler does this.
 */
const PRELOAD: string = '__TEND_PRELOAD__';
const preloads: Record<string, string[]> = PRELOAD.startsWith('{')
  ? (JSON.parse(PRELOAD) as Record<string, string[]>)
  : {};
const preloaded = new Set<string>();

function preload(tag: string): void {
  for (const path of preloads[tag] ?? []) {
    const href = new URL(path, import.meta.url).href;
    if (preloaded.has(href)) continue;
    preloaded.add(href);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
}

const requested = new Map<string, Promise<unknown>>();
const watched = new WeakSet<Node>();

/** Registers a tag's element, once; resolves when it is defined. */
function load(tag: string): Promise<unknown> | undefined {
  const module = modules[tag];
  if (!module || customElements.get(tag)) return undefined;
  let loading = requested.get(tag);
  if (!loading) {
    preload(tag);
    loading = module().catch((error: unknown) => {
      requested.delete(tag);
      console.error(`tend: <${tag}> could not be loaded.`, error);
    });
    requested.set(tag, loading);
  }
  return loading;
}

/** Loads the elements used in `root` now, and those added to it later. Resolves when they are defined. */
export async function discover(root: Document | ShadowRoot | Element = document): Promise<void> {
  const tags = new Set<string>();
  const element = root instanceof Element ? root : undefined;
  if (element?.localName && element.localName in modules) tags.add(element.localName);
  for (const tag of Object.keys(modules)) if (root.querySelector(tag)) tags.add(tag);
  const node = root instanceof Document ? root.documentElement : root;
  if (!watched.has(node)) {
    watched.add(node);
    observer.observe(node, { childList: true, subtree: true });
  }
  await Promise.all([...tags].map(load));
}

const observer = new MutationObserver((records) => {
  for (const record of records)
    for (const added of record.addedNodes)
      if (added instanceof Element) {
        if (added.localName in modules) void load(added.localName);
        for (const tag of Object.keys(modules)) if (added.querySelector(tag)) void load(tag);
      }
});

addCloakStyle(Object.keys(modules).filter((tag) => tag !== 'tend-provider'));
void discover();
