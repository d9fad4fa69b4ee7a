import { request as undiciRequest, type Dispatcher } from 'undici';
import type { ZodType } from 'zod';
import { JiraAuthError, JiraNetworkError, JiraPermissionError, type JiraError } from '../errors/jira-error.js';
import { mapResponseError } from '../errors/map-response-error.js';
import { AdaptiveLimiter } from './adaptive-limiter.js';
import { systemClock, type Clock } from './clock.js';
import { describeEndpoint, type AuthProvider, type JiraRequest, type RequestObserver } from './jira-request.js';
import { parseWithSchema } from './parse-response.js';
import { readRateLimitSignals } from './rate-limit-signals.js';
import {
  computeRetryDelay,
  isRetryableNetworkError,
  isRetryableStatus,
  resolveRetryOptions,
  type RetryOptions,
} from './retry-policy.js';
import { buildUrl, sharedTransport } from './transport.js';

export interface JiraHttpOptions {
  /** Site origin (API token) or `${gateway}/ex/jira/${cloudId}` (OAuth). */
  baseUrl: string;
  auth: AuthProvider;
  limiter?: AdaptiveLimiter;
  dispatcher?: Dispatcher;
  retry?: RetryOptions;
  clock?: Clock;
  random?: () => number;
  observer?: RequestObserver;
}

export type JiraResponse = Dispatcher.ResponseData;

/** Sends Jira requests: per-site limiting, auth, retries with backoff on 429/409/5xx/resets, typed errors. */
export class JiraHttp {
  readonly baseUrl: string;
  private readonly retry;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly limiter: AdaptiveLimiter;
  /** The connection pool, for follow-up requests outside Jira (attachment media redirects). */
  readonly dispatcher: Dispatcher;

  constructor(private readonly options: JiraHttpOptions) {
    this.baseUrl = options.baseUrl;
    this.retry = resolveRetryOptions(options.retry);
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.limiter = options.limiter ?? new AdaptiveLimiter({ clock: this.clock });
    this.dispatcher = options.dispatcher ?? sharedTransport();
  }

  /** Sends `request` and parses the JSON answer with `schema` (unknown fields pass through). */
  async json<T>(request: JiraRequest, schema: ZodType<T>): Promise<T> {
    const text = await this.send(request, async (response) => response.body.text());
    return parseWithSchema(schema, text, { method: request.method, endpoint: describeEndpoint(request) });
  }

  /** Sends `request` with no answer expected (204). */
  async empty(request: JiraRequest): Promise<void> {
    await this.send(request, async (response) => response.body.dump());
  }

  /**
   * Sends `request`, retrying within the budget, and hands a 2xx/3xx response to `consume` while still holding the
   * site's concurrency slot. Non-success statuses become typed errors; a 401 gets one credential recovery (refresh).
   */
  async send<T>(request: JiraRequest, consume: (response: JiraResponse) => Promise<T>): Promise<T> {
    const context = { method: request.method, endpoint: describeEndpoint(request) };
    let waited = 0;
    let recovered = false;
    for (let attempt = 1; ; attempt++) {
      const authorization = await this.options.auth.authorization();
      const outcome = await this.attempt(request, authorization, consume, context);
      if ('value' in outcome) return outcome.value;
      const { error } = outcome;
      if (error instanceof JiraAuthError) {
        if (!recovered && (await this.options.auth.recoverFromUnauthorized?.(authorization))) {
          recovered = true;
          continue;
        }
        if (request.requires !== undefined && (await this.credentialsAccepted(authorization))) {
          throw new JiraPermissionError(
            `${context.method} ${context.endpoint} failed with 401, although Jira accepts these credentials (/myself answers). ` +
              `The account lacks the permission this endpoint needs (${request.requires}); ask a Jira admin to grant it.`,
            { ...context, status: 401 },
          );
        }
        const reason = this.options.auth.describeUnauthorized?.();
        throw reason ? new JiraAuthError(`${context.method} ${context.endpoint} failed with 401. ${reason}`, { ...context, status: 401 }) : error;
      }
      const delay = computeRetryDelay(attempt, outcome.hintMs, this.retry, this.random);
      if (!this.mayRetry(request, error, attempt, waited + delay)) throw error;
      waited += delay;
      await this.clock.sleep(delay);
    }
  }

  /** Whether /myself accepts `authorization`: tells a 401 for a missing permission from one for bad credentials. */
  private async credentialsAccepted(authorization: string): Promise<boolean> {
    const probe: JiraRequest = { method: 'GET', path: '/rest/api/3/myself' };
    try {
      const outcome = await this.limiter.run(() => this.exchange(probe, authorization, async (response) => response.body.dump()));
      return 'value' in outcome;
    } catch {
      return false;
    }
  }

  private mayRetry(request: JiraRequest, error: JiraError, attempt: number, totalDelay: number): boolean {
    const transient = error instanceof JiraNetworkError || (error.status !== undefined && isRetryableStatus(error.status, request.retryOn409 ?? false));
    return (request.idempotent ?? true) && transient && attempt < this.retry.maxAttempts && totalDelay <= this.retry.maxTotalDelayMs;
  }

  private async attempt<T>(
    request: JiraRequest,
    authorization: string,
    consume: (response: JiraResponse) => Promise<T>,
    context: { method: string; endpoint: string },
  ): Promise<{ value: T } | { error: JiraError; hintMs?: number }> {
    try {
      return await this.limiter.run(() => this.exchange(request, authorization, consume));
    } catch (error) {
      if (!isRetryableNetworkError(error)) throw error;
      const message = `${context.method} ${context.endpoint} failed: connection lost or timed out. Check that the site is reachable.`;
      return { error: new JiraNetworkError(message, context, error) };
    }
  }

  private async exchange<T>(
    request: JiraRequest,
    authorization: string,
    consume: (response: JiraResponse) => Promise<T>,
  ): Promise<{ value: T } | { error: JiraError; hintMs?: number }> {
    const url = buildUrl(this.baseUrl, request.path, request.pathParams, request.query);
    this.options.observer?.({
      method: request.method,
      path: request.path,
      pathParams: Object.keys(request.pathParams ?? {}),
      query: [...new Set(url.searchParams.keys())],
      body: request.body,
    });
    const headers: Record<string, string> = { authorization, accept: 'application/json' };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const response = await undiciRequest(url, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      dispatcher: this.dispatcher,
    });
    const now = this.clock.now();
    const signals = readRateLimitSignals(response.headers, now);
    this.limiter.observe(response.statusCode, signals);
    if (response.statusCode < 400) return { value: await consume(response) };
    const text = await response.body.text();
    const context = { method: request.method, endpoint: describeEndpoint(request) };
    const error = mapResponseError(response.statusCode, text, context, signals.retryAfterMs);
    return { error, hintMs: signals.retryAfterMs };
  }
}
