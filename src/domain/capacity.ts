/**
 * Capacity check-ins: how much room a person has, for what, until when, and who may see it.
 * Pure rules shared by `<tend-capacity-check-in>` and tend-server, so one set of rules holds
 * on both sides. No DOM, no I/O; every function that depends on time takes `now`.
 */
import { check, fits, list, object, oneOf, optional, text, time, type ObjectOf } from './shape.js';
import { minGroupOf } from './groups.js';
import { recordId } from './record-ids.js';

export { MIN_GROUP_FLOOR, minGroupOf } from './groups.js';

// ── Levels ──────────────────────────────────────────────────────────────────────────────

/** The scale, from least to most room. "resting" is a fine answer, never a failure. */
export const LEVELS = ['resting', 'a-little', 'some', 'plenty'] as const;
export type CapacityLevel = (typeof LEVELS)[number];

/** 0 for resting up to 3 for plenty. */
export function levelRank(level: CapacityLevel): number {
  return LEVELS.indexOf(level);
}

/** True when the level leaves room to help (anything but resting). */
export function hasRoom(level: CapacityLevel): boolean {
  return level !== 'resting';
}

// ── Kinds of support ────────────────────────────────────────────────────────────────────

export const DEFAULT_KINDS: readonly string[] = ['listening', 'practical', 'hosting'];
/** A kind: lowercase letters, digits and hyphens, up to 40 characters. */
export const KIND_NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const MAX_KINDS = 20;

/** The kinds named by a `kinds="a,b,c"` attribute: trimmed, lowercased, valid, unique; the defaults when none is left. */
export function parseKinds(attribute: string | null | undefined): string[] {
  const kinds = (attribute ?? '')
    .split(',')
    .map((kind) => kind.trim().toLowerCase())
    .filter((kind) => KIND_NAME.test(kind));
  const unique = [...new Set(kinds)].slice(0, MAX_KINDS);
  return unique.length ? unique : [...DEFAULT_KINDS];
}

// ── Visibility ──────────────────────────────────────────────────────────────────────────

/** `just-me`: only the person; `counted`: in totals, never named; `circle`: named to the circle. */
export const VISIBILITIES = ['just-me', 'counted', 'circle'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** True for one of {@link VISIBILITIES}. */
export function isVisibility(value: unknown): value is Visibility {
  return (VISIBILITIES as readonly unknown[]).includes(value);
}

/**
 * Who sees a new check-in unless the person chooses: `just-me`, so nothing leaves for others
 * unless the reader chooses. A site may set another default (`setting`, e.g. from a
 * `default-visibility` attribute), used only with a circle on storage others can read; an
 * unknown setting counts as `just-me`.
 */
export function defaultVisibility(circle: string, shared: boolean, setting?: string | null): Visibility {
  return circle && shared && isVisibility(setting) ? setting : 'just-me';
}

/** Whether `viewerId` may see a check-in at all: their own, or one that isn't just for its person. */
export function canSeeCheckIn(viewerId: string, checkIn: Pick<CheckIn, 'personId' | 'visibility'>): boolean {
  return checkIn.personId === viewerId || checkIn.visibility !== 'just-me';
}

// ── Expiry ──────────────────────────────────────────────────────────────────────────────

/** How long a check-in holds; `tonight` (the end of today) is the default. */
export const EXPIRY_PRESETS = ['tonight', 'tomorrow', 'week', 'date'] as const;
export type ExpiryPreset = (typeof EXPIRY_PRESETS)[number];
/** The furthest day a check-in may hold: capacity changes, so it should be said again. */
export const MAX_HOLD_DAYS = 31;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The local calendar day of a date, `YYYY-MM-DD`. */
export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight at the start of the day `days` after `date`'s day (0: today's start). */
export function startOfDay(date: Date, days = 0): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

/** The moment the day `days` after `date`'s day ends (the next midnight): what `expiresAt` holds. */
export function endOfDay(date: Date, days = 0): Date {
  return startOfDay(date, days + 1);
}

/**
 * When a check-in made at `now` stops counting: the end of today, of tomorrow, of the seventh
 * day counting today, or of `date` (`YYYY-MM-DD`). `undefined` for a date that is not today or
 * later, or further than {@link MAX_HOLD_DAYS}.
 */
