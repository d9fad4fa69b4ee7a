/** Jira's timestamp format `yyyy-MM-dd'T'HH:mm:ss.SSSZ`, rendered in the requesting user's time zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

const dayOffsets = new Map<string, { start: number; end: number }>();
const DAY_MS = 86_400_000;

/** Offset of a time zone from UTC at an instant, in minutes (negative west of UTC). */
export function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  // Offsets change at most a couple of times a year: remember each UTC day's offsets at both ends and only ask
  // Intl again on the days a transition happens.
  const day = Math.floor(epochMs / DAY_MS);
  const key = `${timeZone} ${day}`;
  let entry = dayOffsets.get(key);
  if (!entry) {
    if (dayOffsets.size > 100_000) dayOffsets.clear();
    entry = { start: computeOffset(day * DAY_MS, timeZone), end: computeOffset((day + 1) * DAY_MS - 1, timeZone) };
    dayOffsets.set(key, entry);
  }
  return entry.start === entry.end ? entry.start : computeOffset(epochMs, timeZone);
}

function computeOffset(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60000);
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Renders an instant as Jira does, e.g. `2021-01-17T04:34:00.000-0800`. */
export function formatJiraTime(epochMs: number, timeZone = 'UTC'): string {
  const offset = zoneOffsetMinutes(epochMs, timeZone);
  const local = new Date(epochMs + offset * 60000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}.${pad(local.getUTCMilliseconds(), 3)}` +
    `${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`
  );
}
