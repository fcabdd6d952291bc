/**
 * `tend-widgets/offer-board`: registers `<tend-offer-board>`.
 * @packageDocumentation
 */
import { defineElements } from '../define.js';
import { TendOfferBoard } from './tend-offer-board.js';

defineElements({ 'tend-offer-board': TendOfferBoard });

export {
  TendOfferBoard,
  type OfferClaimedDetail,
  type OfferPostedDetail,
  type OfferReleasedDetail,
  type OfferWithdrawnDetail,
} from './tend-offer-board.js';
export { en as offerBoardMessagesEn, type BoardMessages } from './offer-board.messages.js';
