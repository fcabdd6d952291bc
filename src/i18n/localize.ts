/**
 * Words in one place per element, ready for other languages. Each element owns one message
 * object per language; a site adds or overrides languages with `registerMessages`, or one
 * element's words with its `messages` property. The language is the nearest `lang` attribute
 * (the element's own, an ancestor's — `<tend-provider lang>` included — across shadow roots),
 * else the provider's language, else `<html lang>`, else English.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A message is text, or a function of values that returns text (counts, names, dates). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Message = string | ((...values: any[]) => string);
export type Messages = Record<string, Message>;

const registry = new Map<string, Map<string, Partial<Messages>>>();
/** Grows with every registration, so merged messages cached before it are known to be stale. */
let registryVersion = 0;
const hosts = new Set<ReactiveControllerHost>();
let documentObserver: MutationObserver | undefined;

/**
 * Adds (or overrides) messages of one element for one language, for every instance on the page.
 * `scope` is the element's tag, e.g. `registerMessages('tend-offer-board', 'fr', { … })`.
 */
export function registerMessages(scope: string, lang: string, messages: Partial<Messages>): void {
  let byLang = registry.get(scope);
  if (!byLang) registry.set(scope, (byLang = new Map()));
  byLang.set(lang.toLowerCase(), { ...byLang.get(lang.toLowerCase()), ...messages });
  registryVersion++;
  for (const host of hosts) host.requestUpdate();
}

/** Loads one scope's words for one language: a module fetched only when a page needs it. */
export type MessagesLoader = () => Promise<Partial<Messages>>;

/** `scope|lang` → the module that has those words, until it has been loaded. */
const loaders = new Map<string, MessagesLoader>();
/** Languages being loaded, so every element waiting on one shares one promise. */
const loading = new Map<string, Promise<void>>();

/**
 * Names the module that holds `scope`'s words in `lang`, loaded the first time an element is
 * shown in that language (English is built in). A site can register its own language the same
 * way: `registerLanguage('tend-offer-board', 'fr', () => import('./board-fr.js').then((m) => m.fr))`.
 */
export function registerLanguage(scope: string, lang: string, load: MessagesLoader): void {
  const key = `${scope}|${lang.toLowerCase()}`;
  if (!registry.get(scope)?.has(lang.toLowerCase())) loaders.set(key, load);
}

/**
 * Loads every registered module for `lang` (and its base language): a promise while one is
 * on its way, `undefined` when the words are already here, so an element renders at once. A
 * module that cannot be loaded leaves English in its place (said once in the console).
 */
export function languageReady(lang: string): Promise<void> | undefined {
  const wanted = candidates(lang);
  const ofLang = (key: string): boolean => wanted.includes(key.slice(key.indexOf('|') + 1));
  for (const [key, load] of loaders) {
    if (!ofLang(key)) continue;
    loaders.delete(key);
    const [scope, language] = key.split('|') as [string, string];
    const done = load()
      .then((messages) => registerMessages(scope, language, messages))
      .catch((error: unknown) =>
        console.warn(`tend: the ${language} words of <${scope}> did not load; showing English.`, error),
      )
      .finally(() => loading.delete(key));
    loading.set(key, done);
  }
  const pending = [...loading].filter(([key]) => ofLang(key)).map(([, done]) => done);
  return pending.length ? Promise.all(pending).then(() => undefined) : undefined;
}

/** A message that names one of a fixed set of things: `pick({ offer: 'Offer' })('offer')`. */
export const pick =
  (words: Record<string, string>) =>
  (key: string): string =>
    words[key] ?? key;

/** The nearest `lang` attribute from an element outwards, crossing shadow roots. */
export function nearestLang(element: Element): string | undefined {
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    const lang = found?.getAttribute('lang');
    if (lang) return lang;
    const root = (found ?? node).getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

/** `es-MX` → `['es-mx', 'es']`: the languages to try, most specific first. */
function candidates(lang: string): string[] {
  const lower = lang.toLowerCase();
  const base = lower.split('-')[0]!;
  return base === lower ? [lower] : [lower, base];
}

export interface LocalizedHost extends ReactiveControllerHost, HTMLElement {
  /** The provider's language, if any (from context). */
  readonly providedLang?: string | undefined;
}

/** Gives an element its words and Intl formatters in the language in force for it. */
export class LocalizeController<M extends Messages> implements ReactiveController {
  readonly #host: LocalizedHost;
  readonly #scope: string;
  readonly #english: M;
  readonly #overrides: () => Partial<M> | undefined;
  readonly #ownObserver: MutationObserver;
  #merged: { lang: string; overrides: Partial<M> | undefined; version: number; messages: M } | undefined;

  constructor(
    host: LocalizedHost,
    scope: string,
    english: M,
    overrides: () => Partial<M> | undefined = () => undefined,
  ) {
    this.#host = host;
    this.#scope = scope;
    this.#english = english;
    this.#overrides = overrides;
    this.#ownObserver = new MutationObserver(() => host.requestUpdate());
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.#host);
    this.#ownObserver.observe(this.#host, { attributes: true, attributeFilter: ['lang'] });
    if (!documentObserver) {
      // One observer for the page: a change of <html lang> re-renders every element.
      documentObserver = new MutationObserver(() => hosts.forEach((h) => h.requestUpdate()));
      documentObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
    }
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
    this.#ownObserver.disconnect();
  }

  /** The language in force, e.g. `en` or `es-MX`. */
  get lang(): string {
    return nearestLang(this.#host) ?? this.#host.providedLang ?? 'en';
  }

  /** The messages in force: English, then the language's registered messages, then the element's own overrides. */
  get t(): M {
    // Read many times per render (once per card in a list): merge only when something changed.
    const lang = this.lang;
    const overrides = this.#overrides();
    const cached = this.#merged;
    if (
      cached &&
      cached.lang === lang &&
      cached.overrides === overrides &&
      cached.version === registryVersion
    )
      return cached.messages;
    const byLang = registry.get(this.#scope);
    const layers = candidates(lang)
      .reverse()
      .map((candidate) => byLang?.get(candidate));
    const messages = Object.assign({}, this.#english, ...layers, overrides) as M;
    this.#merged = { lang, overrides, version: registryVersion, messages };
    return messages;
  }

  date(date: Date | string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    return new Intl.DateTimeFormat(this.lang, options).format(new Date(date));
  }
}

/** "3 days ago", "in 2 hours", in `lang`. */
export function relativeTime(lang: string, date: Date | string, now: Date = new Date()): string {
  const seconds = (new Date(date).getTime() - now.getTime()) / 1000;
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 31536000],
    ['month', 2592000],
    ['week', 604800],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  for (const [unit, size] of units)
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  return format.format(Math.round(seconds), 'second');
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number written the language's way ("1,200" in English, "1200" in Spanish). */
export function num(lang: string, value: number): string {
  // Intl objects are costly to make and this runs in every render: keep one per language.
  let format = numberFormats.get(lang);
  if (!format) numberFormats.set(lang, (format = new Intl.NumberFormat(lang)));
  return format.format(value);
}

/**
 * Picks the form for `count` from `forms` by the language's plural rules (`one`, `few`, `many`,
 * …; `other` is the fallback) and writes the count where `#` is. Every count a widget shows
 * goes through here, so "1 spot" and "2 spots" follow each language's own rules.
 */
export function plural(
  lang: string,
  count: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
): string {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
  return (forms[rules.select(count)] ?? forms.other).replace('#', num(lang, count));
}
