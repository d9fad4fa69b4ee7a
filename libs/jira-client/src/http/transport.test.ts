import { describe, expect, it } from 'vitest';
import { buildUrl, closeSharedTransport, sharedTransport } from './transport.js';

describe('buildUrl', () => {
  it('fills and encodes path parameters and repeats array query parameters', () => {
    const url = buildUrl('https://acme.atlassian.net', '/rest/api/3/issue/{issueIdOrKey}', { issueIdOrKey: 'A/1' }, { fields: ['a', 'b'], expand: undefined, n: 3 });
    expect(url.toString()).toBe('https://acme.atlassian.net/rest/api/3/issue/A%2F1?fields=a&fields=b&n=3');
  });

  it('keeps a gateway prefix in the base URL', () => {
    expect(buildUrl('https://api.atlassian.com/ex/jira/abc', '/rest/api/3/myself').pathname).toBe('/ex/jira/abc/rest/api/3/myself');
  });

  it('refuses a template whose path parameter was not given', () => {
    expect(() => buildUrl('https://acme.atlassian.net', '/rest/api/3/attachment/{id}')).toThrow(/'id' is missing/);
  });
});

describe('the shared transport', () => {
  it('is one pool per process until closed, then a new one', async () => {
    const first = sharedTransport();
    expect(sharedTransport()).toBe(first);
    await closeSharedTransport();
    expect(sharedTransport()).not.toBe(first);
    await closeSharedTransport();
  });
});
