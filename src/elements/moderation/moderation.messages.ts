/** Every word `<tend-moderation>` shows, in English (other languages: one module each, e.g. the `.es.ts` beside this file). */
import { num, pick, plural, registerLanguage } from '../../i18n/localize.js';

export const en = {
  heading: 'Concerns to answer',
  /** The reminder at the top of the moderators' view. */
  intro:
    'A concern is information, not an attack: someone is telling the community where it hurts. Thank them, answer plainly, and say what will change. The person who raised it sees your answers signed “A moderator”, not with your name.',
  /** Shown to anyone but a moderator. */
  notModerator: 'This is where the community’s moderators answer concerns. It shows only to them.',
  /** Shown instead of the view when the sign-in says moderator but the server does not count the person as one. */
  notModeratorHere:
    'This is where the community’s moderators answer concerns. The community’s server doesn’t count you as a moderator right now, so there’s nothing to show here. If you do moderate, signing in again may help.',
  needsServer:
    'Moderation needs the community’s server: with storage only this browser sees, there are no concerns to answer.',
  loading: 'Reading the concerns…',
  readError: 'The concerns couldn’t be read just now. Please try again in a moment.',
  queueEmpty: 'No concern is waiting for an answer. Thank you for looking.',
  queueLabel: 'Open concerns, the one waiting longest first',
  closedHeading: (n: number, lang: string) => `Closed (${num(lang, n)})`,
  kind: pick({
    'asked-too-often': '“I have been asked too often”',
    'rotation-too-much': '“This rotation is too much for the family”',
    'request-uncomfortable': '“A request made me uncomfortable”',
    other: 'In their own words',
  }),
  /** What a concern is about; `title` is the post's, when it is on the board. */
  about: (about: string, title?: string) =>
    about === 'community'
      ? 'About how things go in the community'
      : title
        ? `About the ${about === 'rotation' ? 'rotation' : 'post'} “${title}”`
        : `About a ${about === 'rotation' ? 'rotation' : 'post'} that is no longer on the board`,
  raisedBy: (name: string) => `Raised by ${name} (only moderators see who)`,
  raisedAnonymously: 'Raised anonymously: nobody knows who raised it',
  someone: 'Someone',
  state: pick({
    open: 'Open',
    acknowledged: 'Acknowledged',
    'acted-on': 'Acted on',
    closed: 'Closed',
  }),
  /** How long the raiser has waited for an answer. */
  waited: (ms: number, lang: string) => {
    const minutes = Math.floor(ms / 60_000);
    const hours = Math.floor(ms / 3_600_000);
    const days = Math.floor(ms / 86_400_000);
    if (days >= 1)
      return plural(lang, days, {
        one: 'Waiting # day for an answer',
        other: 'Waiting # days for an answer',
      });
    if (hours >= 1)
      return plural(lang, hours, {
        one: 'Waiting # hour for an answer',
        other: 'Waiting # hours for an answer',
      });
    return plural(lang, Math.max(1, minutes), {
      one: 'Waiting # minute for an answer',
      other: 'Waiting # minutes for an answer',
    });
  },
  answered: 'Answered',
  threadLabel: 'What was said',
  /** Who said what in a thread: the raiser as the moderators know them, a moderator by name. */
  raiser: (name: string | undefined) => (name ? name : 'The raiser'),
  moderatorNamed: (name: string | undefined) => (name ? `${name} (moderator)` : 'A moderator'),
  you: 'You (moderator)',
  moved: pick({
    open: 'Moved back to open.',
    acknowledged: 'Marked acknowledged.',
    'acted-on': 'Marked acted on.',
    closed: 'Closed.',
  }),
  answer: 'Answer',
  cancel: 'Cancel',
  answerLabel: 'Your answer (the raiser reads it)',
  answerState: 'And mark it',
  keepState: 'Leave the state as it is',
  markAs: pick({
    open: 'Open',
    acknowledged: 'Acknowledged',
    'acted-on': 'Acted on',
    closed: 'Closed',
  }),
  sendAnswer: 'Send answer',
  needAnswer: 'Write an answer first.',
  answeredDone: 'Answer sent. The raiser can read it now.',
  markAcknowledged: 'Mark acknowledged',
  markActedOn: 'Mark acted on',
  close: 'Close',
  /** Why Close is not available yet. */
  answerFirst: 'Answer first: a concern closes only once its raiser can read an answer.',
  closedNote: 'Closed. Only its raiser can reopen it; you can still answer.',
  stateDone: pick({
    open: 'Moved back to open.',
    acknowledged: 'Marked acknowledged.',
    'acted-on': 'Marked acted on.',
    closed: 'Closed. The raiser can reopen it if it isn’t settled for them.',
  }),

  hiddenHeading: 'Hidden posts',
  hiddenNone: 'No post is hidden.',
  hiddenAt: (when: string) => `Hidden ${when}`,
  reasonLine: (reason: string) => `Reason the author reads: “${reason}”`,
  postBy: (name: string) => `by ${name}`,
  author: (name: string | undefined) => name ?? 'The author',
  replyLabel: 'Your answer to the author',
  reply: 'Send',
  replied: 'Sent. The author can read it.',
  unhide: 'Show it again',
  unhidden: 'The post is on the board again.',

  logHeading: 'What moderators have done',
  logIntro:
    'Every step on a concern or a post, with who took it and when. Moderators answer to each other here; an anonymous raiser is never named.',
  showLog: 'Show the log',
  logEmpty: 'Nothing has happened yet.',
  logLabel: 'Steps, newest first',
  showOlder: 'Show older steps',
  /** One step in the log; `who` a person's name or the words for an anonymous raiser. */
  logStep: (action: string, who: string, state?: string) =>
    ({
      raise: `${who} raised a concern`,
      add: `${who} added to a concern`,
      reopen: `${who} reopened a concern`,
      answer: state ? `${who} answered a concern (now ${state})` : `${who} answered a concern`,
      'set-state': `${who} marked a concern ${state ?? ''}`.trim(),
      hide: `${who} hid a post`,
      unhide: `${who} showed a post again`,
      'hide-reply': `${who} answered about a hidden post`,
    })[action] ?? `${who}: ${action}`,
  logAnonymous: 'An anonymous member',
  logTarget: (title: string) => `“${title}”`,
  stateWord: pick({
    open: 'open',
    acknowledged: 'acknowledged',
    'acted-on': 'acted on',
    closed: 'closed',
  }),

  failed: 'That didn’t go through just now. Please try again in a moment.',
  offline: 'You’re offline just now: it will be sent as soon as you’re back online.',
  refused: pick({
    'answer-first': 'Answer first: the raiser added words that haven’t been answered yet.',
    closed: 'This concern is closed: only its raiser can reopen it.',
    'thread-full': 'This concern’s thread is full. The raiser can raise a new one.',
    'not-hidden': 'This post isn’t hidden any more.',
    hidden: 'This post is hidden already.',
    'moderators-only': 'Only moderators can do this, and the server doesn’t count you as one.',
    'not-found': 'This isn’t there any more.',
  }),
};

export type ModerationMessages = typeof en;

registerLanguage('tend-moderation', 'es', () => import('./moderation.es.js').then((module) => module.es));
