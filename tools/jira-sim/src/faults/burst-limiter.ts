/** Token buckets per site, path template and method (Jira's burst limit), on the simulator clock. */
import type { SimClock } from '../runtime/sim-clock.js';
import type { BurstConfig } from './fault-types.js';

const DEFAULT_RPS: Record<string, number> = { GET: 100, POST: 100, PUT: 50, DELETE: 50 };
const OVERRIDES: Record<string, number> = {
  'GET /rest/api/3/issue/{issueIdOrKey}': 150,
  'GET /rest/api/3/issue/{issueIdOrKey}/changelog': 200,
  'GET /rest/api/3/user': 150,
  'POST /rest/api/3/search/approximate-count': 150,
};

export interface BurstDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  retryAfterSeconds: number;
}

export class BurstLimiter {
  config: BurstConfig = { enabled: false, capacity: 100 };
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly clock: SimClock) {}

  configure(config: BurstConfig): void {
    this.config = { ...config };
    this.buckets.clear();
  }

  /** The per-second rate of a path and method (Jira's per-path defaults unless configured). */
  rateOf(method: string, template: string): number {
    return this.config.refillPerSecond ?? OVERRIDES[`${method} ${template}`] ?? DEFAULT_RPS[method] ?? 100;
  }

  take(cloudId: string, method: string, template: string): BurstDecision | undefined {
    if (!this.config.enabled) return undefined;
    const rate = this.rateOf(method, template);
    const key = `${cloudId} ${method} ${template}`;
    const now = this.clock.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.config.capacity, at: now };
    bucket.tokens = Math.min(this.config.capacity, bucket.tokens + ((now - bucket.at) / 1000) * rate);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) {
      return { allowed: false, limit: rate, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / rate)) };
    }
    bucket.tokens -= 1;
    return { allowed: true, limit: rate, remaining: Math.floor(bucket.tokens), retryAfterSeconds: 0 };
  }
}
