/**
 * Whether the person in force moderates the community, as the token the site signed for them
 * says (`role: "moderator"`, the claim tend-server trusts). Read only to decide what to show:
 * every moderators' read and step is the server's to allow, and it answers anyone else with
 * nothing (empty lists, 404, 403), whatever a page claims.
 */
import type { Identity } from '../../provider/context.js';

const cache = new Map<string, boolean>();

/** True when `identity`'s token is a JWT whose payload says `role: "moderator"`. */
export function isModerator(identity: Identity | undefined): boolean {
  const token = identity?.token;
  if (!token) return false;
  let known = cache.get(token);
  if (known === undefined) {
    known = false;
    try {
      const payload = token.split('.')[1] ?? '';
      const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
      known = (JSON.parse(json) as { role?: unknown }).role === 'moderator';
    } catch {
      // Not a JWT, or not one we can read: not a moderator as far as the page can tell.
    }
    if (cache.size > 20) cache.clear();
    cache.set(token, known);
  }
  return known;
}
