/**
 * Record ids made from other names (a circle and a person, a post and a reader). One scheme for
 * every collection: each part is encoded reversibly into the storage's safe names, so two
 * different inputs never share an id, and the parts are joined with `:`.
 */

/** Names a community, collection or id may use: letters, digits and `-_.:~`, 1 to 200 characters. */
export const SAFE_NAME = /^[A-Za-z0-9_.:~-]{1,200}$/;

/**
 * A new random id, safe as a record id: 32 hex digits (128 random bits). From
 * `crypto.getRandomValues`, which every page has; `crypto.randomUUID` exists only on https and
 * localhost pages, and a blog may be served over plain http. The domain's rules never call
 * it: they take the ids they need as inputs.
 */
export function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}

/** Encodes any text into the storage's safe names (letters, digits, `-_.~`); `~` escapes like `%`. */
export function encodeName(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%/g, '~');
}

/** FNV-1a, 32 bits, as 8 hex digits: only to shorten ids that would be too long. */
function fnv(text: string, seed: number): string {
  let hash = seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** The encoded parts joined with `:`, or a 64-bit hash (`h.…`) when that would pass 200 characters. */
export function recordId(...parts: string[]): string {
  const id = parts.map(encodeName).join(':');
  if (id.length > 0 && id.length <= 200) return id;
  const joined = parts.join('\u0000');
  return `h.${fnv(joined, 2166136261)}${fnv(joined, 84696351)}`;
}
