import {
  JiraAuthError,
  JiraNetworkError,
  JiraPermissionError,
  JiraRateLimitedError,
  JiraSchemaError,
  JiraServerError,
} from '@jira-sync/jira-client';
import { ConsumerLagTimeoutError, InvalidRecordEventError, RecordEventTooLargeError } from '@jira-sync/events';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { ConnectorNotFoundError } from './sync-context.js';
import { mapFailures, toApplicationFailure } from './to-application-failure.js';

function mapped(error: unknown): ApplicationFailure {
  const failure = toApplicationFailure(error);
  expect(failure).toBeInstanceOf(ApplicationFailure);
  return failure as ApplicationFailure;
}

describe('toApplicationFailure', () => {
  it('makes what a person must fix non-retryable, keeping the message they act on', () => {
    const auth = mapped(new JiraAuthError('GET /myself answered 401: the API token was revoked; create a new one'));
    expect(auth).toMatchObject({ nonRetryable: true, type: 'JiraAuth', message: 'GET /myself answered 401: the API token was revoked; create a new one' });
    const permission = mapped(new JiraPermissionError('grant Browse Projects to the syncing account', { endpoint: '/rest/api/3/search/jql', status: 403 }));
    expect(permission).toMatchObject({ nonRetryable: true, type: 'JiraPermission', message: 'grant Browse Projects to the syncing account' });
    const schema = mapped(new JiraSchemaError('issues', 'is missing', { method: 'POST', endpoint: '/rest/api/3/search/jql' }));
    expect(schema).toMatchObject({ nonRetryable: true, type: 'JiraSchema' });
    expect(schema.message).toContain("field 'issues' is missing");
    expect(mapped(new ConnectorNotFoundError('acme', 'jira'))).toMatchObject({ nonRetryable: true, type: 'ConnectorNotFound' });
  });

  it("retries a rate limit after Jira's own wait, and after a minute when Jira gave none", () => {
    const hinted = mapped(new JiraRateLimitedError('rate limited', { status: 429 }, 42_000));
    expect(hinted).toMatchObject({ nonRetryable: false, type: 'JiraRateLimited', nextRetryDelay: 42_000 });
    expect(mapped(new JiraRateLimitedError('rate limited', { status: 429 }))).toMatchObject({ nonRetryable: false, nextRetryDelay: 60_000 });
  });

  it("leaves transient errors retryable under the activity's policy, with no delay of their own", () => {
    for (const error of [new JiraServerError('503 from Jira', { status: 503 }), new JiraNetworkError('socket reset')]) {
      const failure = mapped(error);
      expect(failure.nonRetryable).toBe(false);
      expect(failure.nextRetryDelay).toBeUndefined();
    }
  });

  it('reports an event too large for the records topic, naming the issue, instead of retrying what cannot change', () => {
    const tooLarge = new RecordEventTooLargeError(3, 17_000_000, 16_777_216, '10001', { type: 'com.jira-sync.record.issue.v1', key: 't/c/issue:10001', recordKey: 'SHOP-12' });
    const failure = mapped(tooLarge);
    expect(failure).toMatchObject({ nonRetryable: true, type: 'RecordEventTooLarge' });
    expect(failure.message).toContain('record SHOP-12');
    expect(failure.message).toContain('17000000 bytes');
    expect(mapped(new InvalidRecordEventError(0, 'data.record.key', 'Required'))).toMatchObject({ nonRetryable: true, type: 'InvalidRecordEvent' });
    expect(mapped(new ConsumerLagTimeoutError('g', 't', 1_000, {}))).toMatchObject({ nonRetryable: false, type: 'ConsumerLagTimeout' });
  });

  it("passes through failures already mapped and errors that are not Jira's", () => {
    const failure = ApplicationFailure.nonRetryable('already mapped', 'Custom');
    expect(toApplicationFailure(failure)).toBe(failure);
    const plain = new TypeError('a bug');
    expect(toApplicationFailure(plain)).toBe(plain);
  });

  it('maps what an activity body throws', async () => {
    await expect(mapFailures(async () => Promise.reject(new JiraPermissionError('no')))).rejects.toMatchObject({ nonRetryable: true, type: 'JiraPermission' });
  });
});
