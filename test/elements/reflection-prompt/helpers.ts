/** Drives `<tend-reflection-prompt>` the way a person does: find by role and visible label, type, click. */
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../../src/provider/index.js';
import '../../../src/elements/reflection-prompt/index.js';
import type { TendReflectionPrompt } from '../../../src/elements/reflection-prompt/index.js';
import type { OperateOptions, RecordOperation } from '../../../src/storage/adapter.js';
import { addReflectionCount, type ReflectionCount } from '../../../src/domain/reflection.js';
import {
  InvalidValueError,
  MemoryAdapter,
  QuotaError,
  type AdapterStatus,
  type StoredRecord,
  type WriteOptions,
} from '../../../src/storage/index.js';

/** Memory storage that calls itself shared (as a tend-server is) and remembers every write it received. */
export class SharedMemoryAdapter extends MemoryAdapter {
  readonly received: { collection: string; id: string; value: unknown }[] = [];

  override get status(): AdapterStatus {
    return { ...super.status, shared: true, location: 'server', persistent: true };
  }

  override put<T>(
    collection: string,
    id: string,
    value: T,
    options?: WriteOptions,
  ): Promise<StoredRecord<T>> {
    this.received.push({ collection, id, value: structuredClone(value) });
    return super.put(collection, id, value, options);
  }
}

/**
 * Shared memory storage that, like a tend-server, takes named operations: it applies the one it
 * knows (`count` on `reflection-counts`, by the domain rule) and remembers every one it received.
 */
export class OperationsAdapter extends SharedMemoryAdapter {
  readonly operations: { collection: string; id: string; operation: RecordOperation; options?: unknown }[] =
    [];

  async operate<T>(
    collection: string,
    id: string,
    operation: RecordOperation,
    options?: OperateOptions,
  ): Promise<StoredRecord<T>> {
    this.operations.push(structuredClone({ collection, id, operation, options }));
    if (collection !== 'reflection-counts' || operation.type !== 'count')
      throw new InvalidValueError(`no operation "${operation.type}" on ${collection}`);
    const current = await this.get<ReflectionCount>(collection, id);
    const next = addReflectionCount(current?.value, id);
    return super.put(collection, id, next, { expectedRev: current?.rev ?? null }) as Promise<StoredRecord<T>>;
  }
}

/** Memory storage that is really full: every write fails with a QuotaError until `full` is false. */
export class FullAdapter extends MemoryAdapter {
  full = true;

  override put<T>(
    collection: string,
    id: string,
    value: T,
    options?: WriteOptions,
  ): Promise<StoredRecord<T>> {
    if (this.full) return Promise.reject(new QuotaError('the storage is full'));
    return super.put(collection, id, value, options);
  }
}

/** Puts the element in a provider on `adapter` as person `ana`, and waits until its storage has loaded. */
export async function mount(adapter: MemoryAdapter, element: TemplateResult): Promise<TendReflectionPrompt> {
  const provider = await fixture(
    html`<tend-provider .adapter=${adapter} user-id="ana">${element}</tend-provider>`,
  );
  const el = provider.querySelector('tend-reflection-prompt')!;
  await waitUntil(
    () => el.shadowRoot?.querySelector('[part~="step"], [part~="entries"]'),
    'the element rendered',
  );
  await settle(el);
  return el;
}

/** Lets pending storage promises and renders finish. */
export async function settle(el: TendReflectionPrompt): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await el.updateComplete;
  }
}

const root = (el: TendReflectionPrompt) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The button whose visible text is `name`. */
export function button(el: TendReflectionPrompt, name: string): HTMLButtonElement {
  const found = [...root(el).querySelectorAll('button')].find((b) => text(b) === name);
  if (!found)
    throw new Error(
      `no button "${name}"; buttons: ${[...root(el).querySelectorAll('button')].map(text).join(' | ')}`,
    );
  return found;
}

export function hasButton(el: TendReflectionPrompt, name: string): boolean {
  return [...root(el).querySelectorAll('button')].some((b) => text(b) === name);
}

/** The control whose visible label is `label` (a `<label for>` or a wrapping `<label>`). */
export function field<T extends HTMLElement = HTMLTextAreaElement>(
  el: TendReflectionPrompt,
  label: string,
): T {
  for (const candidate of root(el).querySelectorAll('label')) {
    if (text(candidate) !== label) continue;
    const control = candidate.control;
    if (control) return control as unknown as T;
  }
  throw new Error(
    `no field labelled "${label}"; labels: ${[...root(el).querySelectorAll('label')].map(text).join(' | ')}`,
  );
}

/** Types into a field as a person does (value, then an input event). */
export async function type(el: TendReflectionPrompt, label: string, value: string): Promise<void> {
  const control = field<HTMLTextAreaElement | HTMLInputElement>(el, label);
  control.focus();
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function click(el: TendReflectionPrompt, name: string): Promise<void> {
  button(el, name).click();
  await settle(el);
}

/** Ticks (or unticks) the checkbox or radio labelled `label`. */
export async function tick(el: TendReflectionPrompt, label: string): Promise<void> {
  field<HTMLInputElement>(el, label).click();
  await settle(el);
}

/** The visible text of the element's shadow root part(s) matching `selector`. */
export function visible(el: TendReflectionPrompt, selector = '[part~="container"]'): string {
  return [...root(el).querySelectorAll(selector)].map(text).join(' ');
}

/** What the element's one live region said last (every finished action is said there once). */
export function announced(el: TendReflectionPrompt): string {
  return text(root(el).querySelector('.visually-hidden[role="status"]'));
}

/** The element focused inside the shadow root. */
export function focused(el: TendReflectionPrompt): Element | null {
  return root(el).activeElement;
}

export { text };
