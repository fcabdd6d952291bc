/**
 * Shared set-up for the concern and moderation tests: the elements signed in on the real
 * tend-server, a post seeded as its author would post it, and its cards; finding things as a
 * person would (by role and label) is ../find.ts.
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
import { text } from '../find.js';
import { requestsAs, seen, signedIn, until, type Person } from '../real-server.js';

export { announced, button, choose, field, hasButton, inTheme, type } from '../find.js';

export const ROSA: Person = { id: 'rosa', name: 'Rosa' };
export const TOMAS: Person = { id: 'tomas', name: 'Tomás' };
export const WEN: Person = { id: 'wen', name: 'Wen' };
export const MIRA: Person = { id: 'mira', name: 'Mira', role: 'moderator' };

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

/** The card (a list item) whose heading reads `heading`. */
export function cardOf(el: Element, heading: string): HTMLElement {
  const found = [...shadow(el).querySelectorAll<HTMLElement>('li.card')].find(
    (li) => text(li.querySelector('h3, h4')) === heading,
  );
  if (!found) throw new Error(`no card "${heading}" in: ${read(el)}`);
  return found;
}
