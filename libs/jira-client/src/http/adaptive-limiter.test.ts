import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../test-support/fixture-server.test-support.js';
import { AdaptiveLimiter, SiteLimiterRegistry } from './adaptive-limiter.js';
import type { RateLimitSignals } from './rate-limit-signals.js';

const calm: RateLimitSignals = { retryAfterMs: undefined, nearLimit: false, remaining: undefined, limit: undefined };

describe('AdaptiveLimiter', () => {
  it('halves concurrency on a 429 and never drops below the floor', () => {
    const limiter = new AdaptiveLimiter({ maxConcurrency: 8, minConcurrency: 1 });
    limiter.observe(429, calm);
    expect(limiter.concurrency).toBe(4);
    for (let i = 0; i < 5; i++) limiter.observe(429, calm);
    expect(limiter.concurrency).toBe(1);
  });

  it('steps down on NearLimit and on Remaining below a fifth of Limit', () => {
    const limiter = new AdaptiveLimiter({ maxConcurrency: 8 });
    limiter.observe(200, { ...calm, nearLimit: true });
    expect(limiter.concurrency).toBe(7);
    limiter.observe(200, { ...calm, remaining: 10, limit: 100 });
    expect(limiter.concurrency).toBe(6);
  });

  it('speeds up again after a run of calm responses, up to the maximum', () => {
    const limiter = new AdaptiveLimiter({ maxConcurrency: 4, recoverAfter: 3 });
    limiter.observe(429, calm);
    expect(limiter.concurrency).toBe(2);
    for (let i = 0; i < 3; i++) limiter.observe(200, calm);
    expect(limiter.concurrency).toBe(3);
    for (let i = 0; i < 30; i++) limiter.observe(200, calm);
    expect(limiter.concurrency).toBe(4);
  });

  it('holds every request of the site until a 429 Retry-After has passed', async () => {
    const clock = createFakeClock();
    const limiter = new AdaptiveLimiter({ clock });
    limiter.observe(429, { ...calm, retryAfterMs: 5000 });
    const started = clock.now();
    await limiter.run(async () => undefined);
    expect(clock.now() - started).toBeGreaterThanOrEqual(5000);
  });

  it('never runs more tasks at once than its concurrency', async () => {
    const limiter = new AdaptiveLimiter({ maxConcurrency: 2 });
    let active = 0;
    let peak = 0;
    const task = async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setImmediate(resolve));
      active--;
    };
    await Promise.all(Array.from({ length: 6 }, () => limiter.run(task)));
    expect(peak).toBe(2);
  });
});

describe('SiteLimiterRegistry', () => {
  it('shares one limiter per site and keeps sites apart', () => {
    const registry = new SiteLimiterRegistry();
    expect(registry.forSite('a')).toBe(registry.forSite('a'));
    expect(registry.forSite('a')).not.toBe(registry.forSite('b'));
  });
});
