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

addCloakStyle(['tend-reflection-prompt', 'tend-capacity-check-in', 'tend-offer-board']);

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
