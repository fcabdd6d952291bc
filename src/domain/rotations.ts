/**
 * Dates of a rotation (a meal train): calendar days as `YYYY-MM-DD` strings, computed in UTC so
 * that the same pattern gives the same dates on every device and on the server. Pure: no DOM,
 * no I/O, no clock (callers pass `now`).
 */

/** A calendar day, `YYYY-MM-DD`. */
export type DateKey = string;

const DAY = 86_400_000;
const DATE_KEY = /^\d{4}-\d{2}-\d{2}$/;

/** The most dates one rotation may hold (one slot a date). */
export const MAX_ROTATION_DATES = 90;

/** True for a real calendar day written `YYYY-MM-DD` (2025-02-30 is not one). */
export function isDateKey(value: unknown): value is DateKey {
  if (typeof value !== 'string' || !DATE_KEY.test(value)) return false;
  // Arithmetic, not Date parsing: validation runs for every stored day of every rotation.
  const year = +value.slice(0, 4);
  const month = +value.slice(5, 7);
  const day = +value.slice(8, 10);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= days;
}

/** Milliseconds at UTC midnight of a day. */
export function dayStart(date: DateKey): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** The day `days` after `date`. */
export function addDays(date: DateKey, days: number): DateKey {
  return new Date(dayStart(date) + days * DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, as `Date.getUTCDay`. */
export function weekday(date: DateKey): number {
  return new Date(dayStart(date)).getUTCDay();
}

/**
 * True once a day is over everywhere on Earth (UTC−12 ends it 36 hours after its UTC start), so
 * nobody is told "this day has passed" while it is still that day where they live.
 */
export function datePassed(date: DateKey, now: Date): boolean {
  return now.getTime() >= dayStart(date) + 36 * 3_600_000;
}

/** A repeating pattern: these weekdays, for this many weeks from `start` (inclusive). */
export interface DatePattern {
  start: DateKey;
  /** 0 = Sunday … 6 = Saturday. */
  weekdays: number[];
  weeks: number;
}

/**
 * The dates a pattern gives, in order: "Mon/Wed/Fri for three weeks from 2 March" is nine days.
 * Returns at most {@link MAX_ROTATION_DATES}; an empty list when the pattern is not usable.
 */
export function generateDates(pattern: DatePattern): DateKey[] {
  if (!isDateKey(pattern.start) || !Number.isInteger(pattern.weeks) || pattern.weeks < 1) return [];
  const days = new Set(pattern.weekdays.filter((d) => Number.isInteger(d) && d >= 0 && d <= 6));
  const dates: DateKey[] = [];
  for (let i = 0; i < Math.min(pattern.weeks, 52) * 7 && dates.length < MAX_ROTATION_DATES; i++) {
    const date = addDays(pattern.start, i);
    if (days.has(weekday(date))) dates.push(date);
  }
  return dates;
}

/** Dates picked one by one: valid days only, each once, in order. */
export function normaliseDates(dates: readonly string[]): DateKey[] {
  return [...new Set(dates.filter(isDateKey))].sort().slice(0, MAX_ROTATION_DATES);
}

/** The day of `now` in UTC, `YYYY-MM-DD`: a default start for a pattern. */
export function todayKey(now: Date): DateKey {
  return now.toISOString().slice(0, 10);
}

/**
 * The weeks (Monday first) that cover the dates, each a row of seven days: what a compact
 * calendar shows. Days outside the rotation are included so the grid lines up.
 */
export function calendarWeeks(dates: readonly DateKey[]): DateKey[][] {
  if (!dates.length) return [];
  const sorted = [...dates].sort();
  let day = addDays(sorted[0]!, -((weekday(sorted[0]!) + 6) % 7));
  const last = sorted[sorted.length - 1]!;
  const weeks: DateKey[][] = [];
  while (day <= last) {
    const week: DateKey[] = [];
    for (let i = 0; i < 7; i++) week.push(addDays(day, i));
    weeks.push(week);
    day = addDays(day, 7);
  }
  return weeks;
}
