/** The Spanish words of `<tend-offer-board>`, loaded only when a page's language is Spanish. */
import { num, pick, plural } from '../../i18n/localize.js';
import type { BoardMessages } from './offer-board.messages.js';

export const es: BoardMessages = {
  heading: 'Ofrecimientos y necesidades',
  intro: 'Ofrece lo que no te pese después. Si necesitas dejarlo, déjalo: no hace falta dar razones.',
  newOffer: 'Ofrecer algo',
  newNeed: 'Pedir algo',
  newRotation: 'Organizar una rotación',
  loading: 'Cargando el tablón…',
  readError: 'No se pudo cargar el tablón ahora mismo. Vuelve a intentarlo en un momento.',
  dialogsUnavailable:
    'Esta parte del tablón no se pudo cargar. Revisa tu conexión y vuelve a cargar la página.',
  kind: pick({ offer: 'Ofrecimiento', need: 'Necesidad', rotation: 'Rotación' }),
  category: pick({
    meals: 'Comidas',
    rides: 'Transporte',
    errands: 'Recados',
    childcare: 'Cuidado infantil',
    listening: 'Escucha',
    stay: 'Un lugar donde quedarse',
    other: 'Otra cosa',
  }),

  filtersLabel: 'Buscar publicaciones',
  show: 'Mostrar',
  showKind: pick({ all: 'Todo', offer: 'Ofrecimientos', need: 'Necesidades', rotation: 'Rotaciones' }),
  categoryLabel: 'Categoría',
  allCategories: 'Todas las categorías',
  openOnly: 'Solo abiertas',
  mine: 'Mías',
  search: 'Buscar',
  sort: 'Orden',
  sortBy: pick({ soonest: 'Más próximas primero', newest: 'Más recientes primero' }),
  matches: (n: number, lang: string) =>
    plural(lang, n, { one: '# publicación coincide.', other: '# publicaciones coinciden.' }),
  empty: 'Todavía no hay nada. Ofrecer algo o pedir algo es un buen comienzo.',
  noMatches: 'Nada coincide con estos filtros.',
  postsLabel: 'Publicaciones',

  by: (name: string) => `de ${name}`,
  someone: 'Alguien',
  spotsOpen: (open: number, total: number, lang: string) =>
    plural(lang, total, {
      one: `${num(lang, open)} de # lugar libre`,
      other: `${num(lang, open)} de # lugares libres`,
    }),
  state: pick({
    full: 'Completo: ya no quedan lugares. Gracias a todo el mundo.',
    withdrawn: 'Retirado',
    expired: 'Esto ya terminó.',
    paused: 'En pausa por ahora',
  }),
  withdrawnNote: (name: string) => `${name} retiró esto. No tienes que hacer nada: gracias por sumarte.`,
  pausedNote: 'Dijeron que, por ahora, es suficiente. Si te apuntaste, tu fecha sigue en pie. Gracias.',
  newlyOpen: 'Se acaba de liberar',
  when: 'Cuándo',
  flexible: 'Flexible',
  place: 'Dónde',
  until: 'Disponible hasta',
  terms: 'Condiciones',
  askFirstTerm: 'Pregúntame antes',
  oncePerWeekTerm: 'Como mucho una vez por semana por persona',
  quietHours: 'Horas de descanso',
  privateHeading: 'Solo para quienes se apuntaron',
  waiting: (days: number, lang: string) =>
    plural(lang, days, {
      one: 'Esperando a alguien desde hace # día',
      other: 'Esperando a alguien desde hace # días',
    }),

  claimNeed: 'Puedo ayudar',
  claimOffer: 'Me vendría bien',
  askOffer: 'Pedirlo',
  release: 'Liberar mi lugar',
  edit: 'Editar',
  withdraw: 'Retirar',
  accept: 'Decir que sí',
  decline: 'Esta vez no',
  markDone: 'Marcar como hecho',
  thank: 'Dar las gracias',
  mineState: pick({
    active: 'Te apuntaste. Gracias.',
    requested: 'Lo pediste. Te dirán que sí o que esta vez no.',
    declined: 'Esta vez no pudo ser. Gracias por pedirlo.',
    done: 'Hecho. Gracias.',
  }),
  claimsHeading: pick({ need: 'Quién ayuda', offer: 'Para quién es' }),
  claimState: pick({ requested: 'lo pidió', active: 'se apuntó', done: 'hecho' }),

  error: pick({
    full: 'Alguien tomó el último lugar justo antes que tú. Gracias de todos modos.',
    'slot-taken': 'Alguien se apuntó justo antes que tú. Gracias: puede que haya otra fecha libre.',
    withdrawn: 'Esto se retiró hace un momento, así que ya no se puede tomar.',
    expired: 'Esto ya terminó, así que ya no se puede tomar.',
    paused: 'Dijeron que, por ahora, es suficiente, así que las fechas libres están en pausa.',
    'past-date': 'Ese día ya pasó.',
    'already-claimed': 'Ya tienes un lugar aquí.',
    'once-a-week':
      'Este ofrecimiento es como mucho una vez por semana por persona. Pronto podrás volver a pedirlo.',
    'has-claims':
      'Alguien tiene un lugar que este cambio quitaría. Puede liberarlo, o puedes retirar la publicación.',
    'not-yours': 'Esto no es tuyo, así que no se ha cambiado.',
    invalid: 'Algo no encaja. Revísalo y vuelve a intentarlo.',
    'not-found': 'Esto ya no está en el tablón.',
    'own-post': 'Esta publicación es tuya, así que no hay nada que tomar.',
    'fixed-field': 'Esa parte de una publicación se queda como se publicó, así que no se cambió nada.',
    hidden: 'La moderación ya la ha ocultado.',
    'not-hidden': 'Ya no está oculta.',
    'moderators-only': 'Solo quienes moderan pueden hacer eso, y el servidor no te cuenta como tal.',
  }),
  released: 'Liberado. El lugar vuelve a estar libre para otra persona.',
  posted: 'Publicado. Gracias.',
  saved: 'Guardado.',
  withdrawnDone: 'Retirado. Gracias por avisar.',

  forRecipient: (name: string) => `Para ${name}`,
  notes: 'Notas',
  datesOpen: (open: number, total: number, lang: string) =>
    plural(lang, total, {
      one: `${num(lang, open)} de # fecha libre`,
      other: `${num(lang, open)} de # fechas libres`,
    }),
  viewLabel: 'Ver las fechas como',
  listView: 'Lista',
  calendarView: 'Calendario',
  signUp: (date: string) => `Apuntarme el ${date}`,
  releaseDate: (date: string) => `Liberar el ${date}`,
  dateState: pick({ open: 'libre', mine: 'tuya', filled: 'cubierta', past: 'pasada', paused: 'en pausa' }),
  pause: 'Por ahora es suficiente',
  resume: 'Volver a abrir las fechas',

  formTitle: pick({ offer: 'Ofrecer algo', need: 'Pedir algo', edit: 'Editar tu publicación' }),
  title: 'Título',
  details: 'Detalles',
  slots: 'Cuántas personas o veces',
  flexibleLabel: 'Cuando sea (flexible)',
  from: 'Desde',
  to: 'Hasta',
  placeLabel: 'Lugar (opcional)',
  expires: 'Mostrar hasta (opcional)',
  termsLegend: 'Condiciones (opcional)',
  askFirst: 'Pregúntame antes: diré que sí o que no a cada petición',
  quietHoursLabel: 'Horas de descanso (opcional)',
  privateLabel: 'Solo para quienes se apunten (opcional): una dirección, un código de puerta, un teléfono',
  privateHint: 'Solo lo ve quien tenga su lugar confirmado, no todo el que mire el tablón.',
  cancel: 'Cancelar',
  post: 'Publicar',
  save: 'Guardar',
  close: 'Cerrar',

  checkHeading: 'Una pregunta rápida antes de publicar',
  checkTired: '¿Podrías hacerlo también en un día de cansancio?',
  checkSmaller: '¿Sería más fácil cumplir un ofrecimiento más pequeño?',
  shrink: (from: number, to: number) => `Que sean ${to} en vez de ${from}`,
  postIt: 'Publicarlo',
  back: 'Volver a editar',
  yourWeek: (n: number, lang: string) =>
    n
      ? plural(lang, n, {
          one: 'Esta semana tienes # cosa pendiente.',
          other: 'Esta semana tienes # cosas pendientes.',
        })
      : 'No tienes nada más pendiente esta semana.',
  regretNote: 'Hace poco dijiste que quizá no volverías a ofrecer algo. Está bien ofrecer menos.',

  nudgeHeading: '¿Todavía quieres encargarte de esto?',
  nudgeBody: (count: number, limit: number, lang: string) =>
    plural(lang, count, {
      one: `Ya tienes # cosa pendiente esta semana. Este tablón sugiere no pasar de ${limit}, para que nadie cargue con demasiado.`,
      other: `Ya tienes # cosas pendientes esta semana. Este tablón sugiere no pasar de ${limit}, para que nadie cargue con demasiado.`,
    }),
  nudgeYes: 'Sí, tengo margen',
  nudgeNo: 'Esta vez no',

  againHeading: '¿Volverías a ofrecer esto?',
  againBody: 'Solo tú ves esta respuesta. Un «no» te ayuda a medir tu próximo ofrecimiento.',
  againYes: 'Sí',
  againNo: 'No, así no',
  later: 'Ahora no',

  thanksHeading: 'Dar las gracias',
  thanksLabel: 'Tu agradecimiento (una o dos líneas)',
  send: 'Enviar',

  loadHeading: 'Cómo se reparte la ayuda esta semana',
  loadNone: 'Todavía no hay ayuda registrada esta semana.',
  loadQuiet: 'Esta semana ya se ha dado algo de ayuda. Gracias a quienes ayudaron.',
  loadShared: (people: number, lang: string) =>
    plural(lang, people, {
      one: 'La ayuda de esta semana se repartió entre # persona. Gracias.',
      other: 'La ayuda de esta semana se repartió entre # personas. Gracias a todo el mundo.',
    }),
  loadMost: (most: number, people: number, lang: string) =>
    `La mayor parte de la ayuda de esta semana vino de ${most < 2 ? 'muy pocas' : num(lang, most)} de las ${num(lang, people)} personas que ayudaron. Si tienes margen, una necesidad abierta es un buen lugar para empezar.`,
  onlyYou: 'Solo para ti:',
  youHelped: (n: number, lang: string) =>
    plural(lang, n, {
      one: 'Ayudaste # vez esta semana. Gracias.',
      other: 'Ayudaste # veces esta semana. Gracias.',
    }),
  restNote: 'Has dado mucho esta semana. Está bien descansar, o decir «esta vez no».',
  yourLoad: (n: number, lang: string) =>
    n
      ? plural(lang, n, {
          one: 'Esta semana tienes # cosa pendiente.',
          other: 'Esta semana tienes # cosas pendientes.',
        })
      : 'No tienes nada pendiente esta semana.',
  overLimit: (limit: number) => `Es más de lo que sugiere este tablón (${limit}). Está bien liberar algo.`,
  staleCount: (n: number, lang: string) =>
    plural(lang, n, {
      one: '# necesidad lleva 3 días o más esperando a alguien.',
      other: '# necesidades llevan 3 días o más esperando a alguien.',
    }),

  rotationHeading: 'Organizar una rotación',
  rotationTitle: '¿Para qué es? (por ejemplo, comidas para una familia con un bebé)',
  recipient: 'Para quién es',
  rotationNotes: 'Notas para quien ayude: dieta, hora de entrega, «sin visitas, por favor»',
  rotationPrivate: 'Solo para quienes se apunten (opcional): una dirección, un código de puerta',
  datesLegend: 'Fechas',
  byPattern: 'Repetir ciertos días de la semana',
  byPick: 'Elegir las fechas una a una',
  start: 'Desde',
  weekdaysLegend: 'Los días',
  weeks: 'Durante cuántas semanas',
  pickDate: 'Fecha',
  addDate: 'Añadir fecha',
  removeDate: (date: string) => `Quitar el ${date}`,
  datesCount: (n: number, lang: string) =>
    n ? plural(lang, n, { one: '# fecha', other: '# fechas' }) : 'Todavía no hay fechas.',
  startRotation: 'Empezar la rotación',

  offerOrAsk: 'Ofrecer o pedir',
  filter: 'Filtrar',
  filtersOn: (n: number, lang: string) => plural(lang, n, { one: '# activo', other: '# activos' }),
  chooseCategory: 'Elige una categoría',
  categoryMissing: 'Elige una categoría.',
  requestsWaiting: (n: number, lang: string, name?: string) =>
    plural(lang, n, {
      one: `# petición espera ${name ? `el sí de ${name}` : 'tu sí'}`,
      other: `# peticiones esperan ${name ? `el sí de ${name}` : 'tu sí'}`,
    }),
  recipientState: pick({ requested: 'lo pidió', active: 'lo recibe', done: 'lo recibió' }),
  signUpShort: 'Apuntarme',
  releaseShort: 'Liberar',
  signedUp: (date: string) => `Te apuntaste el ${date}. Gracias.`,
  saidYes: (name: string) => `Le dijiste que sí a ${name}.`,
  saidNo: (name: string) => `Le dijiste a ${name} que esta vez no.`,
  thanksSent: 'Tu agradecimiento está enviado.',

  hide: 'Ocultar',
  hideHeading: '¿Ocultar esta publicación?',
  hideBody:
    'Solo la verán quien la publicó y quienes moderan. Quien la publicó lee tu motivo y puede responder; el resto solo ve que se ocultó una publicación.',
  hideReason: 'Por qué (quien la publicó lo lee)',
  needReason: 'Di por qué, para que quien la publicó lo sepa.',
  hideIt: 'Ocultar la publicación',
  hiddenDone: 'Oculta. Quien la publicó puede leer por qué.',
  hiddenHeading: 'Una persona moderadora ocultó esta publicación',
  hiddenModerator: 'Oculta en el tablón',
  hiddenReason: (reason: string) => `Por qué: «${reason}»`,
  hiddenForAuthor:
    'Ahora solo la ven tú y quienes moderan. Puedes responder a la moderación aquí, o plantear una inquietud sobre ella.',
  hiddenForModerator: 'Solo la ven quien la publicó y quienes moderan. Quien la publicó lee el motivo.',
  hideReplyLabel: pick({
    author: 'Tu respuesta a la moderación',
    moderator: 'Tu respuesta a quien la publicó',
  }),
  hideReplyBy: pick({ you: 'Tú', author: 'Quien la publicó', moderator: 'Moderación' }),
  needReply: 'Escribe primero tu respuesta.',
  replySent: 'Enviado.',
  unhide: 'Volver a mostrarla',
  unhidden: 'Vuelve a estar en el tablón.',
  hiddenCount: (n: number, lang: string) =>
    plural(lang, n, {
      one: '# publicación ocultada por la moderación.',
      other: '# publicaciones ocultadas por la moderación.',
    }),
};
