/** The Spanish words of `<tend-concern>`, loaded only when a page's language is Spanish. */
import { pick } from '../../i18n/localize.js';
import type { ConcernMessages } from './concern.messages.js';

export const es: ConcernMessages = {
  heading: 'Plantear una inquietud',
  intro:
    'Si algo de cómo hacemos las cosas no te está funcionando, puedes decirlo aquí. Una persona moderadora lo leerá y te responderá.',
  needsServer:
    'Las inquietudes necesitan el servidor de la comunidad, donde quienes moderan pueden leerlas y responderlas. Esta página guarda todo solo en tu navegador, así que no habría nadie para responder: desde aquí no se puede enviar nada.',
  where: 'Las inquietudes van al servidor de la comunidad, donde solo las leen quienes moderan.',
  loading: 'Leyendo tus inquietudes…',
  aboutLegend: '¿Sobre qué es?',
  about: pick({
    post: 'Esta publicación',
    rotation: 'Esta rotación',
    community: 'Cómo van las cosas en la comunidad',
  }),
  kindLegend: '¿Qué te gustaría decir?',
  kind: pick({
    'asked-too-often': 'Me han pedido demasiadas veces',
    'rotation-too-much': 'Esta rotación es demasiado para la familia',
    'request-uncomfortable': 'Una petición me hizo sentir incómodo o incómoda',
    other: 'Otra cosa, con mis palabras',
  }),
  textLabel: 'Con tus palabras',
  textHint: 'Di tanto o tan poco como quieras. Solo lo leen quienes moderan.',
  needText: 'Dilo con tus palabras, para que alguien de moderación pueda responder.',
  needKind: 'Elige qué te gustaría decir, o dilo con tus palabras.',
  visibilityLegend: '¿Quién puede saber que fuiste tú?',
  visibility: pick({ moderators: 'Solo quienes moderan', anonymous: 'Nadie (anónimo)' }),
  visibilityHint: pick({
    moderators:
      'Quienes moderan ven tu nombre junto a la inquietud. Nadie más la ve, ni sabe que la planteaste, y la respuesta llega de «una persona moderadora».',
    anonymous:
      'Nadie sabe que fuiste tú, tampoco quienes moderan. Solo puedes seguirla desde este navegador: en otro dispositivo, o si se borran los datos de este navegador, ya no se puede seguir.',
  }),
  send: 'Enviar a quienes moderan',
  sending: 'Enviando…',
  sent: 'Gracias por decirlo. Una persona moderadora te responderá aquí.',
  queued:
    'Ahora mismo no tienes conexión. Tu inquietud espera en este dispositivo y llegará a quienes moderan en cuanto vuelvas a tenerla.',
  offline:
    'Ahora mismo no tienes conexión, así que no se envió nada. Tus palabras siguen aquí: envíalas de nuevo cuando vuelvas a tener conexión.',
  busy: 'Se plantearon muchas inquietudes aquí hace un momento. Prueba otra vez dentro de un minuto: tus palabras siguen aquí.',
  failed: 'No se pudo enviar ahora. Tus palabras siguen aquí: prueba otra vez en un momento.',
  keyFailed:
    'Este navegador no pudo guardar lo necesario para seguir una inquietud anónima, así que no se envió nada. Puedes elegir «solo quienes moderan», o probar otra vez.',
  raiseAnother: 'Plantear otra inquietud',
  cancel: 'Cancelar',

  mineHeading: 'Tus inquietudes',
  state: pick({
    waiting: 'Esperando respuesta',
    open: 'Abierta',
    acknowledged: 'Alguien de moderación la ha visto',
    'acted-on': 'Moderación ha actuado',
    closed: 'Cerrada',
  }),
  aboutLine: pick({
    post: 'Sobre una publicación',
    rotation: 'Sobre una rotación',
    community: 'Sobre cómo van las cosas en la comunidad',
  }),
  whoLine: pick({
    moderators: 'Solo quienes moderan saben que fuiste tú.',
    anonymous: 'Anónima: nadie sabe que fuiste tú. La sigues desde este navegador.',
  }),
  threadLabel: 'Lo que se ha dicho',
  you: 'Tú',
  aModerator: 'Moderación',
  moved: pick({
    open: 'Reabierta.',
    acknowledged: 'Marcada como vista.',
    'acted-on': 'Marcada como atendida.',
    closed: 'Cerrada.',
  }),
  addLabel: 'Añadir algo',
  add: 'Añadir',
  added: 'Añadido. Alguien de moderación lo leerá.',
  closedNote: 'Esta inquietud está cerrada. Si para ti no está resuelta, puedes reabrirla.',
  reopenLabel: 'Por qué la reabres (opcional)',
  reopen: 'Reabrir',
  reopened: 'Reabierta. Una persona moderadora te responderá aquí.',
  needWords: 'Escribe primero lo que quieres añadir.',
  unknown:
    'El servidor no conoce esta inquietud: puede que nunca se enviara. No se guarda nada más sobre ella.',
  forget: 'Olvidarla en este navegador',
  unreadable: 'Ahora no se puede leer esta inquietud. Volverá a aparecer cuando vuelva la conexión.',
  retry: 'Probar otra vez',
  refused: pick({
    closed: 'Se cerró hace un momento. Puedes reabrirla.',
    'not-closed': 'Se reabrió hace un momento: ya puedes añadir algo.',
    'thread-full': 'Esta inquietud ya es todo lo larga que puede ser. Plantea una nueva, por favor.',
  }),
};
