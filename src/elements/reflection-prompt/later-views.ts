/**
 * What `<tend-reflection-prompt>` shows only after a reader has saved (the saved step with its
 * composer, the list of saved reflections, the lock's panel, the delete dialog): one module,
 * fetched the first time one of them is needed, so a reader who only reads the first question
 * downloads none of it.
 */
export { AskOfferComposer, ownWords } from './ask-offer-composer.js';
export { ConfirmDialog } from './confirm-dialog.js';
export { renderLockPanel, renderUnlockForm } from './lock-panel.js';
export { renderSavedList } from './saved-list.js';
export { renderSavedStep } from './saved-step.js';
