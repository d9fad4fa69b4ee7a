import type { Dispatcher } from 'undici';
import { defaultSiteLimiters, type SiteLimiterRegistry } from './http/adaptive-limiter.js';
import type { JiraHttpOptions } from './http/jira-http.js';
import type { Clock } from './http/clock.js';
import type { RequestObserver } from './http/jira-request.js';
import type { RetryOptions } from './http/retry-policy.js';

/** Options every client takes. All optional: production defaults apply. */
export interface CommonClientOptions {
  /** Site URL, e.g. https://your-site.atlassian.net (validated strictly). */
  siteUrl: string;
  /** Accept http://127.0.0.1:PORT / localhost site URLs (simulator, tests). Never implied. */
  allowInsecureLoopback?: boolean;
  /** Per-site concurrency limiters, shared across clients. Default: one registry per process. */
  limiters?: SiteLimiterRegistry;
  /** Connection pool (createTransport). Default: one shared keep-alive pool. */
  dispatcher?: Dispatcher;
  retry?: RetryOptions;
  clock?: Clock;
  /** Jitter source (tests pass a constant). */
  random?: () => number;
  /** Sees every request (method, path template, parameter names): for contract tests and metrics. */
  observer?: RequestObserver;
}

/** The transport settings both client kinds hand to JiraHttp; the limiter is the site's shared one. */
export function transportOptions(options: CommonClientOptions, siteUrl: string): Omit<JiraHttpOptions, 'baseUrl' | 'auth'> {
  return {
    limiter: (options.limiters ?? defaultSiteLimiters).forSite(siteUrl.toLowerCase()),
    dispatcher: options.dispatcher,
    retry: options.retry,
    clock: options.clock,
    random: options.random,
    observer: options.observer,
  };
}
