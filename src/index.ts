/**
 * `tend-widgets`: registers every tend element. Import one entry instead
 * (`tend-widgets/offer-board`, …) to ship only what a page uses.
 * @packageDocumentation
 */
import { addCloakStyle } from './elements/define.js';
import './provider/index.js';
import './elements/capacity-check-in/index.js';
import './elements/reflection-prompt/index.js';
import './elements/offer-board/index.js';
import './elements/concern/index.js';
import './elements/moderation/index.js';

addCloakStyle([
  'tend-reflection-prompt',
  'tend-capacity-check-in',
  'tend-offer-board',
  'tend-concern',
  'tend-moderation',
]);

export * from './provider/index.js';
export { registerLanguage, registerMessages } from './i18n/localize.js';
export { TendCapacityCheckIn, type CapacityChangeDetail } from './elements/capacity-check-in/index.js';
export {
  TendReflectionPrompt,
  type ReflectionDeletedDetail,
  type ReflectionSavedDetail,
} from './elements/reflection-prompt/index.js';
export {
  TendOfferBoard,
  type OfferClaimedDetail,
  type OfferPostedDetail,
  type OfferReleasedDetail,
  type OfferWithdrawnDetail,
} from './elements/offer-board/index.js';
export { TendConcern, type ConcernRaisedDetail } from './elements/concern/index.js';
export { TendModeration, type ConcernAnsweredDetail } from './elements/moderation/index.js';
