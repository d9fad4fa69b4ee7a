import type { JqlFunctionOperand } from './jql-ast.js';
import { JqlError } from './jql-error.js';
import type { JqlClock } from './jql-date-literal.js';
import { applyPeriod, parsePeriod, type JqlPeriod } from './jql-period.js';
import { toWallTime, wallTimeToEpoch, type WallTime } from './zoned-time.js';

type Unit = 'y' | 'M' | 'w' | 'd';

const BOUNDARY_FUNCTIONS: Readonly<Record<string, { unit: Unit; end: boolean }>> = {
  startofday: { unit: 'd', end: false },
  endofday: { unit: 'd', end: true },
  startofweek: { unit: 'w', end: false },
  endofweek: { unit: 'w', end: true },
  startofmonth: { unit: 'M', end: false },
  endofmonth: { unit: 'M', end: true },
  startofyear: { unit: 'y', end: false },
  endofyear: { unit: 'y', end: true },
};

const ONE: Readonly<Record<Unit, JqlPeriod>> = {
  y: { years: 1, months: 0, days: 0, minutes: 0 },
  M: { years: 0, months: 1, days: 0, minutes: 0 },
  w: { years: 0, months: 0, days: 7, minutes: 0 },
  d: { years: 0, months: 0, days: 1, minutes: 0 },
};

/** Midnight at the start of the day, week (Sunday, as Jira's en_US locale), month or year holding `wall`. */
function startOfPeriod(wall: WallTime, unit: Unit): WallTime {
  const midnight = { ...wall, hour: 0, minute: 0 };
  if (unit === 'y') return { ...midnight, month: 1, day: 1 };
  if (unit === 'M') return { ...midnight, day: 1 };
  if (unit === 'd') return midnight;
  const weekday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
  const sunday = new Date(Date.UTC(wall.year, wall.month - 1, wall.day - weekday));
  return { ...midnight, year: sunday.getUTCFullYear(), month: sunday.getUTCMonth() + 1, day: sunday.getUTCDate() };
}

function unsupportedFunction(operand: JqlFunctionOperand): JqlError {
  return new JqlError('unsupported', `Unable to find JQL function '${operand.name}(${operand.args.join(', ')})'.`);
}

/**
 * Evaluates a date function in the caller's zone: now(), and startOf/endOf Day/Week/Month/Year with an
 * optional increment (`startOfDay(-1)` is yesterday's midnight, `startOfMonth("+14d")` the 15th).
 * endOf* is the last millisecond of the period; the increment moves the boundary.
 */
export function evaluateDateFunction(operand: JqlFunctionOperand, clock: JqlClock): number {
  const name = operand.name.toLowerCase();
  const count = operand.args.length;
  if (name === 'now') {
    if (count === 0) return clock.now;
    throw new JqlError('unsupported', `Function '${operand.name}' expected '0' arguments but received '${count}'.`);
  }
  const spec = BOUNDARY_FUNCTIONS[name];
  if (spec === undefined) throw unsupportedFunction(operand);
  if (count > 1) {
    const sentence = `Function '${operand.name}' expected between '0' and '1' arguments but received '${count}'.`;
    throw new JqlError('unsupported', sentence);
  }
  const increment = operand.args[0] === undefined ? undefined : parsePeriod(operand.args[0], spec.unit);
  if (operand.args[0] !== undefined && increment === undefined) {
    throw new JqlError('date', `Duration format '${operand.args[0]}' is invalid for function '${operand.name}'.`);
  }
  const start = wallTimeToEpoch(startOfPeriod(toWallTime(clock.now, clock.timeZone), spec.unit), clock.timeZone, true);
  let boundary = start ?? clock.now;
  if (spec.end) boundary = applyPeriod(boundary, ONE[spec.unit], clock.timeZone) - 1;
  return increment === undefined ? boundary : applyPeriod(boundary, increment, clock.timeZone);
}
