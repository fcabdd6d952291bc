import { provide } from '@lit/context';
import { LitElement, css, html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { StorageAdapter } from '../storage/adapter.js';
import { BrowserAdapter } from '../storage/browser.js';
import { MemoryAdapter } from '../storage/memory.js';
import { DeferredHttpAdapter } from './deferred-http.js';
import { adapterContext, communityContext, identityContext, langContext, type Identity } from './context.js';
import { resolveIdentity } from './identity.js';

/** Built-in storage choices of `<tend-provider storage="…">`. */
export type StorageKind = 'browser' | 'memory' | 'http';

/** The storage kinds `<tend-provider storage="…">` can name; {@link registerStorageKind} adds more. */
const storageFactories = new Map<string, (options: StorageFactoryOptions) => StorageAdapter>([
  ['browser', ({ community, identity }) => new BrowserAdapter({ community, author: identity.id })],
  ['memory', ({ community, identity }) => new MemoryAdapter({ community, author: identity.id })],
  [
    'http',
    ({ community, identity, endpoint }) =>
      new DeferredHttpAdapter({
        endpoint: endpoint ?? '',
        community,
        author: identity.id,
        token: identity.token,
      }),
  ],
]);

export interface StorageFactoryOptions {
  community: string;
  identity: Identity;
  endpoint?: string | undefined;
}

/** Adds a storage kind that `<tend-provider storage="…">` can name. */
export function registerStorageKind(
  kind: string,
  factory: (options: StorageFactoryOptions) => StorageAdapter,
): void {
  storageFactories.set(kind, factory);
}

/**
 * Hands storage, identity, community and language down to every tend element inside it.
 * Without a provider, each element works alone on browser storage.
 *
 * @tagname tend-provider
 * @summary Shares one storage adapter, one person and one community with the tend elements inside.
 *
 * @slot - The tend elements (and anything else) that use this provider's storage and identity.
 */
export class TendProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    :host([hidden]) {
      display: none !important;
    }
  `;

  /** Where records live: `browser` (this browser only, the default), `memory` (gone on reload), `http` (a tend-server). */
  @property() storage: StorageKind | (string & {}) = 'browser';

  /** The tend-server's base URL, for `storage="http"`. */
  @property() endpoint?: string;

  /** The community whose records the elements read and write. */
  @property() community = 'default';

  /** The person's id from the site's own login. Without it, a stable anonymous id kept in this browser. */
  @property({ attribute: 'user-id' }) userId?: string;

  /** The person's display name. */
  @property({ attribute: 'user-name' }) userName?: string;

  /** A token the site signed for this person (sent to a tend-server). */
  @property() token?: string;

  /** Any `StorageAdapter`; takes precedence over `storage`. The provider never closes an adapter it was given. */
  @property({ attribute: false }) adapter?: StorageAdapter;

  @provide({ context: adapterContext }) @state() protected providedAdapter?: StorageAdapter;
  @provide({ context: identityContext }) @state() protected providedIdentity?: Identity;
  @provide({ context: communityContext }) @state() protected providedCommunity?: string;
  @provide({ context: langContext }) @state() protected providedLang?: string;

  #ownAdapter?: StorageAdapter;
  /** What the identity and the adapter in force were made from: made again when one changes. */
  #identityFrom: unknown[] = [];
  #adapterFrom: unknown[] = [];
  #langObserver = new MutationObserver(() => (this.providedLang = this.getAttribute('lang') ?? undefined));

  override connectedCallback(): void {
    super.connectedCallback();
    this.#langObserver.observe(this, { attributes: true, attributeFilter: ['lang'] });
    this.providedLang = this.getAttribute('lang') ?? undefined;
    // Now, not at the first update: the elements inside connect right after this one and ask for
    // the adapter at once. Without it they would open browser storage of their own meanwhile.
    this.#provide();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#langObserver.disconnect();
    if (this.#ownAdapter) {
      this.#closeOwnAdapter();
      // Made again if this provider is put back into the page.
      this.providedAdapter = undefined;
    }
  }

  protected override willUpdate(): void {
    this.#provide();
  }

  #provide(): void {
    const identity = [this.userId, this.userName, this.token];
    if (changed(this.#identityFrom, identity)) {
      this.#identityFrom = identity;
      this.providedIdentity = resolveIdentity({ id: this.userId, name: this.userName, token: this.token });
    }
    this.providedCommunity = this.community;
    // Off the page (Lit still updates it) an adapter made now would never be closed: its event
    // stream or database would stay open. It is made when the provider is back.
    if (!this.isConnected) return;
    const from = [this.storage, this.endpoint, this.community, this.adapter, this.userId, this.token];
    if (!this.providedAdapter || changed(this.#adapterFrom, from)) {
      this.#adapterFrom = from;
      this.providedAdapter = this.#makeAdapter();
    }
  }

  #makeAdapter(): StorageAdapter {
    this.#closeOwnAdapter();
    if (this.adapter) return this.adapter;
    let factory = storageFactories.get(this.storage);
    if (!factory) {
      console.error(
        `tend: <tend-provider storage="${this.storage}"> is not available here; using browser storage instead.`,
      );
      factory = storageFactories.get('browser')!;
    }
    this.#ownAdapter = factory({
      community: this.community,
      identity: this.providedIdentity!,
      endpoint: this.endpoint,
    });
    return this.#ownAdapter;
  }

  #closeOwnAdapter(): void {
    this.#ownAdapter?.close();
    this.#ownAdapter = undefined;
  }

  protected override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}

const changed = (before: unknown[], now: unknown[]): boolean =>
  before.length !== now.length || now.some((value, i) => value !== before[i]);

declare global {
  interface HTMLElementTagNameMap {
    'tend-provider': TendProvider;
  }
}
