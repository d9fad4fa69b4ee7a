import { describe, expect, it } from 'vitest';
import { JiraAuthError, JiraBadRequestError, JiraNotFoundError, JiraPermissionError } from './jira-error.js';
import { mapResponseError, parseErrorBody } from './map-response-error.js';

const ctx = { method: 'GET', endpoint: '/rest/api/3/issue/X-1' };

describe('mapResponseError', () => {
  it('maps statuses to typed errors that say whether they are retryable', () => {
    expect(mapResponseError(401, '', ctx)).toBeInstanceOf(JiraAuthError);
    expect(mapResponseError(403, '', ctx)).toBeInstanceOf(JiraPermissionError);
    expect(mapResponseError(404, '', ctx)).toBeInstanceOf(JiraNotFoundError);
    expect(mapResponseError(429, '', ctx, 1000)).toMatchObject({ retryable: true, retryAfterMs: 1000 });
    expect(mapResponseError(410, '', ctx)).toBeInstanceOf(JiraBadRequestError);
    expect(mapResponseError(410, '', ctx).retryable).toBe(false);
  });

  it('treats a gateway scope mismatch as a permission problem, not expired credentials', () => {
    const error = mapResponseError(401, '{"code":401,"message":"Unauthorized; scope does not match"}', ctx);
    expect(error).toBeInstanceOf(JiraPermissionError);
    expect(error.message).toContain('consent');
  });

  it('quotes Jira messages in the error', () => {
    const error = mapResponseError(404, '{"errorMessages":["Issue does not exist or you do not have permission to see it."],"errors":{}}', ctx);
    expect(error.message).toContain('GET /rest/api/3/issue/X-1 failed with 404: Issue does not exist');
    expect(error.status).toBe(404);
  });
});

describe('parseErrorBody', () => {
  it('reads problem+json detail, gateway message and plain html text', () => {
    expect(parseErrorBody('{"title":"Unsupported Media Type","detail":"Content-Type \'null\' is not supported."}').summary).toContain('not supported');
    expect(parseErrorBody('{"code":401,"message":"Unauthorized"}').errorMessages).toEqual(['Unauthorized']);
    expect(parseErrorBody('<html><body>Oops - an error has occurred</body></html>').summary).toBe('Oops - an error has occurred');
  });
});