export function expiryFor(preset: ExpiryPreset, now: Date, date?: string): Date | undefined {
  if (preset === 'tonight') return endOfDay(now);
  if (preset === 'tomorrow') return endOfDay(now, 1);
  if (preset === 'week') return endOfDay(now, 6);
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  if (!match) return undefined;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (dayKey(day) !== date) return undefined;
  const end = endOfDay(day);
  return end > now && end <= endOfDay(now, MAX_HOLD_DAYS) ? end : undefined;
}

/** The last day a check-in holds (`YYYY-MM-DD`), for a date picker. */
export function lastDay(expiresAt: string): string {
  return dayKey(new Date(Date.parse(expiresAt) - 1));
}

/** The preset that gives `expiresAt` when chosen at `now`, else `date`. */
export function presetOf(expiresAt: string, now: Date): ExpiryPreset {
  const at = Date.parse(expiresAt);
  return (
    EXPIRY_PRESETS.find((preset) => preset !== 'date' && expiryFor(preset, now)?.getTime() === at) ?? 'date'
  );
}

/** True while a check-in holds: expired ones stop counting by themselves. */
export function isActive(checkIn: Pick<CheckIn, 'expiresAt'>, now: Date): boolean {
  return Date.parse(checkIn.expiresAt) > now.getTime();
}

// ── Record ids ──────────────────────────────────────────────────────────────────────────

/** The one check-in record of a person in a circle (collection `check-ins`). */
export function checkInId(circle: string, personId: string): string {
  return recordId(circle, personId);
}

/** The one history record of a person for a day (collection `check-in-history`). */
export function historyId(personId: string, date: string): string {
  return recordId(personId, date);
}

// ── Values and their schemas ────────────────────────────────────────────────────────────

/** A note is short: one line about what you can and can't do. */
export const NOTE_MAX = 140;
export const NAME_MAX = 80;

const Id = text(200, 1);
const Circle = text(200);
const Day = text(10, 10, /^\d{4}-\d{2}-\d{2}$/);
const Kind = text(200, 1, KIND_NAME);

const checkInShape = {
  circle: Circle,
  personId: Id,
  personName: optional(text(NAME_MAX)),
  level: oneOf(LEVELS),
  kinds: list(Kind, MAX_KINDS),
  note: text(NOTE_MAX),
  expiresAt: time,
  visibility: oneOf(VISIBILITIES),
  updatedAt: time,
};
/** A check-in, stored in collection `check-ins` under {@link checkInId}. */
export const CheckInSchema = object(checkInShape);
export type CheckIn = ObjectOf<typeof checkInShape>;

const askShape = { circle: Circle, askerId: Id, askedId: Id, kind: Kind, at: time };
/** "I asked": one record a time someone asked someone (collection `asks`, random id). */
export const AskSchema = object(askShape);
export type Ask = ObjectOf<typeof askShape>;

const historyShape = { personId: Id, circle: Circle, date: Day, level: oneOf(LEVELS) };
/** A day of a person's own pattern (collection `check-in-history`, id {@link historyId}); private to them. */
export const HistoryEntrySchema = object(historyShape);
export type HistoryEntry = ObjectOf<typeof historyShape>;

export const isCheckIn = (value: unknown): value is CheckIn => fits(CheckInSchema, value);
export const isAsk = (value: unknown): value is Ask => fits(AskSchema, value);
export const isHistoryEntry = (value: unknown): value is HistoryEntry => fits(HistoryEntrySchema, value);

/** Why a value was refused: `invalid` (its shape) or `expiry` (its time). */
export type CapacityRefusal = 'invalid' | 'expiry';
export type Validation<T> = { ok: true; value: T } | { ok: false; code: CapacityRefusal; message: string };

function parsed<T>(result: ReturnType<typeof check<T>>): Validation<T> {
  return result.ok ? result : { ok: false, code: 'invalid', message: result.message };
}

/** Checks a check-in about to be written at `now`: its shape, and an expiry after now and within {@link MAX_HOLD_DAYS}. */
export function validateCheckIn(value: unknown, now: Date): Validation<CheckIn> {
  const result = parsed(check(CheckInSchema, value));
  if (!result.ok) return result;
  const expires = Date.parse(result.value.expiresAt);
  if (expires <= now.getTime() || expires > endOfDay(now, MAX_HOLD_DAYS).getTime())
    return {
      ok: false,
      code: 'expiry',
      message: `expiresAt must be after now and within ${MAX_HOLD_DAYS} days`,
    };
  return result;
}

