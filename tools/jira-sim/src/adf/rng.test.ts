import { describe, expect, it } from 'vitest';
import { createRng } from './rng.js';

describe('createRng', () => {
  it('repeats the same sequence for the same seed, numeric or string', () => {
    const sequence = (seed: number | string) => Array.from({ length: 5 }, ((rng) => () => rng.next())(createRng(seed)));
    expect(sequence(42)).toEqual(sequence(42));
    expect(sequence('ABC-1')).toEqual(sequence('ABC-1'));
    expect(sequence(42)).not.toEqual(sequence(43));
    expect(sequence('ABC-1')).not.toEqual(sequence('ABC-2'));
  });

  it('keeps int within its inclusive bounds and reaches both ends', () => {
    const rng = createRng(1);
    const values = new Set(Array.from({ length: 500 }, () => rng.int(2, 5)));
    expect([...values].sort()).toEqual([2, 3, 4, 5]);
  });

  it('picks from lists, refuses empty ones, and makes hex ids of the asked length', () => {
    const rng = createRng(9);
    expect(['a', 'b']).toContain(rng.pick(['a', 'b']));
    expect(() => rng.pick([])).toThrow(RangeError);
    expect(rng.hex(12)).toMatch(/^[0-9a-f]{12}$/);
  });
});
