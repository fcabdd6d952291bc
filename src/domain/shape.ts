/**
 * The shapes of stored values, checked by plain functions: one source of truth for the elements
 * and the server, at a fraction of a schema library's bytes (every byte ships to a blog reader).
 * A shape returns the value it accepts, with the keys it knows (unknown keys are dropped), or
 * throws a {@link ShapeError} that names the path and what is wrong.
 */

export class ShapeError extends Error {}

/** Checks `value` at `path` and returns what it accepts, or throws a {@link ShapeError}. */
export type Shape<T> = (value: unknown, path: string) => T;

type Out<S> = S extends Shape<infer T> ? T : never;
type Optional<S> = { [K in keyof S]: undefined extends Out<S[K]> ? K : never }[keyof S];
/** The value an object shape accepts: keys whose shape allows `undefined` are optional. */
export type ObjectOf<S extends Record<string, Shape<unknown>>> = {
  [K in Exclude<keyof S, Optional<S>>]: Out<S[K]>;
} & { [K in Optional<S>]?: Exclude<Out<S[K]>, undefined> };

const refuse = (path: string, what: string): never => {
  throw new ShapeError(`${path}: ${what}`);
};

/** A string of `min`..`max` characters, optionally matching `pattern`. */
export const text =
  (max: number, min = 0, pattern?: RegExp): Shape<string> =>
  (value, path) =>
    typeof value !== 'string'
      ? refuse(path, 'must be text')
      : value.length < min || value.length > max
        ? refuse(path, `must be ${min} to ${max} characters`)
        : pattern && !pattern.test(value)
          ? refuse(path, 'has an unexpected form')
          : value;

/** A time `Date.parse` understands. */
export const time: Shape<string> = (value, path) =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : refuse(path, 'must be a time');

export const number: Shape<number> = (value, path) =>
  typeof value === 'number' && Number.isFinite(value) ? value : refuse(path, 'must be a number');

export const boolean: Shape<boolean> = (value, path) =>
  typeof value === 'boolean' ? value : refuse(path, 'must be true or false');

/** One of `values`. */
export const oneOf =
  <const T extends string | number>(values: readonly T[]): Shape<T> =>
  (value, path) =>
    values.includes(value as T) ? (value as T) : refuse(path, `must be one of ${values.join(', ')}`);

/** A list of at most `max` items of one shape. */
export const list =
  <T>(item: Shape<T>, max = Infinity): Shape<T[]> =>
  (value, path) =>
    !Array.isArray(value)
      ? refuse(path, 'must be a list')
      : value.length > max
        ? refuse(path, `must hold at most ${max} items`)
        : value.map((each, i) => item(each, `${path}.${i}`));

/** `undefined`, or the shape. */
export const optional =
  <T>(shape: Shape<T>): Shape<T | undefined> =>
  (value, path) =>
    value === undefined ? undefined : shape(value, path);

/** The first of two shapes that accepts the value. */
export const either =
  <A, B>(a: Shape<A>, b: Shape<B>): Shape<A | B> =>
  (value, path) => {
    try {
      return a(value, path);
    } catch {
      return b(value, path);
    }
  };

/** A plain object: each known key checked, unknown keys dropped. */
export const object =
  <S extends Record<string, Shape<unknown>>>(shape: S): Shape<ObjectOf<S>> =>
  (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return refuse(path, 'must be an object');
    const out: Record<string, unknown> = {};
    for (const key in shape) {
      const checked = shape[key]((value as Record<string, unknown>)[key], `${path}.${key}`);
      if (checked !== undefined) out[key] = checked;
    }
    return out as ObjectOf<S>;
  };

/** An object used as a map: every key and value checked. */
export const record =
  <T>(key: Shape<string>, item: Shape<T>): Shape<Record<string, T>> =>
  (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return refuse(path, 'must be an object');
    // fromEntries defines own properties, so a key "__proto__" stays a key.
    return Object.fromEntries(
      Object.entries(value).map(([k, each]) => [key(k, `${path} key`), item(each, `${path}.${k}`)]),
    );
  };

/** `shape`, then a rule about the whole value. */
export const where =
  <T>(shape: Shape<T>, rule: (value: T) => boolean, what: string): Shape<T> =>
  (value, path) => {
    const checked = shape(value, path);
    return rule(checked) ? checked : refuse(path, what);
  };

/** The value `shape` accepts, or the reason it does not. */
export function check<T>(
  shape: Shape<T>,
  value: unknown,
): { ok: true; value: T } | { ok: false; message: string } {
  try {
    return { ok: true, value: shape(value, 'value') };
  } catch (error) {
    if (error instanceof ShapeError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Whether `shape` accepts `value`. */
export const fits = <T>(shape: Shape<T>, value: unknown): value is T => check(shape, value).ok;