/** Checks an "I asked" record about to be written. */
export function validateAsk(value: unknown): Validation<Ask> {
  return parsed(check(AskSchema, value));
}

/** Checks a history entry about to be written. */
export function validateHistoryEntry(value: unknown): Validation<HistoryEntry> {
  return parsed(check(HistoryEntrySchema, value));
}

// ── Rights ──────────────────────────────────────────────────────────────────────────────

/** A person writes only their own check-in, under the id made from its circle and their id. */
export function canWriteCheckIn(actorId: string, record: { id: string; value: CheckIn }): boolean {
  return record.value.personId === actorId && record.id === checkInId(record.value.circle, actorId);
}

/** A person clears only their own check-in; a moderator may remove any. */
export function canRemoveCheckIn(
  actorId: string,
  record: { id: string; value: CheckIn },
  options: { moderator?: boolean } = {},
): boolean {
  return options.moderator === true || canWriteCheckIn(actorId, record);
}

/** A stored check-in really is its person's: written by them, under their id. */
export function isGenuineCheckIn(record: { id: string; author: string; value: CheckIn }): boolean {
  return record.author === record.value.personId && canWriteCheckIn(record.author, record);
}

/** A person's history is theirs alone, to read and to write. */
export function canReadHistory(actorId: string, entry: Pick<HistoryEntry, 'personId'>): boolean {
  return entry.personId === actorId;
}

export function canWriteHistory(actorId: string, record: { id: string; value: HistoryEntry }): boolean {
  return record.value.personId === actorId && record.id === historyId(actorId, record.value.date);
}

/** A person records only their own asks, and not of themselves. */
export function canWriteAsk(actorId: string, ask: Ask): boolean {
  return ask.askerId === actorId && ask.askedId !== actorId;
}

// ── The circle ──────────────────────────────────────────────────────────────────────────

/** What the circle may see of one check-in: counted-only ones carry no person, name or note. */
export type CircleEntry =
  | {
      named: true;
      personId: string;
      name: string | undefined;
      level: CapacityLevel;
      kinds: string[];
      note: string;
      expiresAt: string;
    }
  | { named: false; level: CapacityLevel; kinds: string[]; expiresAt: string };

/** The check-ins of `circle` the circle is made of at `now`: held, not just-me, the newest per person. */
function heldCheckIns(checkIns: readonly CheckIn[], circle: string, now: Date): CheckIn[] {
  const byPerson = new Map<string, CheckIn>();
  for (const checkIn of checkIns) {
    if (checkIn.circle !== circle || !isActive(checkIn, now) || checkIn.visibility === 'just-me') continue;
    const held = byPerson.get(checkIn.personId);
    if (!held || held.updatedAt < checkIn.updatedAt) byPerson.set(checkIn.personId, checkIn);
  }
  return [...byPerson.values()];
}

/**
 * The check-ins of `circle` the circle sees at `now`: held, not just-me (the viewer's own
 * included by the same rule, so everyone sees the same view), counted-only ones stripped of
 * who they are. Newest per person wins if a person appears twice.
 */
export function circleEntries(checkIns: readonly CheckIn[], circle: string, now: Date): CircleEntry[] {
  return heldCheckIns(checkIns, circle, now).map((c): CircleEntry => {
    const base = { level: c.level, kinds: [...c.kinds], expiresAt: c.expiresAt };
    return c.visibility === 'circle'
      ? { ...base, named: true, personId: c.personId, name: c.personName, note: c.note }
      : { ...base, named: false };
  });
}

export type NamedEntry = Extract<CircleEntry, { named: true }>;

const byRoomThenName = (a: NamedEntry, b: NamedEntry): number =>
  levelRank(b.level) - levelRank(a.level) || (a.name ?? a.personId).localeCompare(b.name ?? b.personId);

/**
 * The people who chose to be named and have room for `kind`, most room first, then by name.
 * Names only: every figure comes from {@link aggregateCircle}.
 */
export function namedWithRoom(entries: readonly CircleEntry[], kind: string): NamedEntry[] {
  return entries
    .filter((entry): entry is NamedEntry => entry.named && hasRoom(entry.level) && entry.kinds.includes(kind))
    .sort(byRoomThenName);
}

