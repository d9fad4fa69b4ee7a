/** What Jira's response headers say about rate limiting, in milliseconds relative to `now`. */
export interface RateLimitSignals {
  /** From Retry-After (seconds or HTTP date), else from X-RateLimit-Reset. */
  retryAfterMs: number | undefined;
  nearLimit: boolean;
  remaining: number | undefined;
  limit: number | undefined;
}

type HeaderBag = Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function parseNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** Retry-After in seconds or as an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  const seconds = parseNumber(value);
  if (seconds !== undefined) return Math.max(0, seconds * 1000);
  if (value === undefined) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** X-RateLimit-Reset is an ISO timestamp (older docs: `yyyy-MM-ddTHH:mmZ`). */
export function parseResetAt(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Reads Retry-After, X-RateLimit-Reset, X-RateLimit-NearLimit, -Remaining and -Limit from a response. */
export function readRateLimitSignals(headers: HeaderBag, now: number): RateLimitSignals {
  const retryAfterMs =
    parseRetryAfter(header(headers, 'retry-after'), now) ?? parseResetAt(header(headers, 'x-ratelimit-reset'), now);
  return {
    retryAfterMs,
    nearLimit: header(headers, 'x-ratelimit-nearlimit')?.toLowerCase() === 'true',
    remaining: parseNumber(header(headers, 'x-ratelimit-remaining')),
    limit: parseNumber(header(headers, 'x-ratelimit-limit')),
  };
}
