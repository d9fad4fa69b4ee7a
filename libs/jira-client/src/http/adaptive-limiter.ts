import pLimit, { type LimitFunction } from 'p-limit';
import { systemClock, type Clock } from './clock.js';
import type { RateLimitSignals } from './rate-limit-signals.js';

export interface AdaptiveLimiterOptions {
  /** Starting and maximum number of requests in flight. Default 8 (Atlassian suggests 5-10). */
  maxConcurrency?: number;
  /** Floor when Jira keeps signalling. Default 1. */
  minConcurrency?: number;
  /** Calm responses needed before allowing one more request in flight. Default 20. */
  recoverAfter?: number;
  clock?: Clock;
}

/**
 * Per-site concurrency limit that halves on 429, steps down on NearLimit / low Remaining, holds every request
 * until a 429's Retry-After has passed, and creeps back up after a run of calm responses (AIMD).
 */
export class AdaptiveLimiter {
  private readonly limit: LimitFunction;
  private readonly max: number;
  private readonly min: number;
  private readonly recoverAfter: number;
  private readonly clock: Clock;
  private calm = 0;
  private pausedUntil = 0;

  constructor(options: AdaptiveLimiterOptions = {}) {
    this.max = options.maxConcurrency ?? 8;
    this.min = Math.min(options.minConcurrency ?? 1, this.max);
    this.recoverAfter = options.recoverAfter ?? 20;
    this.clock = options.clock ?? systemClock;
    this.limit = pLimit(this.max);
  }

  /** Requests currently allowed in flight. */
  get concurrency(): number {
    return this.limit.concurrency;
  }

  /** Runs `task` when a slot is free and any site-wide pause has passed. */
  run<T>(task: () => Promise<T>): Promise<T> {
    return this.limit(async () => {
      await this.waitForPause();
      return task();
    });
  }

  /** Feeds back what a response said about rate limiting. */
  observe(status: number, signals: RateLimitSignals): void {
    if (status === 429) {
      this.calm = 0;
      this.setConcurrency(Math.floor(this.limit.concurrency / 2));
      if (signals.retryAfterMs !== undefined) {
        this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + signals.retryAfterMs);
      }
      return;
    }
    const low = signals.remaining !== undefined && signals.limit !== undefined && signals.remaining < signals.limit * 0.2;
    if (signals.nearLimit || low) {
      this.calm = 0;
      this.setConcurrency(this.limit.concurrency - 1);
      return;
    }
    this.calm += 1;
    if (this.calm >= this.recoverAfter) {
      this.calm = 0;
      this.setConcurrency(this.limit.concurrency + 1);
    }
  }

  private setConcurrency(value: number): void {
    this.limit.concurrency = Math.max(this.min, Math.min(this.max, value));
  }

  private async waitForPause(): Promise<void> {
    for (let wait = this.pausedUntil - this.clock.now(); wait > 0; wait = this.pausedUntil - this.clock.now()) {
      await this.clock.sleep(wait);
    }
  }
}

/** One limiter per site, shared by every client in the process that talks to that site. */
export class SiteLimiterRegistry {
  private readonly limiters = new Map<string, AdaptiveLimiter>();

  constructor(private readonly options: AdaptiveLimiterOptions = {}) {}

  /** The limiter for `siteKey` (site URL or cloudId), created on first use. */
  forSite(siteKey: string): AdaptiveLimiter {
    let limiter = this.limiters.get(siteKey);
    if (!limiter) {
      limiter = new AdaptiveLimiter(this.options);
      this.limiters.set(siteKey, limiter);
    }
    return limiter;
  }
}

/** The process-wide registry used when a client is not given one. */
export const defaultSiteLimiters = new SiteLimiterRegistry();
