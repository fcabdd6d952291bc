/** Every word `<tend-capacity-check-in>` shows, in English (other languages: one module each, e.g. the `.es.ts` beside this file). */
import { pick, plural, registerLanguage } from '../../i18n/localize.js';

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

registerLanguage('tend-capacity-check-in', 'es', () =>
  import('./capacity-check-in.es.js').then((module) => module.es),
);
