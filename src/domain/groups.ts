/**
 * The smallest group a figure about people may describe. Shared by the circle's capacity
 * figures and the board's load spread, so no page can ask for a figure about one or two people.
 */

/** No figure describes fewer people than this, whatever a page or a caller asks. */
export const MIN_GROUP_FLOOR = 3;

/** The group size to use when `asked` was requested: a whole number, never below {@link MIN_GROUP_FLOOR}. */
export function minGroupOf(asked: number | null | undefined): number {
  return typeof asked === 'number' && Number.isFinite(asked)
    ? Math.max(MIN_GROUP_FLOOR, Math.ceil(asked))
    : MIN_GROUP_FLOOR;
}
