/** Where a failed call went: enough to find it in logs, never headers or credentials. */
export interface JiraErrorContext {
  method?: string;
  endpoint?: string;
  status?: number;
}

export type JiraErrorKind =
  | 'auth'
  | 'reauthentication-required'
  | 'permission'
  | 'not-found'
  | 'rate-limited'
  | 'conflict'
  | 'bad-request'
  | 'server'
  | 'network'
  | 'schema'
  | 'configuration'
  | 'pagination'
  | 'too-large';

/** Base of every error the client throws: says what failed, where, and whether trying again can help. */
export class JiraError extends Error {
  readonly kind: JiraErrorKind;
  readonly retryable: boolean;
  readonly method: string | undefined;
  readonly endpoint: string | undefined;
  readonly status: number | undefined;

  constructor(kind: JiraErrorKind, message: string, retryable: boolean, context: JiraErrorContext = {}, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = new.target.name;
    this.kind = kind;
    this.retryable = retryable;
    this.method = context.method;
    this.endpoint = context.endpoint;
    this.status = context.status;
  }
}

/** Jira's own error body: `errorMessages` (global) and `errors` (per field). */
export interface JiraErrorDetails {
  errorMessages: string[];
  errors: Record<string, string>;
}

/** 401 or credentials Jira silently treated as anonymous. */
export class JiraAuthError extends JiraError {
  constructor(message: string, context: JiraErrorContext = {}, kind: 'auth' | 'reauthentication-required' = 'auth') {
    super(kind, message, false, context);
  }
}

/** The refresh token is gone (invalid_grant): only a new consent helps. */
export class JiraReauthenticationRequiredError extends JiraAuthError {
  constructor(message: string, context: JiraErrorContext = {}) {
    super(message, context, 'reauthentication-required');
  }
}

/** 403, or a gateway 401 saying the token's scopes do not cover the endpoint. */
export class JiraPermissionError extends JiraError {
  constructor(message: string, context: JiraErrorContext = {}, readonly details?: JiraErrorDetails) {
    super('permission', message, false, context);
  }
}

/** 404: missing, or invisible to this caller (Jira does not tell them apart). */
export class JiraNotFoundError extends JiraError {
  constructor(message: string, context: JiraErrorContext = {}, readonly details?: JiraErrorDetails) {
    super('not-found', message, false, context);
  }
}

/** 429 after the retry budget ran out; `retryAfterMs` is Jira's hint when it sent one. */
export class JiraRateLimitedError extends JiraError {
  constructor(message: string, context: JiraErrorContext = {}, readonly retryAfterMs?: number) {
    super('rate-limited', message, true, context);
  }
}

/** 409 from user search: the query took too long or was interrupted; trying again usually works. */
export class JiraConflictError extends JiraError {
  constructor(message: string, context: JiraErrorContext = {}) {
    super('conflict', message, true, context);
  }
}

/** 400 and other 4xx: the request is wrong; repeating it cannot help. */
export class JiraBadRequestError extends JiraError {
  readonly errorMessages: string[];
  readonly errors: Record<string, string>;

  constructor(message: string, context: JiraErrorContext = {}, details: JiraErrorDetails = { errorMessages: [], errors: {} }) {
    super('bad-request', message, false, context);
    this.errorMessages = details.errorMessages;
    this.errors = details.errors;
  }
}

/** 5xx. Transient gateway statuses are retryable; so is 500, though the client does not retry it itself. */
export class JiraServerError extends JiraError {
  constructor(message: string, context: JiraErrorContext = {}) {
    super('server', message, true, context);
  }
}

/** Connection reset, refused, or timed out before Jira answered. */
export class JiraNetworkError extends JiraError {
  constructor(message: string, context: JiraErrorContext = {}, cause?: unknown) {
    super('network', message, true, context, cause);
  }
}
