/**
 * Finding things in an element as a person would, by role and label, and doing what they do
 * (type, choose): shared by the board's, the concern's and the moderation view's tests.
 */

type Lit = HTMLElement & { updateComplete: Promise<unknown>; theme?: string };

/** An element's words as read: white space folded. */
export const text = (el: Element | null | undefined): string =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** A button's accessible name: its `aria-label`, else its words (leaving out what is hidden from screen readers). */
export function nameOf(b: Element): string {
  const label = b.getAttribute('aria-label');
  if (label) return label;
  const copy = b.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return text(copy);
}

/** The button whose accessible name is `name`, inside `scope`. */
export function button(scope: ParentNode, name: string): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find((b) => nameOf(b) === name);
  if (!found) throw new Error(`no button "${name}" in: ${text(scope as Element)}`);
  return found;
}

export const hasButton = (scope: ParentNode, name: string): boolean =>
  [...scope.querySelectorAll('button')].some((b) => nameOf(b) === name);

/** The control whose label starts with `label` (a text field, a select, or a radio in a pill). */
export function field<T extends HTMLElement = HTMLInputElement>(scope: ParentNode, label: string): T {
  const found = [...scope.querySelectorAll('label')].find((l) => text(l).startsWith(label));
  const control = found?.control;
  if (!control) throw new Error(`no field labelled "${label}"`);
  return control as T;
}

/** Types into a field as a person would (the input event included). */
export function type(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Chooses the option of a select that reads `label`, as a person would. */
export function choose(select: HTMLSelectElement, label: string): void {
  const option = [...select.options].find((o) => text(o) === label);
  if (!option) throw new Error(`no option "${label}"`);
  select.value = option.value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Sets an element's theme and waits for its colour transitions to end (so axe sees the final colours). */
export async function inTheme(el: Lit, theme: 'light' | 'dark'): Promise<void> {
  el.theme = theme;
  await el.updateComplete;
  // getAnimations() brings styles up to date, so the transitions the change starts are in it.
  await Promise.all(el.shadowRoot!.getAnimations().map((a) => a.finished));
}

/** What the element's one live region said last (what a screen reader hears). */
export const announced = (el: Element): string =>
  text(el.shadowRoot!.querySelector('div.visually-hidden[role="status"]'));
