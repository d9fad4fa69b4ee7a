import { describe, expect, it } from 'vitest';
import { parseRetryAfter, readRateLimitSignals } from './rate-limit-signals.js';
import { computeRetryDelay, isRetryableNetworkError, isRetryableStatus, resolveRetryOptions } from './retry-policy.js';

const now = Date.UTC(2026, 0, 1);

describe('readRateLimitSignals', () => {
  it('reads Retry-After seconds before X-RateLimit-Reset', () => {
    const signals = readRateLimitSignals({ 'retry-after': '3', 'x-ratelimit-reset': new Date(now + 60_000).toISOString() }, now);
    expect(signals.retryAfterMs).toBe(3000);
  });

  it('uses X-RateLimit-Reset when Retry-After is absent (gateway 429s)', () => {
    expect(readRateLimitSignals({ 'x-ratelimit-reset': '2026-01-01T00:01Z' }, now).retryAfterMs).toBe(60_000);
  });

  it('reads NearLimit, Remaining and Limit', () => {
    const signals = readRateLimitSignals({ 'x-ratelimit-nearlimit': 'true', 'x-ratelimit-remaining': '5', 'x-ratelimit-limit': '100' }, now);
    expect(signals).toMatchObject({ nearLimit: true, remaining: 5, limit: 100 });
  });

  it('accepts an HTTP-date Retry-After', () => {
    expect(parseRetryAfter(new Date(now + 2000).toUTCString(), now)).toBe(2000);
  });
});

describe('retry policy', () => {
  it('retries 429, 502, 503, 504 and never other 4xx', () => {
    expect([429, 502, 503, 504].every((s) => isRetryableStatus(s, false))).toBe(true);
    expect([400, 401, 403, 404, 409, 410, 500].some((s) => isRetryableStatus(s, false))).toBe(false);
    expect(isRetryableStatus(409, true)).toBe(true);
  });

  it('jitters within ±30 % and honours the server hint as a floor', () => {
    const options = resolveRetryOptions({ baseDelayMs: 1000 });
    expect(computeRetryDelay(1, undefined, options, () => 0)).toBe(700);
    expect(computeRetryDelay(1, undefined, options, () => 1)).toBe(1300);
    expect(computeRetryDelay(3, undefined, options, () => 0.5)).toBe(4000);
    expect(computeRetryDelay(1, 9000, options, () => 0.5)).toBe(9000);
  });

  it('caps one backoff step at maxDelayMs', () => {
    expect(computeRetryDelay(20, undefined, resolveRetryOptions({ maxDelayMs: 30_000 }), () => 0.5)).toBe(30_000);
  });

  it('recognises connection resets inside a cause chain', () => {
    expect(isRetryableNetworkError({ cause: { code: 'ECONNRESET' } })).toBe(true);
    expect(isRetryableNetworkError(new TypeError('x'))).toBe(false);
  });
});
