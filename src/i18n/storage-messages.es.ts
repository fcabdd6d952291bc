/** The Spanish words of the storage line every element shows, loaded only when a page's language is Spanish. */
import { plural } from './localize.js';
import type { StorageMessages } from './storage-messages.js';

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
