/**
 * Why the board was told no, as one code whichever side said it: the rule run in the browser
 * (an `OfferError`) or the same rule run by a tend-server (a `StorageError` whose `rule` is the
 * domain's code). One mapping, so "someone was just first" reads the same either way.
 */
import { OfferError, type OfferErrorCode } from '../../domain/offers.js';
import { isStorageError } from '../../storage/errors.js';

const OFFER_ERROR_CODES: ReadonlySet<string> = new Set<OfferErrorCode>([
  'invalid',
  'not-found',
  'not-yours',
  'own-post',
  'withdrawn',
  'expired',
  'paused',
  'full',
  'slot-taken',
  'past-date',
  'already-claimed',
  'once-a-week',
  'has-claims',
  'fixed-field',
  'hidden',
  'not-hidden',
  'moderators-only',
]);

/** The domain's code for a refusal, local or from the store; `undefined` for a storage problem (offline, quota, …). */
export function refusalOf(error: unknown): OfferErrorCode | undefined {
  if (error instanceof OfferError) return error.code;
  if (!isStorageError(error)) return undefined;
  if (error.rule && OFFER_ERROR_CODES.has(error.rule)) return error.rule as OfferErrorCode;
  // A post that is gone (or was never there for this person) reads the same as the local rule's.
  return error.code === 'not-found' ? 'not-found' : undefined;
}
