/**
 * Every word `<tend-reflection-prompt>` shows, in English (other languages: one module each, e.g. the `.es.ts` beside this file). Built-in questions are
 * `q_<id>` (label), `h_<id>` (hint) and `c_<choice>` (choice label), as named in
 * `PROMPT_SETS` (src/domain/reflection.ts).
 */
import { plural, registerLanguage } from '../../i18n/localize.js';

export const reflectionEn = {
  title: 'A quiet reflection',
  intro: 'If something in this stirred you, take a few minutes with it. What you write stays with you.',
  crisis: 'If you’re in crisis, find help now',
  progress: (step: number, total: number) => `Step ${step} of ${total}`,
  back: 'Back',
  next: 'Next',
  skip: 'Skip this one',
  finish: 'Save my reflection',
  saveChanges: 'Save changes',
  resumed: 'Your draft was kept: carry on where you left off.',
  empty: 'There’s nothing to save yet. Write a few words, or pick a choice, first.',

  q_happened: 'What happened?',
  h_happened: 'Just what happened, as you’d tell a friend. A sentence is plenty.',
  q_offered: 'What did I offer or agree to, and did I want to?',
  h_offered: 'It’s all right if the honest answer is “not really”.',
  q_unsaid: 'What did I need, and not say?',
  h_unsaid: 'Rest, help, time, a thank-you, a no…',
  q_pointing: 'What might this resentment be pointing to?',
  h_pointing: 'Pick any that fit.',
  'c_offer-too-big': 'An offer that was too big',
  'c_need-unvoiced': 'A need I didn’t voice',
  'c_limit-unnamed': 'A limit I didn’t name',
  'c_something-else': 'Something else',
  q_next: 'Next time, what could I offer, ask or say, and to whom?',
  h_next: 'A smaller offer, an honest ask, a clear limit. Not a wall.',
  q_noticed: 'What’s on my mind right now?',
  h_noticed: 'A few words are enough.',
  q_room: 'How much room do I have this week?',
  'c_room-plenty': 'Plenty',
  'c_room-some': 'Some',
  'c_room-little': 'Very little',
  q_ask: 'Is there something I could ask for, or let go of?',

  shareOptIn: 'Add one anonymous count to “readers reflected here”. Your words stay on this device.',
  readersHere: (count: number, lang = 'en') =>
    plural(lang, count, { one: '# reader reflected here.', other: '# readers reflected here.' }),
  shareCounted: 'You’ve added your anonymous count for this post. Thank you.',
  countFailed: 'Your count couldn’t be added just now. Your reflection is saved.',

  savedTitle: 'Saved. Thank you for giving this some time.',
  savedText:
    'It waits for you under “Your reflections”: read it again, change it or delete it whenever you like.',
  savedLockedTitle: 'Saved, and locked. Thank you for giving this some time.',
  savedLockedText:
    'It waits for you under “Your reflections”: open the lock there with your passphrase to read it.',
  composerTitle: 'Turn it into an honest ask or a right-sized offer',
  draftLabel: 'Your draft',
  draftNote: 'Only for you to copy and use as you like. Nothing is sent.',
  copy: 'Copy the draft',
  copied: 'Copied.',
  copyFailed: 'Couldn’t copy: please select the draft and copy it yourself.',
  again: 'Start another reflection',

  yours: (count: number, lang = 'en') => plural(lang, count, { other: 'Your reflections (#)' }),
  entriesTitle: 'Your reflections',
  showAll: 'Show my reflections from every post',
  onPost: (post: string) => `on “${post}”`,
  noEntries: 'Nothing saved yet. When you finish a reflection, it waits for you here.',
  skipped: 'Left blank',
  edit: 'Change',
  delete: 'Delete',
  exportMd: 'Download all as Markdown',
  exportJson: 'Download all as JSON',
  exportTitle: 'My reflections',
  deleteAll: 'Delete all my reflections',
  confirmDelete: 'Delete this reflection? It can’t be brought back.',
  confirmDeleteAll: (count: number, lang = 'en') =>
    plural(lang, count, {
      one: 'Delete your # reflection from this browser? It can’t be brought back.',
      other: 'Delete all # of your reflections from this browser? They can’t be brought back.',
    }),
  cancel: 'Don’t delete',
  confirm: 'Delete',
  deleted: 'Deleted.',
  partUnavailable:
    'This part could not be loaded. Check your connection, then reload the page: what you saved stays on this device.',
  backToFlow: 'Back to the reflection',

  lockTitle: 'Lock with a passphrase',
  lockText:
    'Locked reflections and drafts can only be read with your passphrase. It is never stored: if you forget it, nobody can open them, though you can still delete them.',
  passphrase: 'Passphrase',
  passphraseAgain: 'Passphrase again',
  lock: 'Lock my reflections',
  tooShort: 'Please use at least 8 characters. A short sentence works well.',
  mismatch: 'The two passphrases aren’t the same. Please type them again.',
  lockedNote: 'Your reflections are locked. New ones are locked too as you save them.',
  unlock: 'Open',
  wrongPassphrase: 'That passphrase didn’t open them. Nothing has changed; please try again.',
  openNote: 'Locked in this browser, and open on this page until you lock it again.',
  closeLock: 'Lock now',
  removeLock: 'Remove the lock',
  lockRemoved: 'The lock is off. Your reflections can be read in this browser again.',
  lockedEntry: 'Locked reflection',
  working: 'One moment…',
  draftLocked: 'Your draft is locked. Enter your passphrase to carry on with it.',
  startFresh: 'Start fresh instead',
  exportLocked: 'Open the lock to download your reflections.',
  draftShape:
    'An honest ask often goes: “When …, I felt …, because I need …. Would you be willing to …?” A right-sized offer: “I can … on …, not more than ….”',
  makeRoom: 'To make room, download your reflections and delete some you no longer need, then save again.',
  exported: 'Downloaded.',
};

export type ReflectionMessages = typeof reflectionEn;

registerLanguage('tend-reflection-prompt', 'es', () =>
  import('./reflection-prompt.es.js').then((module) => module.reflectionEs),
);
