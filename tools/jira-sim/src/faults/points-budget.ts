/**
 * Points-based hourly quota for OAuth apps: 1 point per request plus 1 per core object and 2 per identity object
 * returned; the window resets at the top of each UTC hour.
 */
import type { SimClock } from '../runtime/sim-clock.js';
import type { PointsConfig } from './fault-types.js';

const HOUR_MS = 3_600_000;

export interface PointsState {
  limit: number;
  remaining: number;
  resetSeconds: number;
  exhausted: boolean;
}

export class PointsBudget {
  config: PointsConfig = { enabled: false, quotaPerHour: 65_000, betaOnly: false };
  private readonly used = new Map<string, { hour: number; points: number }>();

  constructor(private readonly clock: SimClock) {}

  configure(config: PointsConfig): void {
    this.config = { ...config };
    this.used.clear();
  }

  /** Current state for an app (before charging the request). */
  state(clientId: string): PointsState {
    const now = this.clock.now();
    const hour = Math.floor(now / HOUR_MS);
    const entry = this.used.get(clientId);
    const points = entry && entry.hour === hour ? entry.points : 0;
    const remaining = Math.max(0, this.config.quotaPerHour - points);
    return { limit: this.config.quotaPerHour, remaining, resetSeconds: Math.ceil(((hour + 1) * HOUR_MS - now) / 1000), exhausted: remaining <= 0 };
  }

  /** Charges a finished request. */
  charge(clientId: string, cost: { objects: number; identity?: boolean } | undefined, isWrite: boolean): number {
    const points = 1 + (isWrite || !cost ? 0 : cost.objects * (cost.identity ? 2 : 1));
    const hour = Math.floor(this.clock.now() / HOUR_MS);
    const entry = this.used.get(clientId);
    if (!entry || entry.hour !== hour) this.used.set(clientId, { hour, points });
    else entry.points += points;
    return points;
  }
}
