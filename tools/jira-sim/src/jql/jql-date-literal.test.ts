import { describe, expect, it } from 'vitest';
import type { JqlValueOperand } from './jql-ast.js';
import { resolveDateValue, type JqlClock } from './jql-date-literal.js';
import { JqlError } from './jql-error.js';

const LOS_ANGELES: JqlClock = { timeZone: 'America/Los_Angeles', now: Date.parse('2026-03-01T18:00:00Z') };

function value(text: string, quoted = true): JqlValueOperand {
  return { type: 'value', value: text, quoted, numeric: !quoted && /^\d+$/.test(text), offset: 0 };
}

function resolve(text: string, clock = LOS_ANGELES, quoted = true): string {
  return new Date(resolveDateValue(value(text, quoted), 'updated', clock)).toISOString();
}

function refusal(text: string, clock = LOS_ANGELES, field = 'updated'): JqlError | undefined {
  try {
    resolveDateValue(value(text), field, clock);
  } catch (error) {
    if (error instanceof JqlError) return error;
    throw error;
  }
  return undefined;
}

describe('resolveDateValue', () => {
  it('reads all four formats in the caller zone west of UTC', () => {
    expect(resolve('2026/03/01 10:00')).toBe('2026-03-01T18:00:00.000Z');
    expect(resolve('2026-03-01 10:00')).toBe('2026-03-01T18:00:00.000Z');
    expect(resolve('2026/03/01')).toBe('2026-03-01T08:00:00.000Z');
    expect(resolve('2026-03-01', LOS_ANGELES, false)).toBe('2026-03-01T08:00:00.000Z');
  });

  it('reads the same literal east of UTC as an earlier instant', () => {
    const tokyo = { ...LOS_ANGELES, timeZone: 'Asia/Tokyo' };
    expect(resolve('2026/03/01 10:00', tokyo)).toBe('2026-03-01T01:00:00.000Z');
    expect(resolve('2026-03-01', tokyo)).toBe('2026-02-28T15:00:00.000Z');
  });

  it('accepts single-digit month, day and hour', () => {
    expect(resolve('2026-3-1 9:05')).toBe('2026-03-01T17:05:00.000Z');
  });

  it('reads an unquoted integer as epoch milliseconds, whatever the zone', () => {
    expect(resolveDateValue(value('1732877091000', false), 'updated', LOS_ANGELES)).toBe(1732877091000);
  });

  it('reads periods relative to now', () => {
    expect(resolve('-5d')).toBe('2026-02-24T18:00:00.000Z');
    expect(resolve('-4w 2d')).toBe('2026-01-30T18:00:00.000Z');
    expect(resolve('1h')).toBe('2026-03-01T19:00:00.000Z');
    expect(resolve('-30m')).toBe('2026-03-01T17:30:00.000Z');
    expect(resolve('-1M')).toBe('2026-02-01T18:00:00.000Z');
    expect(resolve('-1y')).toBe('2025-03-01T18:00:00.000Z');
    expect(resolve('+2d')).toBe('2026-03-03T18:00:00.000Z');
  });

  it('keeps the wall time when a day period crosses a DST change', () => {
    const beforeSpring = { ...LOS_ANGELES, now: Date.parse('2026-03-07T18:00:00Z') };
    expect(resolve('2d', beforeSpring)).toBe('2026-03-09T17:00:00.000Z');
  });

  it("refuses ISO 8601 with Jira's exact message", () => {
    expect(refusal('2023-07-13T21:24:33.000+0000')).toMatchObject({
      kind: 'date',
      message:
        "Date value '2023-07-13T21:24:33.000+0000' for field 'updated' is invalid. Valid formats include: " +
        "'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
    });
  });

  it('never accepts seconds, offsets, a T separator or zone suffixes', () => {
    for (const text of ['2026-03-01 10:00:00', '2026-03-01T10:00', '2026-03-01 10:00Z', '2026-03-01 10:00 UTC', '2026-03-01  10:00']) {
      expect(refusal(text)?.kind).toBe('date');
    }
  });

  it('refuses mixed separators, impossible dates and quoted digits', () => {
    for (const text of ['2026/03-01', '2026-02-30', '2026-13-01', '2026-03-01 24:00', '1732877091000', 'yesterday', '5']) {
      expect(refusal(text)?.kind).toBe('date');
    }
  });

  it('refuses a local time inside the DST gap, naming the field as written', () => {
    const newYork = { ...LOS_ANGELES, timeZone: 'America/New_York' };
    expect(refusal('2026-03-08 02:30', newYork, 'UPDATED')?.message).toMatch(
      /^Date value '2026-03-08 02:30' for field 'UPDATED' is invalid\./,
    );
    expect(refusal('2026-03-08 03:30', newYork)).toBeUndefined();
  });
});
