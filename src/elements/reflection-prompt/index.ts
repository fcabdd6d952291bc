/**
 * `tend-widgets/reflection-prompt`: registers `<tend-reflection-prompt>`.
 * @packageDocumentation
 */
import { defineElements } from '../define.js';
import { TendReflectionPrompt } from './tend-reflection-prompt.js';

defineElements({ 'tend-reflection-prompt': TendReflectionPrompt });

export {
  TendReflectionPrompt,
  type ReflectionDeletedDetail,
  type ReflectionSavedDetail,
} from './tend-reflection-prompt.js';
export { reflectionEn, type ReflectionMessages } from './reflection-prompt.messages.js';
