/**
 * `tend-widgets/provider`: registers `<tend-provider>` and exports its context keys.
 * @packageDocumentation
 */
import { defineElements } from '../elements/define.js';
import { TendProvider } from './tend-provider.js';

defineElements({ 'tend-provider': TendProvider });

export {
  TendProvider,
  registerStorageKind,
  type StorageKind,
  type StorageFactoryOptions,
} from './tend-provider.js';
export { adapterContext, communityContext, identityContext, langContext, type Identity } from './context.js';
