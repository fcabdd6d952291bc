/** The Spanish words of `<tend-capacity-check-in>`, loaded only when a page's language is Spanish. */
import { pick, plural } from '../../i18n/localize.js';
import type { CapacityMessages } from './capacity-check-in.messages.js';

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
