/**
 * Shared set-up for the concern and moderation tests: the elements signed in on the real
 * tend-server, a post seeded as its author would post it, and finding things as a person would
 * (by role and label).
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../../src/elements/concern/index.js';
import '../../../src/elements/moderation/index.js';
import '../../../src/elements/offer-board/index.js';
import type { TendConcern } from '../../../src/elements/concern/index.js';
import type { TendModeration } from '../../../src/elements/moderation/index.js';
import type { TendOfferBoard } from '../../../src/elements/offer-board/index.js';
import { createPost, type PostInput } from '../../../src/domain/offers.js';
import { en as concernEn } from '../../../src/elements/concern/concern.messages.js';
import { es as concernEs } from '../../../src/elements/concern/concern.es.js';
import { en as moderationEn } from '../../../src/elements/moderation/moderation.messages.js';
import { es as moderationEs } from '../../../src/elements/moderation/moderation.es.js';
import { requestsAs, seen, signedIn, until, type Person } from '../real-server.js';

export const ROSA: Person = { id: 'rosa', name: 'Rosa' };
export const TOMAS: Person = { id: 'tomas', name: 'Tomás' };
export const WEN: Person = { id: 'wen', name: 'Wen' };
export const MIRA: Person = { id: 'mira', name: 'Mira', role: 'moderator' };

type Lit = HTMLElement & { updateComplete: Promise<unknown> };

const text = (el: Element | null | undefined): string => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

export const shadow = (el: Element): ShadowRoot => el.shadowRoot!;

/** The element's text as a person reads it. */
export const read = (el: Element): string => seen(el);

/** `person`'s `<tend-concern>` on the real server, once it has read their concerns. */
export async function concernOf(
  community: string,
  person: Person,
  template: TemplateResult = html`<tend-concern></tend-concern>`,
  lang = 'en',
): Promise<TendConcern> {
  const el = await signedIn<TendConcern>(community, person, 'tend-concern', template, { lang });
  const loading = [concernEn.loading, concernEs.loading];
  await until(
    () => read(el) && !loading.some((words) => read(el).includes(words)),
    'the concerns are read',
    () => read(el),
  );
  return el;
}

/** `person`'s `<tend-moderation>` on the real server, once it has read what it shows. */
export async function moderationOf(community: string, person: Person, lang = 'en'): Promise<TendModeration> {
  const el = await signedIn<TendModeration>(
    community,
    person,
    'tend-moderation',
    html`<tend-moderation></tend-moderation>`,
    { lang },
  );
  const loading = [moderationEn.loading, moderationEs.loading];
  await until(
    () => read(el) && !loading.some((words) => read(el).includes(words)),
    'the moderation view is read',
    () => read(el),
  );
  return el;
}

/** `person`'s board on the real server, loaded. */
export async function boardOf(community: string, person: Person): Promise<TendOfferBoard> {
  const board = await signedIn<TendOfferBoard>(
    community,
    person,
    'tend-offer-board',
    html`<tend-offer-board board="street"></tend-offer-board>`,
  );
  await waitUntil(() => board.posts.readError || !board.posts.loading, 'the board loads');
  expect(board.posts.readError, 'the board read the server').to.equal(undefined);
  await board.updateComplete;
  return board;
}

/** Stores a post on the server as `author` posts it; resolves with its id. */
export async function postAs(
  community: string,
  author: Person,
  input: Partial<PostInput> & { title: string },
): Promise<string> {
  const id = `post-${crypto.randomUUID().slice(0, 8)}`;
  const post = createPost(
    'street',
    { kind: 'need', category: 'meals', ...input },
    { id: author.id, name: author.name },
    new Date(),
  );
  const answer = await requestsAs(community, author).send('PUT', `/posts/${id}`, { value: post });
  expect(answer.status, answer.text).to.equal(201);
  return id;
}

/** The button whose accessible name is `name`, inside `scope`. */
export function button(scope: ParentNode, name: string): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find(
    (b) => (b.getAttribute('aria-label') ?? text(b)) === name,
  );
  if (!found) throw new Error(`no button "${name}" in: ${text(scope as Element)}`);
  return found;
}

export const hasButton = (scope: ParentNode, name: string): boolean =>
  [...scope.querySelectorAll('button')].some((b) => (b.getAttribute('aria-label') ?? text(b)) === name);

/** The control whose label starts with `label` (a text field, or a radio in a pill). */
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

/** Chooses an option of a select as a person would. */
export function choose(select: HTMLSelectElement, label: string): void {
  const option = [...select.options].find((o) => text(o) === label);
  if (!option) throw new Error(`no option "${label}"`);
  select.value = option.value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** The card (a list item) whose heading reads `heading`. */
export function cardOf(el: Element, heading: string): HTMLElement {
  const found = [...shadow(el).querySelectorAll<HTMLElement>('li.card')].find(
    (li) => text(li.querySelector('h3, h4')) === heading,
  );
  if (!found) throw new Error(`no card "${heading}" in: ${read(el)}`);
  return found;
}

/** Sets an element's theme and waits for its colour transitions to end (so axe sees the final colours). */
export async function inTheme(el: Lit, theme: 'light' | 'dark'): Promise<void> {
  (el as Lit & { theme?: string }).theme = theme;
  await el.updateComplete;
  await Promise.all(
    shadow(el)
      .getAnimations()
      .map((a) => a.finished),
  );
}

/** What the element's one live region said last. */
export const announced = (el: Element): string =>
  text(shadow(el).querySelector('div.visually-hidden[role="status"]'));
