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

describe('messages quoting Jira', () => {
  const bodies = [
    '{"errorMessages":["Specified user does not exist or you do not have required permissions to view /rest/api/3/myself."],"errors":{}}',
    '{"errorMessages":["First problem.","Second problem.."],"errors":{"jql":"The value is invalid."}}',
    'Client must be authenticated to access this resource.',
    '{"code":401,"message":"Unauthorized."}',
    '{"detail":"Content-Type is not supported."}',
  ];
  it.each([400, 401, 403, 404, 409, 429, 500])('never end a sentence with a doubled period (%i)', (status) => {
    for (const body of bodies) {
      const { message } = mapResponseError(status, body, { method: 'GET', endpoint: '/rest/api/3/myself' });
      expect(message).not.toMatch(/\.\./);
      expect(message).toMatch(/[a-z]\. [A-Z]/);
    }
  });

  it('keeps the quoted sentence whole: "...myself. It does not exist"', () => {
    const error = mapResponseError(404, bodies[0]!, { method: 'GET', endpoint: '/rest/api/3/user' });
    expect(error.message).toContain('to view /rest/api/3/myself. It does not exist or this account cannot see it.');
    expect(mapResponseError(400, bodies[1]!, ctx).message).toContain(': First problem; Second problem; jql: The value is invalid. Fix the request');
  });
});

describe('parseErrorBody', () => {
  it('reads problem+json detail, gateway message and plain html text', () => {
    expect(parseErrorBody('{"title":"Unsupported Media Type","detail":"Content-Type \'null\' is not supported."}').summary).toContain('not supported');
    expect(parseErrorBody('{"code":401,"message":"Unauthorized"}').errorMessages).toEqual(['Unauthorized']);
    expect(parseErrorBody('<html><body>Oops - an error has occurred</body></html>').summary).toBe('Oops - an error has occurred');
  });
});
