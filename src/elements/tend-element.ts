/**
 * The thin base every tend element shares: theme, language, the storage and identity handed
 * down by `<tend-provider>` (or browser storage when there is none), and one way to emit events.
 */
import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { languageReady, LocalizeController, type Messages } from '../i18n/localize.js';
import { defaultAdapter } from '../provider/default-adapter.js';
import {
  adapterContext,
  communityContext,
  identityContext,
  langContext,
  type Identity,
} from '../provider/context.js';
import { resolveIdentity } from '../provider/identity.js';
import type { StorageAdapter } from '../storage/adapter.js';
import { controls } from '../styles/controls.js';
import { layout } from '../styles/layout.js';
import { tokens } from '../styles/tokens.js';
import { Announcer } from './shared/announcer.js';

export abstract class TendElement<M extends Messages = Messages> extends LitElement {
  static override styles = [tokens, controls, layout];

  /** The element's one live region: render `this.announcer.render()` once, call `announce()`. */
  protected readonly announcer = new Announcer(this);

  /** `light` or `dark`; by default the element follows the reader's `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** Words that replace this element's defaults, for any language (e.g. `{ save: 'Keep it' }`). */
  @property({ attribute: false }) messages?: Partial<M>;

  @consume({ context: adapterContext, subscribe: true })
  @state()
  protected providedAdapter?: StorageAdapter;

  @consume({ context: identityContext, subscribe: true })
  @state()
  protected providedIdentity?: Identity;

  @consume({ context: communityContext, subscribe: true })
  @state()
  protected providedCommunity?: string;

  @consume({ context: langContext, subscribe: true })
  @state()
  providedLang?: string;

  protected abstract readonly localize: LocalizeController<M>;

  /** The adapter in force: the provider's, else browser storage for this page. */
  get storage(): StorageAdapter {
    return this.providedAdapter ?? defaultAdapter(this.providedCommunity);
  }

  /** The person in force: the provider's, else an anonymous id kept in this browser. */
  get identity(): Identity {
    return this.providedIdentity ?? resolveIdentity({});
  }

  /**
   * Waits, before rendering, for the words of the page's language when they are a module still
   * on its way (English is built in and renders at once), so a reader never sees a flash of
   * another language. `updateComplete` waits too.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const words = languageReady(this.localize.lang);
    return words ? words.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** Dispatches a `tend-…` event that bubbles out of shadow roots. */
  protected emit<D>(name: `tend-${string}`, detail: D): boolean {
    return this.dispatchEvent(tendEvent(name, detail));
  }

  /**
   * Moves focus, after the next render, to the first match of `selector` in this element (a
   * step's heading, a result message): used when the control that had focus goes away, so
   * focus never falls to the page's body.
   */
  protected async focusAfterRender(selector: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

/** Every tend event: a CustomEvent that bubbles and crosses shadow roots. (Outside the class so the
 * manifest lists each element's own documented events, not this generic one.) */
function tendEvent<D>(name: string, detail: D): CustomEvent<D> {
  return new CustomEvent<D>(name, { detail, bubbles: true, composed: true });
}
