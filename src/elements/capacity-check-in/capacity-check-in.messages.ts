/** Every word `<tend-capacity-check-in>` shows, in English and Spanish. */
import { plural, registerMessages } from '../../i18n/localize.js';

const pick = (words: Record<string, string>) => (key: string) => words[key] ?? key;

export const en = {
  mineHeading: 'My check-in',
  levelLegend: 'How much room do you have right now?',
  levelHint: 'Resting is a fine answer.',
  level: pick({ resting: 'Resting', 'a-little': 'A little', some: 'Some', plenty: 'Plenty' }),
  kindsLegend: 'Room for',
  /** A kind of support; a site's own kinds show as written. */
  kind: pick({ listening: 'Listening', practical: 'Practical help', hosting: 'Hosting' }),
  noteLabel: 'A short note (optional)',
  noteHint: 'For example: can listen tonight, can’t host.',
  holdLegend: 'How long does this hold?',
  hold: pick({
    tonight: 'Until tonight',
    tomorrow: 'Until tomorrow night',
    week: 'For a week',
    date: 'Until a day I choose',
  }),
  dateLabel: 'Last day',
  visibilityLegend: 'Who sees it?',
  visibility: pick({ 'just-me': 'Just me', counted: 'Count me, don’t name me', circle: 'My circle' }),
  save: 'Save my check-in',
  clear: 'Clear my check-in',
  needLevel: 'Choose how much room you have, then save.',
  needDate: 'Choose a day from today up to a month ahead.',
  saved: 'Saved. Thank you for saying how you are.',
  cleared: 'Cleared. Check in again whenever you like.',
  none: 'You haven’t checked in yet.',
  expired: 'Your last check-in has ended, so it no longer counts. Check in again whenever you like.',
  tonight: 'until tonight',
  tomorrow: 'until tomorrow night',
  through: (day: string) => `through ${day}`,
  /**
   * Who sees a check-in: exactly what leaves for others with each choice (under the choice, and
   * once saved). On storage only this browser sees, `just-me` whatever the choice.
   */
  seenBy: pick({
    'just-me': 'Only you can see it.',
    counted: 'Added into the circle’s totals once enough people are counted, without your name or note.',
    circle: 'Your name, room and note are shown to the circle.',
  }),
  circleHeading: 'The circle at a glance',
  withRoom: (count: number, lang: string) =>
    plural(lang, count, { one: '# person has room right now.', other: '# people have room right now.' }),
  noTotal: (min: number) => `Numbers show once ${min} or more people have room, so nobody is singled out.`,
  /** While the server's figures for the circle are on their way. */
  figuresLoading: 'Reading the circle’s numbers…',
  figuresUnreadable:
    'The circle’s numbers can’t be read just now. They’ll show again once the connection is back.',
  kindTotal: (count: number, lang: string) => plural(lang, count, { one: '# person', other: '# people' }),
  unnamed: (count: number, lang: string) => plural(lang, count, { other: '# more (not named)' }),
  nobodyNamed: 'No one named yet',
  /** After a figure when none of the people behind it chose to be named. */
  noneNamed: 'none of them named',
  someone: 'Someone',
  you: 'You',
  askHeading: 'Who could I ask?',
  askKind: 'Kind of support',
  askHint:
    'People asked less lately, and with more room, come first, so asks spread out. Asking first leaves room for no.',
  askNobody:
    'No one has said they have room for this right now. It may be a night to rest, or to ask more widely.',
  /** A button that notes an ask made elsewhere (in person, by message), so asks spread out. */
  asked: (name: string) => `Note that I asked ${name}`,
  youAsked: (when: string) => `You asked ${when}.`,
  justNow: 'just now',
  askNoted: (name: string) => `Noted that you asked ${name}. Thank you for asking first.`,
  patternHeading: 'My last 14 days',
  patternLabel: 'Your room each day over the last 14 days; taller bars mean more room.',
  patternNone: 'Your check-ins will draw a small picture here over the days.',
  patternDays: 'Day by day',
  noCheckIn: 'no check-in',
  /** A person's own note, quoted. */
  quoted: (note: string) => `“${note}”`,
  /** Shown from 4 low days of 7. */
  lowStretch: (count: number, lang: string) =>
    plural(lang, count, {
      other:
        'You’ve had little room on # of the last 7 days. That’s worth noticing: it may be time to lean on others, or rest.',
    }),
  /** The one line of a current check-in: its level, for what (`kinds`, a list, may be empty) and until when. */
  settled: (level: string, kinds: string, until: string) =>
    level === 'resting'
      ? `Resting, ${until}.`
      : `${pick({ 'a-little': 'A little room', some: 'Some room', plenty: 'Plenty of room' })(level)}${kinds ? ` for ${kinds}` : ''}, ${until}.`,
  change: 'Change',
  cancel: 'Cancel',
  /** Said when the person closes the form without saving. */
  unchanged: 'Nothing changed.',
  /** On storage only this browser sees: what a shared site adds (the `local-only` slot's default). */
  sharedAdds: 'On a shared community site, you could also see who has room and let others see yours.',
};

