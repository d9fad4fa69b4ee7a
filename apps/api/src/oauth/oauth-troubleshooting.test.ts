import { JiraAuthError, JiraBadRequestError, JiraPermissionError, JiraReauthenticationRequiredError, JiraServerError } from '@jira-sync/jira-client';
import { describe, expect, it } from 'vitest';
import { escapeHtml, renderOutcome } from './callback-route.js';
import { callbackError, problemOf, siteProblem } from './oauth-troubleshooting.js';

const context = { siteUrl: 'https://acme.atlassian.net', redirectUrl: 'https://sync.example.com/oauth/callback' };
const token = { method: 'POST', endpoint: '/oauth/token' };

describe('OAuth troubleshooting cases', () => {
  it("maps the token endpoint's answers by the step that got them", () => {
    expect(problemOf(new JiraAuthError('401', { ...token, status: 401 }), 'exchange', context)?.case).toBe('invalid_client_credentials');
    expect(problemOf(new JiraReauthenticationRequiredError('invalid_grant', { ...token, status: 403 }), 'exchange', context)?.case).toBe('callback_url_mismatch');
    expect(problemOf(new JiraReauthenticationRequiredError('no refresh token', token), 'exchange', context)).toMatchObject({ case: 'missing_scopes', message: expect.stringContaining('offline_access') });
    expect(problemOf(new JiraReauthenticationRequiredError('invalid_grant', { ...token, status: 403 }), 'refresh', context)?.case).toBe('refresh_token_invalid');
    // Production answers a reused refresh token 403 unauthorized_client, which jira-client maps to a permission error.
    expect(problemOf(new JiraPermissionError('refresh_token is invalid', { ...token, status: 403 }), 'refresh', context)?.case).toBe('refresh_token_invalid');
  });

  it('tells a site that refuses the token, a missing scope, an outage and anything else apart', () => {
    const gateway = { method: 'GET', endpoint: '/rest/api/3/myself', status: 401 };
    expect(problemOf(new JiraAuthError('401', gateway), 'exchange', context)?.case).toBe('site_not_authorized');
    expect(problemOf(new JiraPermissionError('Unauthorized; scope does not match', gateway), 'refresh', context)?.case).toBe('missing_scopes');
    expect(problemOf(new JiraServerError('503', { ...token, status: 503 }), 'exchange', context)?.case).toBe('atlassian_unavailable');
    expect(problemOf(new JiraBadRequestError('400', { ...token, status: 400 }), 'exchange', context)?.case).toBe('authorization_failed');
    expect(problemOf(new Error('a bug'), 'exchange', context)).toBeUndefined();
  });

  it('names the sites a grant reaches when the configured one is not among them', () => {
    const other = { id: '1', url: 'https://other.atlassian.net', name: 'Other', scopes: [] };
    expect(siteProblem([], context)).toMatchObject({ case: 'site_not_authorized', message: expect.stringContaining('no site') });
    expect(siteProblem([other], context)).toMatchObject({ case: 'site_not_authorized', message: expect.stringContaining('only Other (https://other.atlassian.net)') });
    const several = siteProblem([other, { id: '2', url: 'https://third.atlassian.net', scopes: [] }], context);
    expect(several).toMatchObject({ case: 'site_not_among_granted', message: expect.stringContaining('https://third.atlassian.net') });
  });

  it('renders every value escaped', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    const { status, html } = renderOutcome({ ok: false, connectorId: 'c"1', problem: callbackError('<img src=x>', '<script>alert(1)</script>') }, 'req-1');
    expect(status).toBe(400);
    expect(html).not.toMatch(/<script>|<img/);
    expect(html).toContain('c&quot;1');
  });
});
