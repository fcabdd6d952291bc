const WARNED = Symbol.for('tend.define.warned');
type WarnedGlobal = typeof globalThis & { [WARNED]?: boolean };

/**
 * Defines custom elements once. When a second copy of a script runs on one page (common on
 * blogs), the first definitions stay and one warning is printed, instead of a thrown error.
 */
export function defineElements(elements: Record<string, CustomElementConstructor>): void {
  const kept: string[] = [];
  for (const [tag, constructor] of Object.entries(elements)) {
    const existing = customElements.get(tag);
    if (!existing) customElements.define(tag, constructor);
    else if (existing !== constructor) kept.push(tag);
  }
  const g = globalThis as WarnedGlobal;
  if (kept.length && !g[WARNED]) {
    g[WARNED] = true;
    console.warn(
      `tend: ${kept.map((t) => `<${t}>`).join(', ')} already defined by another copy of the script; keeping the first.`,
    );
  }
}

const CLOAK_ID = 'tend-cloak';

/**
 * Until an element upgrades it is hidden but keeps its space, so the page doesn't jump or
 * flash fallback content; one with the `hidden` attribute takes none. Added once to the
 * document's head.
 */
export function addCloakStyle(tags: string[]): void {
  if (typeof document === 'undefined' || document.getElementById(CLOAK_ID)) return;
  const style = document.createElement('style');
  style.id = CLOAK_ID;
  style.textContent =
    `${tags.map((t) => `${t}:not(:defined,[hidden])`).join(',')}{display:block;visibility:hidden;min-block-size:12rem}` +
    `tend-provider:not(:defined,[hidden]){display:contents}`;
  document.head.append(style);
}