export type CapacityMessages = typeof en;

export const es: CapacityMessages = {
  mineHeading: 'Cómo estoy',
  levelLegend: '¿Cuánto margen tienes ahora mismo?',
  levelHint: 'Descansar es una buena respuesta.',
  level: pick({ resting: 'Descansando', 'a-little': 'Un poco', some: 'Algo', plenty: 'Mucho' }),
  kindsLegend: 'Margen para',
  kind: pick({ listening: 'Escuchar', practical: 'Ayuda práctica', hosting: 'Acoger' }),
  noteLabel: 'Una nota breve (opcional)',
  noteHint: 'Por ejemplo: puedo escuchar esta noche, no puedo acoger.',
  holdLegend: '¿Hasta cuándo vale?',
  hold: pick({
    tonight: 'Hasta esta noche',
    tomorrow: 'Hasta mañana por la noche',
    week: 'Durante una semana',
    date: 'Hasta el día que elija',
  }),
  dateLabel: 'Último día',
  visibilityLegend: '¿Quién lo ve?',
  visibility: pick({ 'just-me': 'Solo yo', counted: 'Contarme, sin mi nombre', circle: 'Mi círculo' }),
  save: 'Guardar',
  clear: 'Borrar lo que dije',
  needLevel: 'Elige cuánto margen tienes y guarda.',
  needDate: 'Elige un día entre hoy y dentro de un mes.',
  saved: 'Guardado. Gracias por contar cómo estás.',
  cleared: 'Borrado. Vuelve a contarlo cuando quieras.',
  none: 'Aún no has dicho cómo estás.',
  expired: 'Lo último que dijiste ya terminó, así que ya no cuenta. Vuelve a contarlo cuando quieras.',
  tonight: 'hasta esta noche',
  tomorrow: 'hasta mañana por la noche',
  through: (day: string) => `hasta el ${day}`,
  seenBy: pick({
    'just-me': 'Solo tú lo ves.',
    counted:
      'Se suma a los totales del círculo cuando hay suficientes personas contadas, sin tu nombre ni tu nota.',
    circle: 'Tu círculo ve tu nombre, tu margen y tu nota.',
  }),
  circleHeading: 'El círculo de un vistazo',
  withRoom: (count: number, lang: string) =>
    plural(lang, count, { one: '# persona tiene margen ahora.', other: '# personas tienen margen ahora.' }),
  noTotal: (min: number) =>
    `Los números aparecen cuando ${min} o más personas tienen margen, para no señalar a nadie.`,
  figuresLoading: 'Leyendo los números del círculo…',
  figuresUnreadable:
    'Ahora no se pueden leer los números del círculo. Volverán a aparecer cuando vuelva la conexión.',
  kindTotal: (count: number, lang: string) => plural(lang, count, { one: '# persona', other: '# personas' }),
  unnamed: (count: number, lang: string) => plural(lang, count, { other: '# más (sin nombre)' }),
  nobodyNamed: 'Nadie con nombre aún',
  noneNamed: 'ninguna con nombre',
  someone: 'Alguien',
  you: 'Tú',
  askHeading: '¿A quién podría pedir ayuda?',
  askKind: 'Tipo de apoyo',
  askHint:
    'Primero, quien tiene más margen y a quien se le ha pedido menos, para repartir. Preguntar antes deja espacio para un no.',
  askNobody:
    'Nadie ha dicho que tenga margen para esto ahora. Quizá sea noche de descansar, o de preguntar a más gente.',
  asked: (name: string) => `Anotar que se lo pedí a ${name}`,
  youAsked: (when: string) => `Se lo pediste ${when}.`,
  justNow: 'hace un momento',
  askNoted: (name: string) => `Anotado: se lo pediste a ${name}. Gracias por preguntar antes.`,
  patternHeading: 'Mis últimos 14 días',
  patternLabel: 'Tu margen cada día de los últimos 14 días; las barras más altas son más margen.',
  patternNone: 'Lo que vayas diciendo dibujará aquí una pequeña imagen con los días.',
  patternDays: 'Día a día',
  noCheckIn: 'sin registro',
  quoted: (note: string) => `«${note}»`,
  lowStretch: (count: number, lang: string) =>
    plural(lang, count, {
      other:
        'Has tenido poco margen # de los últimos 7 días. Vale la pena fijarse: quizá sea momento de apoyarte en otras personas, o de descansar.',
    }),
  settled: (level: string, kinds: string, until: string) =>
    level === 'resting'
      ? `Descansando, ${until}.`
      : `${pick({ 'a-little': 'Un poco de margen', some: 'Algo de margen', plenty: 'Mucho margen' })(level)}${kinds ? ` para ${kinds}` : ''}, ${until}.`,
  change: 'Cambiar',
  cancel: 'Cancelar',
  unchanged: 'No cambió nada.',
  sharedAdds:
    'En un sitio compartido de tu comunidad, también podrías ver quién tiene margen y dejar que otras personas vean el tuyo.',
};

registerMessages('tend-capacity-check-in', 'es', es);
