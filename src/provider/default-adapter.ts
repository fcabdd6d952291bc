import { BrowserAdapter } from '../storage/browser.js';
import type { StorageAdapter } from '../storage/adapter.js';
import { anonymousId } from './identity.js';

const shared = new Map<string, StorageAdapter>();

/**
 * The adapter an element uses without a provider: browser storage, one per community, shared by
 * every element of the page so there is one database connection.
 */
export function defaultAdapter(community = 'default'): StorageAdapter {
  let adapter = shared.get(community);
  if (!adapter) shared.set(community, (adapter = new BrowserAdapter({ community, author: anonymousId() })));
  return adapter;
}
