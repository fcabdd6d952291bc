/** Every word `<tend-concern>` shows, in English (other languages: one module each, e.g. the `.es.ts` beside this file). */
import { pick, registerLanguage } from '../../i18n/localize.js';

export const en = {
  heading: 'Raise a concern',
  intro:
    'If something in how we do things isn’t working for you, you can say so here. A moderator will read it and answer.',
  /** With storage only this browser sees: nobody could read or answer a concern. */
  needsServer:
    'Concerns need the community’s server, where its moderators can read and answer them. This page keeps things in your browser only, so there would be nobody to answer: nothing can be sent from here.',
  /** The storage line: where concerns go. */
  where: 'Concerns go to the community’s server, where only its moderators read them.',
  loading: 'Reading your concerns…',
  aboutLegend: 'What is it about?',
  /** `post`: the post (or rotation) the page put the element beside. */
  about: pick({
    post: 'This post',
    rotation: 'This rotation',
    community: 'How things go in the community',
  }),
  kindLegend: 'What would you like to say?',
  kind: pick({
    'asked-too-often': 'I have been asked too often',
    'rotation-too-much': 'This rotation is too much for the family',
    'request-uncomfortable': 'A request made me uncomfortable',
    other: 'Something else, in my own words',
  }),
  textLabel: 'In your own words',
  textHint: 'Say as much or as little as you like. Only the moderators read it.',
  needText: 'Say it in your own words, so a moderator can answer it.',
  needKind: 'Choose what you would like to say, or say it in your own words.',
  visibilityLegend: 'Who may know it was you?',
  visibility: pick({ moderators: 'The moderators only', anonymous: 'Nobody (anonymous)' }),
  /** Under the choice: exactly what the moderators and everyone else learn. */
  visibilityHint: pick({
    moderators:
      'The moderators see your name with it. Nobody else sees it, or that you raised it, and the answer comes from “a moderator”.',
    anonymous:
      'Nobody learns it was you, the moderators included. You can follow it from this browser only: on another device, or once this browser’s data is cleared, it can’t be followed.',
  }),
  send: 'Send to the moderators',
  sending: 'Sending…',
  sent: 'Thank you for saying this. A moderator will answer here.',
  /** Sent while offline: it waits on this device. */
  queued:
    'You’re offline just now. Your concern waits on this device and goes to the moderators as soon as you’re back online.',
  offline:
    'You’re offline just now, so nothing was sent. Your words are still here: send them again when you’re back online.',
  busy: 'Many concerns were raised here just now. Please try again in a minute: your words are still here.',
  failed: 'It couldn’t be sent just now. Your words are still here: please try again in a moment.',
  keyFailed:
    'This browser couldn’t keep what’s needed to follow an anonymous concern, so nothing was sent. You could choose “the moderators only”, or try again.',
  raiseAnother: 'Raise another concern',
  cancel: 'Cancel',

  mineHeading: 'Your concerns',
  /** The state as the raiser reads it; `waiting`: open and not answered yet. */
  state: pick({
    waiting: 'Waiting for a moderator',
    open: 'Open',
    acknowledged: 'A moderator has seen it',
    'acted-on': 'A moderator has acted on it',
    closed: 'Closed',
  }),
  aboutLine: pick({
    post: 'About a post',
    rotation: 'About a rotation',
    community: 'About how things go in the community',
  }),
  whoLine: pick({
    moderators: 'Only the moderators know it was you.',
    anonymous: 'Anonymous: nobody knows it was you. Followed from this browser.',
  }),
  threadLabel: 'What was said',
  you: 'You',
  aModerator: 'A moderator',
  /** A step with no words: the state a moderator (or the raiser, reopening) moved it to. */
  moved: pick({
    open: 'Reopened.',
    acknowledged: 'Marked as seen.',
    'acted-on': 'Marked as acted on.',
    closed: 'Closed.',
  }),
  addLabel: 'Add to it',
  add: 'Add',
  added: 'Added. A moderator will read it.',
  closedNote: 'This concern is closed. If it isn’t settled for you, you can reopen it.',
  reopenLabel: 'Why you are reopening it (optional)',
  reopen: 'Reopen',
  reopened: 'Reopened. A moderator will answer here.',
  needWords: 'Write something to add first.',
  /** An anonymous concern this browser holds the key of, which the server doesn't know. */
  unknown:
    'The server doesn’t know this concern: it may never have been sent. Nothing else about it is kept.',
  forget: 'Forget it on this browser',
  unreadable: 'This concern can’t be read just now. It will show again once the connection is back.',
  retry: 'Try again',
  /** A step that was refused, by its code. */
  refused: pick({
    closed: 'It was closed a moment ago. You can reopen it.',
    'not-closed': 'It was reopened a moment ago: you can add to it now.',
    'thread-full': 'This concern is as long as one can be. Please raise a new one.',
  }),
};

export type ConcernMessages = typeof en;

registerLanguage('tend-concern', 'es', () => import('./concern.es.js').then((module) => module.es));
