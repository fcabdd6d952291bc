/**
 * `tend-widgets/capacity-check-in`: registers `<tend-capacity-check-in>`.
 * @packageDocumentation
 */
import { defineElements } from '../define.js';
import { TendCapacityCheckIn } from './tend-capacity-check-in.js';

defineElements({ 'tend-capacity-check-in': TendCapacityCheckIn });

export { TendCapacityCheckIn, type CapacityChangeDetail } from './tend-capacity-check-in.js';
export { en as capacityMessagesEn, type CapacityMessages } from './capacity-check-in.messages.js';
