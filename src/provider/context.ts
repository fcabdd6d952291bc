/**
 * The @lit/context keys `<tend-provider>` hands down. Any element (including a site's own) can
 * consume them with `@consume({ context: adapterContext, subscribe: true })`.
 */
import { createContext } from '@lit/context';
import type { StorageAdapter } from '../storage/adapter.js';

/** Who is using the widget. Without a site login, a stable anonymous id kept in this browser. */
export interface Identity {
  id: string;
  name?: string | undefined;
  /** A token the host site signed for this person, sent to a tend-server. */
  token?: string | undefined;
  /** True when the id was made up in this browser rather than given by the site. */
  anonymous: boolean;
}

export const adapterContext = createContext<StorageAdapter | undefined>(Symbol.for('tend.adapter'));
export const identityContext = createContext<Identity | undefined>(Symbol.for('tend.identity'));
export const communityContext = createContext<string | undefined>(Symbol.for('tend.community'));
export const langContext = createContext<string | undefined>(Symbol.for('tend.lang'));
