import { describe, expect, it } from 'vitest';
import { formatRatios, measure } from './measure.js';

describe('measure', () => {
  it('counts the units the work reports, over at least one sample', async () => {
    let calls = 0;
    const result = await measure('noop', 'ops', () => {
      calls += 1;
      return 5;
    }, 0);
    expect(result.samples).toBeGreaterThanOrEqual(1);
    expect(calls).toBe(result.samples + 1);
    expect(result.rate).toBeGreaterThan(0);
  });
});

describe('formatRatios', () => {
  it('divides every rate by the first row, the baseline', () => {
    const table = formatRatios([
      { name: 'baseline', rate: 200, unit: 'ops/s', samples: 1 },
      { name: 'subject', rate: 50, unit: 'ops/s', samples: 1 },
    ]);
    expect(table.split('\n')[0]).toContain('x1.000 of baseline');
    expect(table.split('\n')[1]).toContain('x0.250 of baseline');
  });
});
