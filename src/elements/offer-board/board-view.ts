/**
 * What the board's parts (cards, rotation dates, dialogs) need from the board: words, the
 * viewer, the clock, and one way to ask for an action. Parts render; the board decides.
 */
import type { TemplateResult } from 'lit';
import type { PostEntry } from '../../domain/load.js';
import type { Claim, Person, Post, SlotKey } from '../../domain/offers.js';
import type { BoardMessages } from './offer-board.messages.js';

export type BoardAction =
  | { type: 'claim'; entry: PostEntry; slot?: SlotKey }
  | { type: 'release' | 'accept' | 'decline' | 'done' | 'thank'; entry: PostEntry; claim: Claim }
  | { type: 'edit' | 'withdraw' | 'pause' | 'resume'; entry: PostEntry }
  | { type: 'calendar'; entry: PostEntry; on: boolean }
  | { type: 'hide' | 'unhide'; entry: PostEntry }
  | { type: 'hide-reply'; entry: PostEntry; text: string; done: () => void };

/** What a card says after an action on it: done ("Released."), or why not (`error`). */
export interface Notice {
  text: string;
  error?: boolean;
}

export interface BoardView {
  readonly t: BoardMessages;
  readonly lang: string;
  readonly now: Date;
  readonly viewer: Person;
  /** The viewer moderates the community (their token says so): they may hide posts. */
  readonly moderator: boolean;
  /** Draws a hidden post's hide on its card (hidden-posts.ts), once fetched. */
  readonly hidden?:
    ((view: BoardView, entry: PostEntry, post: Post, headingId: string) => TemplateResult) | undefined;
  /** Posts with a write in flight: their buttons wait. */
  readonly busy: ReadonlySet<string>;
  /** A kind word about the latest action on a post, or why it did not go through. */
  notice(postId: string): Notice | undefined;
  /** Days an open need has waited for someone, when it has waited long. */
  waited(postId: string): number | undefined;
  /** True when a rotation's dates show as a calendar. */
  calendar(postId: string): boolean;
  /** Formats a time, or a `YYYY-MM-DD` day (as that calendar day, whatever the time zone). */
  format(date: string, options: Intl.DateTimeFormatOptions): string;
  act(action: BoardAction): void;
}

/** How a day of a rotation reads: "Mon, 2 Mar". */
export const DAY_FORMAT: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short' };

/** How a post's time reads: "2 Mar 2026, 10:00". */
export const TIME_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
