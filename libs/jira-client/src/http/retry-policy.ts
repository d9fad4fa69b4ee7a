/** How hard the client tries before giving up. Bounded in attempts and in total waiting time. */
export interface RetryOptions {
  /** Attempts including the first. Default 5. */
  maxAttempts?: number;
  /** Total time the client may spend waiting between attempts of one request. Default 60 s. */
  maxTotalDelayMs?: number;
  /** First backoff step. Default 1 s; doubles each attempt. */
  baseDelayMs?: number;
  /** Cap of one backoff step (a longer Retry-After still wins, within the budget). Default 30 s. */
  maxDelayMs?: number;
}

export type ResolvedRetryOptions = Required<RetryOptions>;

/** Fills in the defaults Atlassian recommends (exponential backoff, ~4 retries, ~30 s cap). */
export function resolveRetryOptions(options: RetryOptions = {}): ResolvedRetryOptions {
  return {
    maxAttempts: options.maxAttempts ?? 5,
    maxTotalDelayMs: options.maxTotalDelayMs ?? 60_000,
    baseDelayMs: options.baseDelayMs ?? 1_000,
    maxDelayMs: options.maxDelayMs ?? 30_000,
  };
}

/** Statuses worth another try: 429, transient gateway errors, and 409 where the endpoint documents it as transient. */
export function isRetryableStatus(status: number, retryOn409: boolean): boolean {
  return status === 429 || status === 502 || status === 503 || status === 504 || (retryOn409 && status === 409);
}

const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Connection resets and timeouts are retried; programming errors are not. */
export function isRetryableNetworkError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && RETRYABLE_NETWORK_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Delay before attempt `attempt + 1` (attempt counts from 1): exponential with ×0.7–1.3 jitter, never shorter than
 * the server's Retry-After / X-RateLimit-Reset hint.
 */
export function computeRetryDelay(
  attempt: number,
  hintMs: number | undefined,
  options: ResolvedRetryOptions,
  random: () => number,
): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  const jittered = Math.round(exponential * (0.7 + 0.6 * random()));
  return Math.max(jittered, hintMs ?? 0);
}
