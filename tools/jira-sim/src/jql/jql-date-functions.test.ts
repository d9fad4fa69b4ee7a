import { describe, expect, it } from 'vitest';
import { evaluateDateFunction } from './jql-date-functions.js';
import type { JqlClock } from './jql-date-literal.js';

// Sunday 2026-03-01 10:00 in Los Angeles.
const LOS_ANGELES: JqlClock = { timeZone: 'America/Los_Angeles', now: Date.parse('2026-03-01T18:00:00Z') };

function evaluate(name: string, args: string[] = [], clock = LOS_ANGELES): string {
  return new Date(evaluateDateFunction({ type: 'function', name, args, offset: 0 }, clock)).toISOString();
}

describe('evaluateDateFunction', () => {
  it('returns now for now()', () => {
    expect(evaluate('now')).toBe('2026-03-01T18:00:00.000Z');
  });

  it('computes day boundaries in the caller zone', () => {
    expect(evaluate('startOfDay')).toBe('2026-03-01T08:00:00.000Z');
    expect(evaluate('STARTOFDAY')).toBe('2026-03-01T08:00:00.000Z');
    expect(evaluate('endOfDay')).toBe('2026-03-02T07:59:59.999Z');
    expect(evaluate('startOfDay', [], { ...LOS_ANGELES, timeZone: 'Asia/Tokyo' })).toBe('2026-03-01T15:00:00.000Z');
  });

  it('applies increments in the function unit by default', () => {
    expect(evaluate('startOfDay', ['-1'])).toBe('2026-02-28T08:00:00.000Z');
    expect(evaluate('startOfMonth', ['+14d'])).toBe('2026-03-15T07:00:00.000Z'); // PDT since March 8
    expect(evaluate('endOfDay', ['+1'])).toBe('2026-03-03T07:59:59.999Z');
  });

  it('computes week (from Sunday), month and year boundaries', () => {
    expect(evaluate('startOfWeek')).toBe('2026-03-01T08:00:00.000Z');
    expect(evaluate('endOfWeek')).toBe('2026-03-08T07:59:59.999Z');
    expect(evaluate('startOfMonth', ['-1'])).toBe('2026-02-01T08:00:00.000Z');
    expect(evaluate('endOfYear')).toBe('2027-01-01T07:59:59.999Z');
    expect(evaluate('startOfYear')).toBe('2026-01-01T08:00:00.000Z');
  });

  it('refuses unknown functions and bad increments', () => {
    expect(() => evaluate('currentUser')).toThrow("Unable to find JQL function 'currentUser()'.");
    expect(() => evaluate('now', ['1'])).toThrow("Function 'now' expected '0' arguments but received '1'.");
    expect(() => evaluate('endOfDay', ['1', '2'])).toThrow(
      "Function 'endOfDay' expected between '0' and '1' arguments but received '2'.",
    );
    expect(() => evaluate('startOfDay', ['soon'])).toThrow("Duration format 'soon' is invalid for function 'startOfDay'.");
  });
});