// ── The circle's aggregate (what the server sends everyone) ─────────────────────────────

/** The levels with room, each a figure of the aggregate. */
export type RoomLevel = Exclude<CapacityLevel, 'resting'>;
export const ROOM_LEVELS: readonly RoomLevel[] = ['a-little', 'some', 'plenty'];

/** The figures of one kind of support. */
export interface KindAggregate {
  kind: string;
  /** People with room for this kind; `null` when fewer than `minGroup` stand behind it. */
  withRoom: number | null;
  /** People with room for this kind at each level; `null` when fewer than `minGroup`. */
  levels: Record<RoomLevel, number | null>;
}

/** The circle's capacity as figures only: no person, id, name or note. */
export interface CircleAggregate {
  circle: string;
  /** The group size the figures were made with (at least {@link MIN_GROUP_FLOOR}). */
  minGroup: number;
  /** People with room for anything; `null` when fewer than `minGroup`. */
  withRoom: number | null;
  kinds: KindAggregate[];
}

/** How often a named person was asked this week, by anyone (never by whom). */
export interface AskedCount {
  personId: string;
  count: number;
}

/** What every member may read of a circle: its figures and, from a server, how often each named person was asked. */
export interface CircleFigures extends CircleAggregate {
  asked?: AskedCount[];
}

const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;
const isFigure = (x: unknown): x is number | null => x === null || isCount(x);
type Loose = Record<string, unknown> | null | undefined;

/** True for a value of the circle's figures' shape (what a store sends); anything else is not shown. */
export function isCircleFigures(value: unknown): value is CircleFigures {
  const f = value as Loose;
  const asked = f?.['asked'];
  return (
    typeof f?.['circle'] === 'string' &&
    isCount(f['minGroup']) &&
    isFigure(f['withRoom']) &&
    Array.isArray(f['kinds']) &&
    f['kinds'].every((k: Loose) => {
      const levels = k?.['levels'] as Loose;
      return (
        typeof k?.['kind'] === 'string' &&
        isFigure(k['withRoom']) &&
        ROOM_LEVELS.every((level) => levels && isFigure(levels[level]))
      );
    }) &&
    (asked === undefined ||
      (Array.isArray(asked) &&
        asked.every((a: Loose) => typeof a?.['personId'] === 'string' && isCount(a['count']))))
  );
}

/**
 * The circle's capacity as figures safe to show every member, computed where the check-ins
 * are (the server, or the browser in browser-only mode). The rules:
 *
 * - Only check-ins of `circle` that hold at `now` and are not `just-me`; the newest per person.
 * - A figure counts people: with room at all, with room for a kind, with room for a kind at a level.
 * - People who chose `circle` (named) are counted in every figure they belong to.
 * - Counted-only people are added to a figure only when at least `minGroup` counted-only people
 *   stand behind that same figure; otherwise they are left out of it silently. So a figure never
 *   differs from the number of named people in it by fewer than `minGroup`, and comparing a
 *   figure with the named list, or two figures, never isolates one counted-only person.
 * - A figure is shown (not `null`) only when at least `minGroup` distinct people stand behind it.
 * - `minGroup` is raised to {@link MIN_GROUP_FLOOR} (and to a whole number) whatever is asked.
 *
 * Only `options.kinds` are reported, in that order.
 */
export function aggregateCircle(
  checkIns: readonly CheckIn[],
  options: { circle: string; kinds: readonly string[]; minGroup: number; now: Date },
): CircleAggregate {
  const minGroup = minGroupOf(options.minGroup);
  const withRoom = heldCheckIns(checkIns, options.circle, options.now).filter((c) => hasRoom(c.level));
  const figure = (people: readonly CheckIn[]): number | null => {
    let named = 0;
    let counted = 0;
    for (const person of people)
      if (person.visibility === 'circle') named++;
      else counted++;
    const total = named + (counted >= minGroup ? counted : 0);
    return total >= minGroup ? total : null;
  };
  return {
    circle: options.circle,
    minGroup,
    withRoom: figure(withRoom),
    kinds: options.kinds.map((kind) => {
      const forKind = withRoom.filter((c) => c.kinds.includes(kind));
      const levels = {} as Record<RoomLevel, number | null>;
      for (const level of ROOM_LEVELS) levels[level] = figure(forKind.filter((c) => c.level === level));
      return { kind, withRoom: figure(forKind), levels };
    }),
  };
}

