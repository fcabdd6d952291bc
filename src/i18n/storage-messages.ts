/**
 * What every element says about where its records live and how saving goes: one place, so a
 * person hears the same words from every widget.
 */
import { plural, registerLanguage } from './localize.js';

export const storageEn = {
  savedInBrowser: 'Saved only in this browser. Nothing leaves your device.',
  savedInMemory: 'Saving only until you close this page: this browser is not letting us keep anything.',
  savedShared: 'Saved to your community’s shared space.',
  opening: 'Opening storage…',
  saving: 'Saving…',
  waiting: (count: number, lang = 'en') =>
    plural(lang, count, { one: 'Waiting to sync (# change).', other: 'Waiting to sync (# changes).' }),
  problemQuota:
    'This browser’s storage is full, so your last change isn’t saved yet. Your words are still here.',
  problemUnavailable:
    'This browser is blocking storage, so your last change isn’t saved. Your words are still here.',
  problemOffline: 'You seem to be offline. Your change is kept and will be sent when you’re back.',
  problemConflict: 'Someone changed this at the same moment. Nothing is lost: please look and try again.',
  problemRights: 'This isn’t yours to change, so it was left as it was.',
  problemSignIn: 'Please sign in again to save this.',
  problemBusy: 'Lots of changes at once: please wait a moment and try again.',
  problemOther: 'Your last change couldn’t be saved. Your words are still here; please try again.',
  problemNotSynced:
    'A change you made while offline couldn’t be saved: it was changed elsewhere first, or it wasn’t yours to change. The latest version is shown.',
};

export type StorageMessages = typeof storageEn;

registerLanguage('tend-storage', 'es', () =>
  import('./storage-messages.es.js').then((module) => module.storageEs),
);
