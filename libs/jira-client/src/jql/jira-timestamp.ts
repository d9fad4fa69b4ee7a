const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Parses Jira's `2021-01-17T12:34:00.000+0000` (offset without a colon, in the caller's zone) to epoch ms.
 * Returns undefined for anything else rather than guessing.
 */
export function parseJiraTimestamp(value: string): number | undefined {
  const m = TIMESTAMP.exec(value);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, ms, z, sign, oh, om] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number((ms ?? '0').padEnd(3, '0')));
  if (z) return utc;
  const offsetMs = (Number(oh) * 60 + Number(om)) * 60_000;
  return sign === '+' ? utc - offsetMs : utc + offsetMs;
}

/** Formats an instant as a JQL date literal `yyyy/MM/dd HH:mm` in `timeZone` (seconds dropped: rounds down). */
export function formatJqlLocalMinute(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '00';
  return `${get('year')}/${get('month')}/${get('day')} ${get('hour')}:${get('minute')}`;
}