// ── Spreading asks ──────────────────────────────────────────────────────────────────────

/** Asks this many days old or newer weigh on the order. */
export const ASK_WINDOW_DAYS = 7;

/**
 * How many times `askerId` asked each person in `circle` in the last {@link ASK_WINDOW_DAYS}
 * days at `now`, counting only asks made after `after` when it is given (the asks a figure
 * sent earlier does not hold yet). Asks are the asker's alone: others' are ignored.
 */
export function ownAskCounts(
  asks: readonly Ask[],
  options: { circle: string; askerId: string; now: Date; after?: Date | undefined },
): Map<string, number> {
  const since = Math.max(
    options.now.getTime() - ASK_WINDOW_DAYS * 86_400_000,
    options.after ? options.after.getTime() : -Infinity,
  );
  const counts = new Map<string, number>();
  for (const ask of asks)
    if (ask.circle === options.circle && ask.askerId === options.askerId && Date.parse(ask.at) > since)
      counts.set(ask.askedId, (counts.get(ask.askedId) ?? 0) + 1);
  return counts;
}

/** When `askerId` last asked each person in `circle` (milliseconds), from the asker's own asks. */
export function ownLastAsks(asks: readonly Ask[], circle: string, askerId: string): Map<string, number> {
  const last = new Map<string, number>();
  for (const ask of asks)
    if (ask.circle === circle && ask.askerId === askerId)
      last.set(ask.askedId, Math.max(last.get(ask.askedId) ?? -Infinity, Date.parse(ask.at)));
  return last;
}

/** Sums counts per person, e.g. the circle's figure for each named person and the asker's newer asks. */
export function addAskCounts(
  ...counts: ReadonlyArray<Iterable<readonly [string, number]>>
): Map<string, number> {
  const sum = new Map<string, number>();
  for (const each of counts) for (const [person, n] of each) sum.set(person, (sum.get(person) ?? 0) + n);
  return sum;
}

/**
 * Who to ask for `kind`, ordered so asks spread out: named people with room for it (never the
 * asker), first those asked fewest times lately (`recentAsked`: the asker's own asks, plus how
 * often the circle asked each named person when the store says so), then those with more room,
 * then those the asker asked longest ago (never asked first; `lastAsked`, from the asker's own
 * asks), then by name. Nobody else's asks are needed: they are the asker's alone.
 */
export function askOrder(
  entries: readonly CircleEntry[],
  recentAsked: ReadonlyMap<string, number>,
  options: { kind: string; askerId: string; lastAsked?: ReadonlyMap<string, number> },
): NamedEntry[] {
  const last = options.lastAsked ?? new Map<string, number>();
  // Already by room, then name: a stable sort keeps that order where everything else is equal.
  return namedWithRoom(entries, options.kind)
    .filter((entry) => entry.personId !== options.askerId)
    .sort(
      (a, b) =>
        (recentAsked.get(a.personId) ?? 0) - (recentAsked.get(b.personId) ?? 0) ||
        levelRank(b.level) - levelRank(a.level) ||
        (last.get(a.personId) ?? -Infinity) - (last.get(b.personId) ?? -Infinity),
    );
}

// ── My pattern ──────────────────────────────────────────────────────────────────────────

export const PATTERN_DAYS = 14;

export interface PatternDay {
  date: string;
  level: CapacityLevel | null;
}

/** The person's own last `days` days ending today, oldest first; `null` for a day without a check-in. */
export function patternDays(
  entries: readonly HistoryEntry[],
  personId: string,
  now: Date,
  days = PATTERN_DAYS,
): PatternDay[] {
  const byDate = new Map<string, CapacityLevel>();
  for (const entry of entries) if (canReadHistory(personId, entry)) byDate.set(entry.date, entry.level);
  return Array.from({ length: days }, (_, i) => {
    const date = dayKey(startOfDay(now, i - days + 1));
    return { date, level: byDate.get(date) ?? null };
  });
}

/** Days at resting or a little among the last `window` days of a pattern: a stretch worth noticing. */
export function lowDays(pattern: readonly PatternDay[], window = 7): number {
  return pattern.slice(-window).filter((day) => day.level !== null && levelRank(day.level) <= 1).length;
}
