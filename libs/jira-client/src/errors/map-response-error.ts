import { parseJsonWithoutPrototypes } from '../http/parse-response.js';
import {
  JiraAuthError,
  JiraBadRequestError,
  JiraConflictError,
  JiraNotFoundError,
  JiraPermissionError,
  JiraRateLimitedError,
  JiraServerError,
  type JiraError,
  type JiraErrorContext,
  type JiraErrorDetails,
} from './jira-error.js';

const MAX_TEXT = 300;

/** Jira's own sentence without its closing period(s), for quoting it in a message that goes on after it. */
function withoutFinalPeriod(text: string): string {
  return text.replace(/[\s.]+$/, '');
}

/** Reads any of Jira's error shapes: ErrorCollection, gateway `{message}`, problem+json `{detail}`, or plain text. */
export function parseErrorBody(text: string): JiraErrorDetails & { summary: string } {
  let parsed: unknown;
  try {
    parsed = parseJsonWithoutPrototypes(text);
  } catch {
    const plain = text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_TEXT);
    return { errorMessages: plain ? [plain] : [], errors: {}, summary: withoutFinalPeriod(plain) };
  }
  const body = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  const errorMessages = Array.isArray(body.errorMessages) ? body.errorMessages.filter((m) => typeof m === 'string') : [];
  const errors: Record<string, string> = {};
  if (typeof body.errors === 'object' && body.errors !== null) {
    for (const [key, value] of Object.entries(body.errors)) if (typeof value === 'string') errors[key] = value;
  }
  for (const key of ['message', 'detail', 'error_description', 'error'] as const) {
    const value = body[key];
    if (errorMessages.length === 0 && typeof value === 'string') errorMessages.push(value);
  }
  const fieldText = Object.entries(errors).map(([field, message]) => `${field}: ${message}`);
  // Quoted mid-message ("...: <summary>. Do this"), so each part loses its own closing period: no "..".
  const summary = [...errorMessages, ...fieldText].map(withoutFinalPeriod).filter((part) => part !== '').join('; ').slice(0, MAX_TEXT);
  return { errorMessages, errors, summary };
}

/** Turns a non-2xx response into the matching typed error, with a message that says what to do next. */
export function mapResponseError(status: number, bodyText: string, context: JiraErrorContext, retryAfterMs?: number): JiraError {
  const details = parseErrorBody(bodyText);
  const where = `${context.method ?? 'GET'} ${context.endpoint ?? '?'} failed with ${status}`;
  const said = details.summary ? `: ${withoutFinalPeriod(details.summary)}` : '';
  const ctx = { ...context, status };
  if (status === 401) {
    if (/scope does not match/i.test(details.summary)) {
      return new JiraPermissionError(
        `${where}${said}. The OAuth grant lacks a scope this endpoint needs; reconnect and consent to the required scopes.`,
        ctx,
        details,
      );
    }
    return new JiraAuthError(`${where}${said}. Invalid credentials: check the email and API token, or reconnect the OAuth app.`, ctx);
  }
  if (status === 403) {
    return new JiraPermissionError(`${where}${said}. The Jira account lacks the permission this needs; ask a Jira admin to grant it.`, ctx, details);
  }
  if (status === 404) return new JiraNotFoundError(`${where}${said}. It does not exist or this account cannot see it.`, ctx, details);
  if (status === 409) return new JiraConflictError(`${where}${said}. Jira interrupted the query; try again.`, ctx);
  if (status === 429) return new JiraRateLimitedError(`${where}${said}. Jira is rate limiting this site; try again later.`, ctx, retryAfterMs);
  if (status >= 500) return new JiraServerError(`${where}${said}. Jira had a server problem; try again later.`, ctx);
  return new JiraBadRequestError(`${where}${said}. Fix the request: Jira rejected it.`, ctx, details);
}
