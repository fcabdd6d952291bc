/**
 * `tend-widgets/moderation`: registers `<tend-moderation>`.
 * @packageDocumentation
 */
import { defineElements } from '../define.js';
import { TendModeration } from './tend-moderation.js';

defineElements({ 'tend-moderation': TendModeration });

export { TendModeration, type ConcernAnsweredDetail } from './tend-moderation.js';
export { en as moderationMessagesEn, type ModerationMessages } from './moderation.messages.js';
