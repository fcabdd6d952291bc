/** What the offer tests share. */
import { expect } from '@open-wc/testing';
import { OfferError } from '../../src/domain/offers.js';

/** The code of the OfferError `run` throws, or undefined when it throws nothing. */
export function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).to.be.instanceOf(OfferError);
    return (error as OfferError).code;
  }
  return undefined;
}
