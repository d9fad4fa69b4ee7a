import type { QueryValue } from './transport.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One call to a Jira REST operation, described by its OpenAPI path template. */
export interface JiraRequest {
  method: HttpMethod;
  /** OpenAPI path template, e.g. `/rest/api/3/issue/{issueIdOrKey}`. */
  path: string;
  pathParams?: Record<string, string | number>;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Safe to send again after a failure. Default: true (the client's calls are reads, or idempotent by design). */
  idempotent?: boolean;
  /** The endpoint documents 409 as "took too long, try again" (user search). */
  retryOn409?: boolean;
  /**
   * What the endpoint needs beyond valid credentials (e.g. "Administer Jira"). Jira answers some admin-only endpoints
   * with 401 for a caller who lacks it: when /myself still accepts the same credentials, that 401 is reported as a
   * missing permission naming this, not as invalid credentials.
   */
  requires?: string;
}

/** What a request observer sees: the operation and parameter names, never headers. */
export interface RecordedRequest {
  method: HttpMethod;
  path: string;
  pathParams: string[];
  query: string[];
  body: unknown;
}

/** Called once per request the client sends (including retries): used by the OpenAPI contract test. */
export type RequestObserver = (request: RecordedRequest) => void;

/** Supplies the Authorization header, and recovers from a 401 where it can (OAuth refresh). */
export interface AuthProvider {
  authorization(): Promise<string>;
  /** Called once on a 401 with the header Jira rejected; resolves true when a retry with new credentials makes sense. */
  recoverFromUnauthorized?(rejectedAuthorization: string): Promise<boolean>;
  /** Explains a 401 in words the user can act on. */
  describeUnauthorized?(): string;
}

/** Concrete path of a request, for error messages (no query string: it may hold JQL, never secrets, but is long). */
export function describeEndpoint(request: JiraRequest): string {
  return request.path.replace(/\{(\w+)\}/g, (_, name: string) => String(request.pathParams?.[name] ?? `{${name}}`));
}
