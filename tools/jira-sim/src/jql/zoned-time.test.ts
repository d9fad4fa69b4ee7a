import { describe, expect, it } from 'vitest';
import { offsetAt, toWallTime, wallTimeToEpoch } from './zoned-time.js';

const wall = (year: number, month: number, day: number, hour = 0, minute = 0) => ({ year, month, day, hour, minute });

describe('wallTimeToEpoch', () => {
  it('reads a wall time west of UTC (Los Angeles, PST) as eight hours later in UTC', () => {
    expect(wallTimeToEpoch(wall(2026, 3, 1, 10, 0), 'America/Los_Angeles')).toBe(Date.parse('2026-03-01T18:00:00Z'));
  });

  it('reads a wall time east of UTC (Tokyo) as nine hours earlier in UTC', () => {
    expect(wallTimeToEpoch(wall(2026, 3, 1, 10, 0), 'Asia/Tokyo')).toBe(Date.parse('2026-03-01T01:00:00Z'));
  });

  it('follows daylight saving time (Los Angeles, PDT in summer)', () => {
    expect(wallTimeToEpoch(wall(2026, 7, 1, 10, 0), 'America/Los_Angeles')).toBe(Date.parse('2026-07-01T17:00:00Z'));
  });

  it('returns undefined for a time inside the spring-forward gap', () => {
    expect(wallTimeToEpoch(wall(2026, 3, 8, 2, 30), 'America/New_York')).toBeUndefined();
    expect(wallTimeToEpoch(wall(2026, 3, 8, 1, 59), 'America/New_York')).toBe(Date.parse('2026-03-08T06:59:00Z'));
    expect(wallTimeToEpoch(wall(2026, 3, 8, 3, 0), 'America/New_York')).toBe(Date.parse('2026-03-08T07:00:00Z'));
  });

  it('moves a gap time forward by the gap when asked to skip it', () => {
    expect(wallTimeToEpoch(wall(2026, 3, 8, 2, 30), 'America/New_York', true)).toBe(Date.parse('2026-03-08T07:30:00Z'));
  });

  it('resolves an ambiguous fall-back time to standard time', () => {
    expect(wallTimeToEpoch(wall(2026, 11, 1, 1, 30), 'America/New_York')).toBe(Date.parse('2026-11-01T06:30:00Z'));
  });

  it('treats UTC as a zone without offset', () => {
    expect(wallTimeToEpoch(wall(2024, 2, 29, 23, 59), 'UTC')).toBe(Date.parse('2024-02-29T23:59:00Z'));
  });
});

describe('toWallTime and offsetAt', () => {
  it('render an instant in a zone and give its offset', () => {
    const instant = Date.parse('2026-03-01T18:00:30Z');
    expect(toWallTime(instant, 'America/Los_Angeles')).toEqual({ ...wall(2026, 3, 1, 10, 0), second: 30 });
    expect(offsetAt(instant, 'America/Los_Angeles')).toBe(-8 * 3_600_000);
    expect(offsetAt(instant, 'Asia/Kolkata')).toBe(5.5 * 3_600_000);
  });
});
