import { toWallTime, wallTimeToEpoch } from './zoned-time.js';

/** A signed JQL period such as `-4w 2d`: the sign applies to every part. */
export interface JqlPeriod {
  readonly years: number;
  readonly months: number;
  readonly days: number;
  readonly minutes: number;
}

const PERIOD = /^([-+])?\s*((?:\d+\s*[yMwdhm]\s*)+)$/;
const PART = /(\d+)\s*([yMwdhm])/g;

/**
 * Reads a period (`-5d`, `4w 2d`, `1h`, `-30m`; units y M w d h m, `m` is minutes and `M` months).
 * A bare number (`-1`) takes `defaultUnit`, as function increments like startOfDay(-1) do.
 * Returns undefined when the text is not a period.
 */
export function parsePeriod(text: string, defaultUnit?: 'y' | 'M' | 'w' | 'd'): JqlPeriod | undefined {
  const trimmed = text.trim();
  const bare = /^([-+])?\s*(\d+)$/.exec(trimmed);
  const match = bare && defaultUnit ? PERIOD.exec(`${bare[1] ?? ''}${bare[2]}${defaultUnit}`) : PERIOD.exec(trimmed);
  if (!match) return undefined;
  const sign = match[1] === '-' ? -1 : 1;
  const total = { years: 0, months: 0, days: 0, minutes: 0 };
  for (const [, amount, unit] of (match[2] ?? '').matchAll(PART)) {
    const n = sign * Number(amount);
    if (unit === 'y') total.years += n;
    else if (unit === 'M') total.months += n;
    else if (unit === 'w') total.days += 7 * n;
    else if (unit === 'd') total.days += n;
    else if (unit === 'h') total.minutes += 60 * n;
    else total.minutes += n;
  }
  return total;
}

/**
 * Moves `epochMs` by a period: years, months and days on the calendar of `timeZone` (so "-1d" across a DST
 * change lands on the same wall time; Jan 31 + 1M is the last day of February), hours and minutes as elapsed time.
 */
export function applyPeriod(epochMs: number, period: JqlPeriod, timeZone: string): number {
  let moved = epochMs;
  if (period.years !== 0 || period.months !== 0 || period.days !== 0) {
    const wall = toWallTime(epochMs, timeZone);
    const monthIndex = wall.year * 12 + (wall.month - 1) + period.years * 12 + period.months;
    const year = Math.floor(monthIndex / 12);
    const month = monthIndex - year * 12 + 1;
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const date = new Date(Date.UTC(year, month - 1, Math.min(wall.day, lastDay) + period.days));
    const shifted = {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: wall.hour,
      minute: wall.minute,
    };
    const subMinute = ((epochMs % 60_000) + 60_000) % 60_000;
    moved = (wallTimeToEpoch(shifted, timeZone, true) ?? epochMs) + subMinute;
  }
  return moved + period.minutes * 60_000;
}
