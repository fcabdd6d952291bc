/**
 * The real tend-server every browser test run has beside it (test/server/wtr-tend-server.js):
 * its address, tokens for people from its --dev endpoint, elements inside a
 * `<tend-provider storage="http">` signed in as a person, and that person's own HttpAdapter to
 * read what the server gives them (list, get, live changes), as their browser would receive it.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/provider/index.js';
import { HttpAdapter, type RecordChange } from '../../src/storage/index.js';

export interface Person {
  id: string;
  name: string;
  /** `moderator`: the server counts them as one (their token says so). */
  role?: 'moderator';
}

interface ServerInfo {
  url: string;
  engine: string;
}

/** The test server's address and engine (`pglite` or `postgres`). */
export const server = (await (await fetch('/__tend-server/info')).json()) as ServerInfo;

const tokens = new Map<string, Promise<string>>();

/** A token the server signed for `person` (its --dev endpoint), fetched once. */
export function tokenFor(person: Person): Promise<string> {
  const key = `${person.id}/${person.name}/${person.role ?? ''}`;
  if (!tokens.has(key))
    tokens.set(
      key,
      fetch(`${server.url}/dev/token`, {
        method: 'POST',
        body: JSON.stringify({ sub: person.id, name: person.name, role: person.role }),
      })
        .then((r) => r.json())
        .then((b: { token: string }) => b.token),
    );
  return tokens.get(key)!;
}

let counter = 0;
/** A community name no other test uses, so each test starts on an empty server. */
export const uniqueCommunity = (prefix: string): string =>
  `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}-${crypto.randomUUID().slice(0, 8)}`;

/** What one request answered: its status and body, and the body's text exactly as received. */
export interface Answer<T = unknown> {
  status: number;
  body: T;
  text: string;
}

/** A stored record as the server sends it. */
export interface Received<T = unknown> {
  id: string;
  rev: number;
  value: T;
  author: string;
  updatedAt: string;
}

/**
 * `person`'s plain requests to the server, without an event stream (a browser holds at most six
 * connections to one host, and every provider on the page already holds a stream).
 */
export class Requests {
  constructor(
    readonly community: string,
    readonly person: Person,
  ) {}

  async send<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    const response = await fetch(`${server.url}/v1/${this.community}${path}`, {
      method,
      headers: {
        ...headers,
        authorization: `Bearer ${await tokenFor(this.person)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, text };
  }

  /** The record as `person` gets it; `undefined` when the server answers 404. */
  async get<T = unknown>(collection: string, id: string): Promise<Received<T> | undefined> {
    const answer = await this.send<Received<T>>('GET', `/${collection}/${encodeURIComponent(id)}`);
    if (answer.status === 404) return undefined;
    expect(answer.status, `GET ${collection}/${id} as ${this.person.id}`).to.equal(200);
    return answer.body;
  }

  /** The collection as `person` lists it. */
  async list<T = unknown>(collection: string): Promise<Received<T>[]> {
    const answer = await this.send<{ items: Received<T>[] }>('GET', `/${collection}`);
    expect(answer.status, `GET ${collection} as ${this.person.id}`).to.equal(200);
    return answer.body.items;
  }
}

/** `person`'s plain requests to the server. */
export const requestsAs = (community: string, person: Person): Requests => new Requests(community, person);

const opened: HttpAdapter[] = [];

/**
 * `person`'s own adapter on the server, signed in with their token, with its event stream (one
 * of the browser's six connections to the server); closed after the test.
 */
export async function serverAs(community: string, person: Person): Promise<HttpAdapter> {
  const adapter = new HttpAdapter({
    endpoint: server.url,
    community,
    author: person.id,
    token: await tokenFor(person),
    outbox: false,
    retry: { minMs: 100, maxMs: 500 },
  });
  opened.push(adapter);
  await adapter.ready();
  return adapter;
}

afterEach(() => {
  for (const adapter of opened.splice(0)) adapter.close();
});

/** Every live change `adapter` hears on `collection` from now on. */
export function heard<T = unknown>(adapter: HttpAdapter, collection: string): RecordChange<T>[] {
  const seen: RecordChange<T>[] = [];
  adapter.subscribe<T>(collection, (change) => seen.push(change));
  return seen;
}

export interface SignedInOptions {
  /** What the page says the person is; the token is still `person`'s (a page anyone can edit). */
  claimsToBe?: Person;
  lang?: string;
}

/**
 * `element` inside a provider on the real server, signed in as `person`; resolves with the
 * first element matching `selector` once it is on the page.
 */
export async function signedIn<E extends HTMLElement>(
  community: string,
  person: Person,
  selector: string,
  element: TemplateResult,
  options: SignedInOptions = {},
): Promise<E> {
  const shown = options.claimsToBe ?? person;
  const provider = await fixture(
    html`<tend-provider
      storage="http"
      endpoint=${server.url}
      token=${await tokenFor(person)}
      user-id=${shown.id}
      user-name=${shown.name}
      community=${community}
      lang=${options.lang ?? 'en'}
      >${element}</tend-provider
    >`,
  );
  return provider.querySelector<E>(selector)!;
}

/** Waits for `check`, failing with `what` (and the state `describe` gives) after `ms`. */
export async function until(
  check: () => unknown,
  what: string,
  describe?: () => unknown,
  ms = 8000,
): Promise<void> {
  try {
    await waitUntil(check, what, { timeout: ms, interval: 20 });
  } catch (error) {
    if (!describe) throw error;
    throw new Error(`${what} (${JSON.stringify(describe())})`, { cause: error });
  }
}

/** The text a person reads in an element's shadow root (or a part of it), spaces collapsed. */
export const seen = (scope: Element | ShadowRoot | null | undefined): string =>
  ((scope instanceof HTMLElement && scope.shadowRoot ? scope.shadowRoot : scope)?.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim();
