import { describe, expect, it } from 'vitest';
import { appendAll, maxOf } from './append-all.js';

describe('appendAll and maxOf', () => {
  it('handle 300,000 items, where argument spreading overflows the stack', () => {
    const many = Array.from({ length: 300_000 }, (_, index) => index);
    expect(appendAll([-1], many)).toHaveLength(300_001);
    expect(maxOf(many, 0)).toBe(299_999);
  });

  it('return the floor for an empty list', () => {
    expect(maxOf([], 1)).toBe(1);
  });
});
