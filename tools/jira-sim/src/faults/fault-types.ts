/** Fault-injection rules. A rule matches by method, route template (or path prefix ending in `*`) and credential. */
export type FaultKind = 'status' | 'rate-limit' | 'latency' | 'drop' | 'expire-token';

export interface FaultRule {
  kind: FaultKind;
  method?: string;
  /** Route template such as `/rest/api/3/search/jql`, or a prefix ending with `*`. */
  path?: string;
  /** Credential label (email, OAuth client id or `anonymous`). */
  credential?: string;
  cloudId?: string;
  /** For `status`: 500, 502, 503, 504 or 409 (users/search). */
  status?: number;
  /** For `rate-limit` and 503: seconds in Retry-After (omit to leave the header out on 503). */
  retryAfterSeconds?: number;
  /** For `rate-limit`: RateLimit-Reason (default jira-burst-based). */
  reason?: string;
  /** For `rate-limit`: serve the historic HTML "Oops" page instead of JSON; for `status`: an HTML page even for 500/409. */
  html?: boolean;
  /** For `rate-limit`: the API gateway's own limiter (X-Failure-Category, no Retry-After; seen in April 2026). */
  gatewayStyle?: boolean;
  /** For `latency`: added delay. */
  latencyMs?: number;
  /** Apply to the next N matching requests only (default: unlimited). */
  times?: number;
  /** Apply to every Nth matching request (1 = every one). */
  everyNth?: number;
  /** Apply with this probability (seeded, deterministic). */
  probability?: number;
}

export interface ActiveFault extends FaultRule {
  id: number;
  seen: number;
  applied: number;
}

export interface BurstConfig {
  enabled: boolean;
  /** Bucket capacity (requests) per path+method. */
  capacity: number;
  /** Refill rate per second; Jira's defaults: GET/POST 100, PUT/DELETE 50. */
  refillPerSecond?: number;
}

export interface PointsConfig {
  enabled: boolean;
  /** Points per UTC hour per OAuth app (Tier 1 global pool: 65,000). */
  quotaPerHour: number;
  /** Emit Beta-* headers only (quota not enforced). */
  betaOnly: boolean;
}
