/** Shared set-up of the <tend-capacity-check-in> tests: a clock, people on one store, finding controls. */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/provider/index.js';
import '../../../src/elements/capacity-check-in/index.js';
import type { TendCapacityCheckIn } from '../../../src/elements/capacity-check-in/index.js';
import { checkInId, type CheckIn } from '../../../src/domain/capacity.js';
import { MemoryAdapter, MemoryStore, type AdapterStatus } from '../../../src/storage/index.js';

import { NOW } from '../../domain/capacity-fixtures.js';

export { NOW, TONIGHT, checkIn } from '../../domain/capacity-fixtures.js';

/** Memory storage that says it is shared, as a tend-server would. */
export class SharedMemoryAdapter extends MemoryAdapter {
  override get status(): AdapterStatus {
    return { ...super.status, shared: true };
  }
}

/** A clock a test moves by hand. */
export class Clock {
  constructor(public time = NOW) {}
  readonly now = (): Date => this.time;
}

/** Writes a person's check-in as that person, through their own adapter on the shared store. */
export async function checkInAs(
  store: MemoryStore,
  value: CheckIn,
  Adapter = MemoryAdapter,
): Promise<MemoryAdapter> {
  const adapter = new Adapter({ store, community: 'street', author: value.personId });
  await adapter.put('check-ins', checkInId(value.circle, value.personId), value);
  return adapter;
}

export interface MountOptions {
  adapter?: MemoryAdapter;
  circle?: string;
  clock?: Clock;
  minGroup?: number;
  /** The `default-visibility` attribute; unset when absent. */
  defaultVisibility?: string;
  lang?: string;
  theme?: 'light' | 'dark';
}

/** The element for person `me` ("Mo"), inside a provider with the given adapter. */
export async function mount(options: MountOptions = {}): Promise<TendCapacityCheckIn> {
  const adapter = options.adapter ?? new MemoryAdapter({ community: 'street', author: 'me' });
  const clock = options.clock ?? new Clock();
  const provider = await fixture(html`
    <tend-provider .adapter=${adapter} user-id="me" user-name="Mo" lang=${options.lang ?? 'en'}>
      <tend-capacity-check-in
        circle=${options.circle ?? 'maple'}
        min-group=${options.minGroup ?? 3}
        default-visibility=${ifDefined(options.defaultVisibility)}
        theme=${ifDefined(options.theme)}
        .now=${clock.now}
      ></tend-capacity-check-in>
    </tend-provider>
  `);
  const el = provider.querySelector('tend-capacity-check-in')!;
  await waitUntil(() => el.shadowRoot?.querySelector('[part="check-in"]'), 'the element renders');
  await settle(el);
  return el;
}

/** Lets reads and writes finish and the element render. */
export async function settle(el: TendCapacityCheckIn): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
  }
}

export const root = (el: TendCapacityCheckIn): ShadowRoot => el.shadowRoot!;
/** What a person reads in the element (or in one part of it), spaces collapsed. */
export const text = (el: TendCapacityCheckIn, part?: string): string =>
  ((part ? root(el).querySelector(`[part="${part}"]`) : root(el))?.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim();

/** The control whose label reads `label` (radio, checkbox, text field). */
export function control(el: TendCapacityCheckIn, label: string): HTMLInputElement {
  for (const found of root(el).querySelectorAll('label')) {
    if (found.textContent!.trim() !== label) continue;
    const input = found.htmlFor ? root(el).getElementById(found.htmlFor) : found.querySelector('input');
    if (input) return input as HTMLInputElement;
  }
  throw new Error(`no control labelled "${label}"`);
}

export function button(el: TendCapacityCheckIn, label: string): HTMLButtonElement {
  const found = [...root(el).querySelectorAll('button')].find((b) => b.textContent!.trim() === label);
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}

export async function type(el: TendCapacityCheckIn, label: string, value: string): Promise<void> {
  const input = control(el, label);
  input.value = value;
  input.dispatchEvent(new Event(input.type === 'date' ? 'change' : 'input', { bubbles: true }));
  await el.updateComplete;
}

export async function click(el: TendCapacityCheckIn, target: HTMLElement): Promise<void> {
  target.click();
  await settle(el);
}

export const status = (el: TendCapacityCheckIn): string =>
  root(el).querySelector('[part="status"]')!.textContent!.trim();
/** The visible result of the last action. */
export const message = (el: TendCapacityCheckIn): string =>
  root(el).querySelector('.message.success')!.textContent!.trim();
/** What the element's one live region said last. */
export const announced = (el: TendCapacityCheckIn): string =>
  root(el).querySelector('div[role="status"]')!.textContent!.trim();
/** The element holding focus inside the element; fails when focus fell out of it. */
export function focused(el: TendCapacityCheckIn): HTMLElement {
  expect(document.activeElement, 'focus is in the element').to.equal(el);
  const active = root(el).activeElement as HTMLElement | null;
  expect(active, 'focus is on something inside the element').not.to.equal(null);
  return active!;
}

/** Opens the form over a current check-in (with "Change"), when it is closed. */
export async function openForm(el: TendCapacityCheckIn): Promise<void> {
  const change = root(el).querySelector<HTMLButtonElement>('[part="change-button"]');
  if (change) await click(el, change);
}
