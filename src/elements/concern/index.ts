/**
 * `tend-widgets/concern`: registers `<tend-concern>`.
 * @packageDocumentation
 */
import { defineElements } from '../define.js';
import { TendConcern } from './tend-concern.js';

defineElements({ 'tend-concern': TendConcern });

export { TendConcern, type ConcernRaisedDetail } from './tend-concern.js';
export { en as concernMessagesEn, type ConcernMessages } from './concern.messages.js';
