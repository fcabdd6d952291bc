/** Check-ins for the capacity tests (rules and element), on one fixed local clock. */
import type { CapacityLevel, CheckIn } from '../../src/domain/capacity.js';

/** Tue 3 Nov 2026, 18:30 local time, so the tests hold in any time zone. */
export const NOW = new Date(2026, 10, 3, 18, 30);
/** The midnight that ends 3 Nov. */
export const TONIGHT = new Date(2026, 10, 4);

/** A check-in in circle `maple`, named after the person, until tonight; `more` overrides any field. */
export function checkIn(personId: string, level: CapacityLevel, more: Partial<CheckIn> = {}): CheckIn {
  return {
    circle: 'maple',
    personId,
    personName: personId[0]!.toUpperCase() + personId.slice(1),
    level,
    kinds: ['listening', 'practical'],
    note: '',
    expiresAt: TONIGHT.toISOString(),
    visibility: 'circle',
    updatedAt: NOW.toISOString(),
    ...more,
  };
}
