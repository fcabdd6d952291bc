import { randomId } from '../domain/record-ids.js';
import type { Identity } from './context.js';

const KEY = 'tend:person-id';
let pageId: string | undefined;

function newAnonymousId(): string {
  return `anon-${randomId()}`;
}

/**
 * A stable anonymous id for this browser: kept in localStorage so it survives reloads, or for
 * this page only when localStorage is blocked. It never leaves the device on browser storage.
 */
export function anonymousId(): string {
  // Read once: elements ask for it in every render, and it never changes within a page.
  if (pageId) return pageId;
  try {
    let id = localStorage.getItem(KEY);
    if (!id) {
      id = newAnonymousId();
      localStorage.setItem(KEY, id);
    }
    return (pageId = id);
  } catch {
    return (pageId = newAnonymousId());
  }
}

/** The identity a site gave, or the anonymous local one. */
export function resolveIdentity(given: {
  id?: string | null;
  name?: string | null;
  token?: string | null;
}): Identity {
  const id = given.id?.trim();
  return {
    id: id || anonymousId(),
    name: given.name?.trim() || undefined,
    token: given.token || undefined,
    anonymous: !id,
  };
}
