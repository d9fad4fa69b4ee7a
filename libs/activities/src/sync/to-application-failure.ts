import { EventsError } from '@jira-sync/events';
import { JiraError, JiraRateLimitedError } from '@jira-sync/jira-client';
import { ApplicationFailure } from '@temporalio/common';
import { ConnectorNotFoundError } from './sync-context.js';

/**
 * The one place Jira errors become Temporal failures. jira-client already waited out 429s and retried transient
 * errors inside the call, so: non-retryable for what a person must fix (credentials, permissions, schema, config),
 * a rate limit's own wait as the next retry delay, and everything else retryable under the activity's policy. libs/events
 * errors say themselves whether retrying can help (an oversized or invalid event never can).
 */
export function toApplicationFailure(error: unknown): unknown {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof ConnectorNotFoundError) return ApplicationFailure.nonRetryable(error.message, 'ConnectorNotFound');
  if (error instanceof JiraRateLimitedError) {
    return ApplicationFailure.create({ message: error.message, type: 'JiraRateLimited', nextRetryDelay: error.retryAfterMs ?? 60_000 });
  }
  // An event too large for the topic or failing its schema fails the same way on every attempt: report it, do not retry.
  if (error instanceof EventsError) {
    const type = error.code.toLowerCase().replace(/(^|_)(\w)/g, (_match, _underscore: string, letter: string) => letter.toUpperCase());
    return error.retryable ? ApplicationFailure.retryable(error.message, type) : ApplicationFailure.nonRetryable(error.message, type);
  }
  if (error instanceof JiraError) {
    const type = `Jira${error.kind.replace(/(^|-)(\w)/g, (_match, _dash: string, letter: string) => letter.toUpperCase())}`;
    return error.retryable ? ApplicationFailure.retryable(error.message, type) : ApplicationFailure.nonRetryable(error.message, type);
  }
  return error;
}

/** Runs an activity body and maps what it throws. */
export async function mapFailures<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    throw toApplicationFailure(error);
  }
}
