/**
 * What every element says about where its records live and how saving goes: one place, so a
 * person hears the same words from every widget.
 */
import { plural, registerMessages } from './localize.js';

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

export const storageEs: StorageMessages = {
  savedInBrowser: 'Guardado solo en este navegador. Nada sale de tu dispositivo.',
  savedInMemory: 'Se guarda solo hasta que cierres esta página: este navegador no nos deja conservar nada.',
  savedShared: 'Guardado en el espacio compartido de tu comunidad.',
  opening: 'Abriendo el almacenamiento…',
  saving: 'Guardando…',
  waiting: (count: number, lang = 'es') =>
    plural(lang, count, {
      one: 'Pendiente de sincronizar (# cambio).',
      other: 'Pendiente de sincronizar (# cambios).',
    }),
  problemQuota:
    'El almacenamiento de este navegador está lleno, así que tu último cambio aún no se ha guardado. Tus palabras siguen aquí.',
  problemUnavailable:
    'Este navegador está bloqueando el almacenamiento, así que tu último cambio no se ha guardado. Tus palabras siguen aquí.',
  problemOffline: 'Parece que no tienes conexión. Tu cambio se conserva y se enviará cuando vuelvas.',
  problemConflict:
    'Alguien cambió esto en el mismo momento. No se ha perdido nada: échale un vistazo y vuelve a intentarlo.',
  problemRights: 'Esto no es tuyo, así que no se ha cambiado.',
  problemSignIn: 'Vuelve a iniciar sesión para guardar esto.',
  problemBusy: 'Muchos cambios a la vez: espera un momento y vuelve a intentarlo.',
  problemOther: 'Tu último cambio no se pudo guardar. Tus palabras siguen aquí; vuelve a intentarlo.',
  problemNotSynced:
    'Un cambio que hiciste sin conexión no se pudo guardar: alguien lo cambió antes, o no era tuyo. Se muestra la versión más reciente.',
};

registerMessages('tend-storage', 'es', storageEs);
