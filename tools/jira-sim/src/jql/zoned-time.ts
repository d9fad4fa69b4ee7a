/** A local wall-clock time: month 1-12, no seconds (JQL literals have minute granularity). */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    // Throws RangeError for an unknown IANA name: a caller bug, not a JQL error.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      ...{ year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' },
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time (and seconds) at `epochMs` in `timeZone`. */
export function toWallTime(epochMs: number, timeZone: string): WallTime & { second: number } {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts['year'] ?? 0,
    month: parts['month'] ?? 1,
    day: parts['day'] ?? 1,
    hour: parts['hour'] ?? 0,
    minute: parts['minute'] ?? 0,
    second: parts['second'] ?? 0,
  };
}

function wallAsUtc(wall: WallTime): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
}

/** The zone's offset from UTC in ms at `epochMs` (e.g. -8h for Los Angeles in winter). */
export function offsetAt(epochMs: number, timeZone: string): number {
  const wall = toWallTime(epochMs, timeZone);
  const floored = Math.floor(epochMs / 1000) * 1000;
  return wallAsUtc(wall) + wall.second * 1000 - floored;
}

/**
 * The instant a wall-clock time denotes in `timeZone`. Ambiguous times (DST fall-back) resolve to standard
 * time, the later instant, as Java's calendar does. A time that does not exist (spring-forward gap) returns
 * undefined, or with `skipGap` the instant the clocks jumped past it (for computed times like startOfDay).
 */
export function wallTimeToEpoch(wall: WallTime, timeZone: string, skipGap = false): number | undefined {
  const guess = wallAsUtc(wall);
  const candidates = [...new Set([-1, 0, 1].map((days) => guess - offsetAt(guess + days * 86_400_000, timeZone)))];
  const exact = candidates.filter((epoch) => wallAsUtc(toWallTime(epoch, timeZone)) === guess).sort((a, b) => b - a);
  if (exact[0] !== undefined) return exact[0];
  if (!skipGap) return undefined;
  // In a gap, the pre-jump offset moves the time forward by the gap's length, as lenient Java calendars do.
  return guess - Math.min(...[-1, 1].map((days) => offsetAt(guess + days * 86_400_000, timeZone)));
}

/** Checks a wall time's fields are in range (month 1-12, day within month, 00:00-23:59). */
export function isValidWallTime(wall: WallTime): boolean {
  const daysInMonth = new Date(Date.UTC(wall.year, wall.month, 0)).getUTCDate();
  return (
    wall.month >= 1 && wall.month <= 12 && wall.day >= 1 && wall.day <= daysInMonth &&
    wall.hour >= 0 && wall.hour <= 23 && wall.minute >= 0 && wall.minute <= 59
  );
}
