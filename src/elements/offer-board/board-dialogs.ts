/**
 * What `<tend-offer-board>` shows only once someone acts: the post and rotation forms and the
 * short questions (the nudge, "would you offer this again?", the thank-you). One module, fetched
 * when a person first opens one (or shows they are about to, with "Offer or ask"), so a reader
 * who only reads the board downloads none of it.
 */
export { renderAsk } from './ask-dialog.js';
export { PostForm, localInput } from './post-form.js';
export { RotationForm } from './rotation-form.js';
