import type { JqlValueOperand } from './jql-ast.js';
import { invalidDateError } from './jql-error.js';
import { applyPeriod, parsePeriod } from './jql-period.js';
import { isValidWallTime, wallTimeToEpoch } from './zoned-time.js';

/** Where and when a query runs: the caller's profile time zone (IANA name) and the current instant. */
export interface JqlClock {
  readonly timeZone: string;
  readonly now: number;
}

// yyyy/MM/dd or yyyy-MM-dd (one separator throughout), optionally followed by one space and HH:mm.
const DATE = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})(?: (\d{1,2}):(\d{2}))?$/;

/**
 * The instant a date value denotes, as Jira reads it:
 * - an unquoted integer is epoch milliseconds (zone-free);
 * - a period (`-5d`, `'4w 2d'`) is relative to `now`;
 * - `yyyy/MM/dd [HH:mm]` or `yyyy-MM-dd [HH:mm]` is a wall time in the caller's zone, to the minute.
 * Anything else (ISO 8601 with `T`, seconds or an offset; a DST-gap time; out-of-range fields) is
 * refused with Jira's "Date value '...' for field '...' is invalid" message naming `field` as written.
 */
export function resolveDateValue(operand: JqlValueOperand, field: string, clock: JqlClock): number {
  if (operand.numeric) return Number(operand.value);
  const period = parsePeriod(operand.value);
  if (period !== undefined) return applyPeriod(clock.now, period, clock.timeZone);
  const match = DATE.exec(operand.value);
  if (match) {
    const [, year, , month, day, hour, minute] = match;
    const wall = {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour ?? 0),
      minute: Number(minute ?? 0),
    };
    const epoch = isValidWallTime(wall) ? wallTimeToEpoch(wall, clock.timeZone) : undefined;
    if (epoch !== undefined) return epoch;
  }
  throw invalidDateError(operand.value, field);
}
