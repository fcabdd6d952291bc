import { expect } from '@open-wc/testing';
import {
  check,
  either,
  fits,
  list,
  object,
  oneOf,
  optional,
  record,
  text,
  time,
  where,
} from '../../src/domain/shape.js';

describe('shapes', () => {
  const person = object({ name: text(5, 1), at: optional(time), tags: list(oneOf(['a', 'b']), 2) });

  it('accepts a value and keeps only the keys it knows', () => {
    const result = check(person, { name: 'Ana', tags: ['a'], admin: true });
    expect(result).to.deep.equal({ ok: true, value: { name: 'Ana', tags: ['a'] } });
  });

  it('names the path and what is wrong', () => {
    expect(check(person, { name: '', tags: [] })).to.deep.equal({
      ok: false,
      message: 'value.name: must be 1 to 5 characters',
    });
    expect(check(person, { name: 'Ana', tags: ['a', 'c'] })).to.deep.include({
      message: 'value.tags.1: must be one of a, b',
    });
    expect(check(person, { name: 'Ana', tags: ['a', 'b', 'a'] })).to.deep.include({ ok: false });
    expect(check(person, { name: 'Ana', tags: [], at: 'someday' })).to.deep.include({
      message: 'value.at: must be a time',
    });
    expect(check(person, ['Ana'])).to.deep.include({ message: 'value: must be an object' });
    expect(fits(text(3, 0, /^x+$/), 'xy')).to.equal(false);
  });

  it('keeps a "__proto__" key of a map as a key, never as a prototype', () => {
    const answers = record(text(20), either(text(10), list(text(10))));
    const result = check(answers, JSON.parse('{"__proto__": "x", "q1": ["a"]}'));
    expect(result.ok).to.equal(true);
    const value = (result as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(value)).to.equal(Object.prototype);
    expect(Object.keys(value)).to.deep.equal(['__proto__', 'q1']);
    expect(check(answers, { q1: 5 })).to.deep.include({ ok: false });
  });

  it('checks a rule about the whole value', () => {
    const range = where(
      object({ from: text(9), to: text(9) }),
      (r) => r.from <= r.to,
      'ends before it starts',
    );
    expect(fits(range, { from: 'a', to: 'b' })).to.equal(true);
    expect(check(range, { from: 'b', to: 'a' })).to.deep.include({ message: 'value: ends before it starts' });
  });
});
