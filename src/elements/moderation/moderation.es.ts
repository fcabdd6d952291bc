/** The Spanish words of `<tend-moderation>`, loaded only when a page's language is Spanish. */
import { num, pick, plural } from '../../i18n/localize.js';
import type { ModerationMessages } from './moderation.messages.js';

export const es: ModerationMessages = {
  heading: 'Inquietudes por responder',
  intro:
    'Una inquietud es información, no un ataque: alguien le está diciendo a la comunidad dónde duele. Agradécelo, responde con claridad y di qué va a cambiar. Quien la planteó ve tus respuestas firmadas como «Moderación», sin tu nombre.',
  notModerator:
    'Aquí es donde quienes moderan la comunidad responden las inquietudes. Solo lo ven ellas y ellos.',
  notModeratorHere:
    'Aquí es donde quienes moderan la comunidad responden las inquietudes. Ahora el servidor de la comunidad no te cuenta entre quienes moderan, así que aquí no hay nada que mostrar. Si moderas, volver a iniciar sesión puede ayudar.',
  needsServer:
    'La moderación necesita el servidor de la comunidad: con almacenamiento que solo ve este navegador, no hay inquietudes que responder.',
  loading: 'Leyendo las inquietudes…',
  readError: 'Ahora no se pudieron leer las inquietudes. Prueba otra vez en un momento.',
  queueEmpty: 'Ninguna inquietud espera respuesta. Gracias por mirar.',
  queueLabel: 'Inquietudes abiertas, la que más lleva esperando primero',
  closedHeading: (n: number, lang: string) => `Cerradas (${num(lang, n)})`,
  kind: pick({
    'asked-too-often': '«Me han pedido demasiadas veces»',
    'rotation-too-much': '«Esta rotación es demasiado para la familia»',
    'request-uncomfortable': '«Una petición me hizo sentir incómodo o incómoda»',
    other: 'Con sus palabras',
  }),
  about: (about: string, title?: string) =>
    about === 'community'
      ? 'Sobre cómo van las cosas en la comunidad'
      : title
        ? `Sobre ${about === 'rotation' ? 'la rotación' : 'la publicación'} «${title}»`
        : `Sobre ${about === 'rotation' ? 'una rotación' : 'una publicación'} que ya no está en el tablón`,
  raisedBy: (name: string) => `Planteada por ${name} (solo quienes moderan ven quién)`,
  raisedAnonymously: 'Planteada de forma anónima: nadie sabe quién fue',
  someone: 'Alguien',
  state: pick({
    open: 'Abierta',
    acknowledged: 'Vista',
    'acted-on': 'Atendida',
    closed: 'Cerrada',
  }),
  waited: (ms: number, lang: string) => {
    const minutes = Math.floor(ms / 60_000);
    const hours = Math.floor(ms / 3_600_000);
    const days = Math.floor(ms / 86_400_000);
    if (days >= 1)
      return plural(lang, days, {
        one: 'Esperando respuesta desde hace # día',
        other: 'Esperando respuesta desde hace # días',
      });
    if (hours >= 1)
      return plural(lang, hours, {
        one: 'Esperando respuesta desde hace # hora',
        other: 'Esperando respuesta desde hace # horas',
      });
    return plural(lang, Math.max(1, minutes), {
      one: 'Esperando respuesta desde hace # minuto',
      other: 'Esperando respuesta desde hace # minutos',
    });
  },
  answered: 'Respondida',
  threadLabel: 'Lo que se ha dicho',
  raiser: (name: string | undefined) => (name ? name : 'Quien la planteó'),
  moderatorNamed: (name: string | undefined) => (name ? `${name} (moderación)` : 'Moderación'),
  you: 'Tú (moderación)',
  moved: pick({
    open: 'Vuelta a abierta.',
    acknowledged: 'Marcada como vista.',
    'acted-on': 'Marcada como atendida.',
    closed: 'Cerrada.',
  }),
  answer: 'Responder',
  cancel: 'Cancelar',
  answerLabel: 'Tu respuesta (quien la planteó la lee)',
  answerState: 'Y marcarla como',
  keepState: 'Dejar el estado como está',
  markAs: pick({
    open: 'Abierta',
    acknowledged: 'Vista',
    'acted-on': 'Atendida',
    closed: 'Cerrada',
  }),
  sendAnswer: 'Enviar respuesta',
  needAnswer: 'Escribe primero una respuesta.',
  answeredDone: 'Respuesta enviada. Quien la planteó ya puede leerla.',
  markAcknowledged: 'Marcar como vista',
  markActedOn: 'Marcar como atendida',
  close: 'Cerrar',
  answerFirst:
    'Responde primero: una inquietud solo se cierra cuando quien la planteó puede leer una respuesta.',
  closedNote: 'Cerrada. Solo quien la planteó puede reabrirla; tú aún puedes responder.',
  stateDone: pick({
    open: 'Vuelta a abierta.',
    acknowledged: 'Marcada como vista.',
    'acted-on': 'Marcada como atendida.',
    closed: 'Cerrada. Quien la planteó puede reabrirla si para esa persona no está resuelta.',
  }),

  hiddenHeading: 'Publicaciones ocultas',
  hiddenNone: 'No hay ninguna publicación oculta.',
  hiddenAt: (when: string) => `Oculta ${when}`,
  reasonLine: (reason: string) => `Motivo que lee quien la publicó: «${reason}»`,
  postBy: (name: string) => `de ${name}`,
  author: (name: string | undefined) => name ?? 'Quien la publicó',
  replyLabel: 'Tu respuesta a quien la publicó',
  reply: 'Enviar',
  replied: 'Enviado. Quien la publicó ya puede leerlo.',
  unhide: 'Volver a mostrarla',
  unhidden: 'La publicación vuelve a estar en el tablón.',

  logHeading: 'Lo que ha hecho la moderación',
  logIntro:
    'Cada paso sobre una inquietud o una publicación, con quién lo dio y cuándo. Quienes moderan rinden cuentas entre sí aquí; nunca se nombra a quien plantea una inquietud anónima.',
  showLog: 'Mostrar el registro',
  logEmpty: 'Todavía no ha pasado nada.',
  logLabel: 'Pasos, el más reciente primero',
  showOlder: 'Mostrar pasos anteriores',
  logStep: (action: string, who: string, state?: string) =>
    ({
      raise: `${who} planteó una inquietud`,
      add: `${who} añadió algo a una inquietud`,
      reopen: `${who} reabrió una inquietud`,
      answer: state ? `${who} respondió una inquietud (ahora ${state})` : `${who} respondió una inquietud`,
      'set-state': `${who} marcó una inquietud como ${state ?? ''}`.trim(),
      hide: `${who} ocultó una publicación`,
      unhide: `${who} volvió a mostrar una publicación`,
      'hide-reply': `${who} respondió sobre una publicación oculta`,
    })[action] ?? `${who}: ${action}`,
  logAnonymous: 'Una persona anónima',
  logTarget: (title: string) => `«${title}»`,
  stateWord: pick({
    open: 'abierta',
    acknowledged: 'vista',
    'acted-on': 'atendida',
    closed: 'cerrada',
  }),

  failed: 'Eso no se pudo hacer ahora. Prueba otra vez en un momento.',
  offline: 'Ahora mismo no tienes conexión: se enviará en cuanto vuelvas a tenerla.',
  refused: pick({
    'answer-first': 'Responde primero: quien la planteó añadió algo que aún no tiene respuesta.',
    closed: 'Esta inquietud está cerrada: solo quien la planteó puede reabrirla.',
    'thread-full': 'Esta inquietud ya no admite más. Quien la planteó puede plantear una nueva.',
    'not-hidden': 'Esta publicación ya no está oculta.',
    hidden: 'Esta publicación ya está oculta.',
    'moderators-only': 'Solo quienes moderan pueden hacer esto, y el servidor no te cuenta como tal.',
    'not-found': 'Esto ya no está.',
  }),
};
