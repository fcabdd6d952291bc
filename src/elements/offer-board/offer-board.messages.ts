/** Every word `<tend-offer-board>` shows, in English (other languages: one module each, e.g. the `.es.ts` beside this file). */
import { num, pick, plural, registerLanguage } from '../../i18n/localize.js';

export const en = {
  heading: 'Offers and needs',
  intro: 'Offer what you won’t resent later. Let go when you need to: no reason needed.',
  newOffer: 'Offer something',
  newNeed: 'Ask for something',
  newRotation: 'Start a rotation',
  loading: 'Loading the board…',
  readError: 'The board couldn’t be loaded just now. Please try again in a moment.',
  dialogsUnavailable:
    'This part of the board could not be loaded. Check your connection, then reload the page.',
  kind: pick({ offer: 'Offer', need: 'Need', rotation: 'Rotation' }),
  /** A category; a board's own categories show as written. */
  category: pick({
    meals: 'Meals',
    rides: 'Rides',
    errands: 'Errands',
    childcare: 'Childcare',
    listening: 'Listening',
    stay: 'A place to stay',
    other: 'Other',
  }),

  filtersLabel: 'Find posts',
  show: 'Show',
  showKind: pick({ all: 'All', offer: 'Offers', need: 'Needs', rotation: 'Rotations' }),
  categoryLabel: 'Category',
  allCategories: 'All categories',
  openOnly: 'Open only',
  mine: 'Mine',
  search: 'Search',
  sort: 'Sort',
  sortBy: pick({ soonest: 'Soonest first', newest: 'Newest first' }),
  matches: (n: number, lang: string) => plural(lang, n, { one: '# post matches.', other: '# posts match.' }),
  empty: 'Nothing here yet. An offer or a need is a good way to start.',
  noMatches: 'Nothing matches these filters.',
  postsLabel: 'Posts',

  by: (name: string) => `by ${name}`,
  someone: 'Someone',
  /** The noun agrees with the total: "1 of 2 spots open", "1 of 1 spot open". */
  spotsOpen: (open: number, total: number, lang: string) =>
    plural(lang, total, {
      one: `${num(lang, open)} of # spot open`,
      other: `${num(lang, open)} of # spots open`,
    }),
  state: pick({
    full: 'Full: every spot is taken. Thank you, everyone.',
    withdrawn: 'Withdrawn',
    expired: 'This has ended.',
    paused: 'Paused for now',
  }),
  withdrawnNote: (name: string) => `${name} withdrew this. Nothing you need to do: thank you for joining in.`,
  pausedNote: 'They said that’s enough for now. If you’re signed up, your date still stands. Thank you.',
  newlyOpen: 'Newly open',
  when: 'When',
  flexible: 'Flexible',
  place: 'Where',
  until: 'Open until',
  terms: 'Terms',
  askFirstTerm: 'Ask me first',
  oncePerWeekTerm: 'At most once a week per person',
  quietHours: 'Quiet hours',
  privateHeading: 'Just for people signed up',
  waiting: (days: number, lang: string) =>
    plural(lang, days, { one: 'Waiting # day for someone', other: 'Waiting # days for someone' }),

  claimNeed: 'I can help',
  claimOffer: 'I’d like this',
  askOffer: 'Ask for this',
  release: 'Release my spot',
  edit: 'Edit',
  withdraw: 'Withdraw',
  accept: 'Say yes',
  decline: 'Not this time',
  markDone: 'Mark done',
  thank: 'Say thank you',
  mineState: pick({
    active: 'You’re on this. Thank you.',
    requested: 'You asked. They’ll say yes or not this time.',
    declined: 'Not this time. Thank you for asking.',
    done: 'Done. Thank you.',
  }),
  /** Over the people holding a post's spots: they help with a need, and receive an offer. */
  claimsHeading: pick({ need: 'Who’s helping', offer: 'Who it’s for' }),
  claimState: pick({ requested: 'asked', active: 'signed up', done: 'done' }),

  error: pick({
    full: 'Someone took the last spot just before you. Thank you all the same.',
    'slot-taken': 'Someone signed up for that just before you. Thank you: another date may be open.',
    withdrawn: 'This was withdrawn a moment ago, so it can’t be claimed.',
    expired: 'This has ended, so it can’t be claimed.',
    paused: 'They said that’s enough for now, so open dates are paused.',
    'past-date': 'That day has passed.',
    'already-claimed': 'You already have a spot here.',
    'once-a-week': 'This offer is at most once a week per person. It will be open to you again soon.',
    'has-claims':
      'Someone holds a spot this change would remove. They can release it, or you can withdraw the post.',
    'not-yours': 'This isn’t yours to change, so it was left as it was.',
    invalid: 'Something in this doesn’t fit. Please check it and try again.',
    'not-found': 'This isn’t on the board any more.',
    'own-post': 'This is your own post, so there’s nothing to claim.',
    'fixed-field': 'That part of a post stays as it was first posted, so nothing was changed.',
    hidden: 'A moderator has hidden this already.',
    'not-hidden': 'This isn’t hidden any more.',
    'moderators-only': 'Only moderators can do that, and the server doesn’t count you as one.',
  }),
  released: 'Released. The spot is open again for someone else.',
  posted: 'Posted. Thank you.',
  saved: 'Saved.',
  withdrawnDone: 'Withdrawn. Thank you for letting people know.',

  forRecipient: (name: string) => `For ${name}`,
  notes: 'Notes',
  datesOpen: (open: number, total: number, lang: string) =>
    plural(lang, total, {
      one: `${num(lang, open)} of # date open`,
      other: `${num(lang, open)} of # dates open`,
    }),
  viewLabel: 'View dates as',
  listView: 'List',
  calendarView: 'Calendar',
  signUp: (date: string) => `Sign up for ${date}`,
  releaseDate: (date: string) => `Release ${date}`,
  dateState: pick({ open: 'open', mine: 'yours', filled: 'filled', past: 'passed', paused: 'paused' }),
  pause: 'That’s enough for now',
  resume: 'Open dates again',

  formTitle: pick({ offer: 'Offer something', need: 'Ask for something', edit: 'Edit your post' }),
  title: 'Title',
  details: 'Details',
  slots: 'How many people or times',
  flexibleLabel: 'Any time (flexible)',
  from: 'From',
  to: 'Until',
  placeLabel: 'Place (optional)',
  expires: 'Show until (optional)',
  termsLegend: 'Terms (optional)',
  askFirst: 'Ask me first: I’ll say yes or no to each request',
  quietHoursLabel: 'Quiet hours (optional)',
  privateLabel: 'Just for people signed up (optional): an address, a door code, a phone number',
  privateHint: 'Shown only to people whose spot is confirmed, not to everyone browsing.',
  cancel: 'Cancel',
  post: 'Post',
  save: 'Save',
  close: 'Close',

  checkHeading: 'A quick check before you post',
  checkTired: 'Could you still do this on a tired day?',
  checkSmaller: 'Would a smaller offer be easier to keep?',
  shrink: (from: number, to: number) => `Make it ${to} instead of ${from}`,
  postIt: 'Post it',
  back: 'Back to edit',
  yourWeek: (n: number, lang: string) =>
    n
      ? plural(lang, n, { one: 'You have # thing on this week.', other: 'You have # things on this week.' })
      : 'You have nothing else on this week.',
  regretNote: 'Not long ago you said you might not offer something again. It’s fine to offer less.',

  nudgeHeading: 'Do you still want to take this on?',
  nudgeBody: (count: number, limit: number, lang: string) =>
    plural(lang, count, {
      one: `You already have # thing on this week. This board suggests about ${limit}, so nobody carries too much.`,
      other: `You already have # things on this week. This board suggests about ${limit}, so nobody carries too much.`,
    }),
  nudgeYes: 'Yes, I have room',
  nudgeNo: 'Not this time',

  againHeading: 'Would you offer this again?',
  againBody: 'Only you see this answer. A “no” helps you size your next offer.',
  againYes: 'Yes',
  againNo: 'No, not like this',
  later: 'Not now',

  thanksHeading: 'Say thank you',
  thanksLabel: 'Your thank-you (a line or two)',
  send: 'Send',

  loadHeading: 'How this week’s help is spread',
  loadNone: 'No help recorded this week yet.',
  loadQuiet: 'Some help has been given this week. Thank you to everyone who helped.',
  loadShared: (people: number, lang: string) =>
    plural(lang, people, {
      one: 'This week’s help was shared among # person. Thank you.',
      other: 'This week’s help was shared among # people. Thank you, everyone.',
    }),
  /** `most` is 2 or more, or below 2 for "very few"; `people` is at least the board's min-group. */
  loadMost: (most: number, people: number, lang: string) =>
    `Most of this week’s help came from ${most < 2 ? 'very few' : num(lang, most)} of the ${num(lang, people)} people who helped. If you have room, an open need is a kind place to start.`,
  onlyYou: 'Just for you:',
  youHelped: (n: number, lang: string) =>
    plural(lang, n, {
      one: 'You helped # time this week. Thank you.',
      other: 'You helped # times this week. Thank you.',
    }),
  restNote: 'You’ve given a lot this week. It’s fine to rest, or to say “not this time”.',
  yourLoad: (n: number, lang: string) =>
    n
      ? plural(lang, n, { one: 'You have # thing on this week.', other: 'You have # things on this week.' })
      : 'You have nothing on this week.',
  overLimit: (limit: number) =>
    `That’s more than the ${limit} this board suggests. It’s okay to release something.`,
  staleCount: (n: number, lang: string) =>
    plural(lang, n, {
      one: '# need has waited 3 days or more for someone.',
      other: '# needs have waited 3 days or more for someone.',
    }),

  rotationHeading: 'Start a rotation',
  rotationTitle: 'What is it for? (for example, meals for a new family)',
  recipient: 'Who it’s for',
  rotationNotes: 'Notes for helpers: dietary needs, drop-off time, “no visits please”',
  rotationPrivate: 'For people signed up only (optional): an address, a door code',
  datesLegend: 'Dates',
  byPattern: 'Repeat on weekdays',
  byPick: 'Pick dates one by one',
  start: 'Starting',
  weekdaysLegend: 'On',
  weeks: 'For how many weeks',
  pickDate: 'Date',
  addDate: 'Add date',
  removeDate: (date: string) => `Remove ${date}`,
  datesCount: (n: number, lang: string) =>
    n ? plural(lang, n, { one: '# date', other: '# dates' }) : 'No dates yet.',
  startRotation: 'Start rotation',

  offerOrAsk: 'Offer or ask',
  filter: 'Filter',
  filtersOn: (n: number, lang: string) => plural(lang, n, { other: '# on' }),
  chooseCategory: 'Choose a category',
  categoryMissing: 'Please choose a category.',
  /** Requests an "ask me first" offer holds; `name` is the author, or unset for the author's own view. */
  requestsWaiting: (n: number, lang: string, name?: string) =>
    plural(lang, n, {
      one: `# request waiting for ${name ? `${name}’s` : 'your'} yes`,
      other: `# requests waiting for ${name ? `${name}’s` : 'your'} yes`,
    }),
  recipientState: pick({ requested: 'asked', active: 'receiving', done: 'received' }),
  signUpShort: 'Sign up',
  releaseShort: 'Release',
  signedUp: (date: string) => `You’re signed up for ${date}. Thank you.`,
  saidYes: (name: string) => `You said yes to ${name}.`,
  saidNo: (name: string) => `You told ${name} not this time.`,
  thanksSent: 'Your thank-you is sent.',

  hide: 'Hide',
  hideHeading: 'Hide this post?',
  hideBody:
    'Only its author and the moderators will see it. The author reads your reason and can answer it; everyone else sees only that a post was hidden.',
  hideReason: 'Why (the author reads this)',
  needReason: 'Say why, so the author knows.',
  hideIt: 'Hide the post',
  hiddenDone: 'Hidden. Its author can read why.',
  hiddenHeading: 'A moderator hid this post',
  hiddenModerator: 'Hidden from the board',
  hiddenReason: (reason: string) => `Why: “${reason}”`,
  hiddenForAuthor:
    'Only you and the moderators can see it now. You can answer the moderators here, or raise a concern about it.',
  hiddenForModerator: 'Only its author and the moderators see it. The author reads the reason.',
  /** The thread on a hidden post: what the viewer answers, as its author or as a moderator. */
  hideReplyLabel: pick({ author: 'Your answer to the moderators', moderator: 'Your answer to the author' }),
  hideReplyBy: pick({ you: 'You', author: 'The author', moderator: 'A moderator' }),
  needReply: 'Write your answer first.',
  replySent: 'Sent.',
  unhide: 'Show it again',
  unhidden: 'It’s on the board again.',
  /** All the board says of hidden posts to everyone but their authors and the moderators. */
  hiddenCount: (n: number, lang: string) =>
    plural(lang, n, { one: '# post hidden by a moderator.', other: '# posts hidden by a moderator.' }),
};

export type BoardMessages = typeof en;

registerLanguage('tend-offer-board', 'es', () => import('./offer-board.es.js').then((module) => module.es));
