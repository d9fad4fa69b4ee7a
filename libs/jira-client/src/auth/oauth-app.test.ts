import { describe, expect, it } from 'vitest';
import { JiraConfigurationError } from '../errors/jira-local-errors.js';
import { selectSiteResource } from './accessible-resources.js';
import { buildAuthorizationUrl } from './oauth-app.js';
import { assertScopesGranted, findMissingScopes, REQUIRED_OAUTH_SCOPES } from './scopes.js';

const app = { clientId: 'cid', clientSecret: 'secret', redirectUri: 'https://app.example.com/cb' };

describe('buildAuthorizationUrl', () => {
  it('targets auth.atlassian.com with audience, code flow, state, consent prompt and offline_access', () => {
    const url = new URL(buildAuthorizationUrl(app, { state: 'xyz', scopes: ['read:jira-work'] }));
    expect(url.origin + url.pathname).toBe('https://auth.atlassian.com/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      audience: 'api.atlassian.com',
      client_id: 'cid',
      scope: 'read:jira-work offline_access',
      redirect_uri: 'https://app.example.com/cb',
      state: 'xyz',
      response_type: 'code',
      prompt: 'consent',
    });
    expect(url.toString()).not.toContain('secret');
  });

  it('asks for every required scope by default and honours an overridden auth host', () => {
    const url = new URL(buildAuthorizationUrl({ ...app, authBaseUrl: 'http://127.0.0.1:9' }, { state: 's' }));
    expect(url.origin).toBe('http://127.0.0.1:9');
    expect(url.searchParams.get('scope')?.split(' ').sort()).toEqual([...REQUIRED_OAUTH_SCOPES].sort());
  });
});

describe('selectSiteResource', () => {
  const resources = [
    { id: 'c-other', url: 'https://other.atlassian.net', scopes: [] },
    { id: 'c-acme', url: 'https://acme.atlassian.net', scopes: [] },
  ];

  it('chooses the site by URL among several', () => {
    expect(selectSiteResource(resources, 'https://acme.atlassian.net').id).toBe('c-acme');
  });

  it('refuses to guess when the configured site is not there, even with one site', () => {
    expect(() => selectSiteResource([resources[0]!], 'https://acme.atlassian.net')).toThrow(JiraConfigurationError);
    expect(() => selectSiteResource(resources, 'https://nope.atlassian.net')).toThrow(/reaches: https:\/\/other.atlassian.net, https:\/\/acme/);
  });
});

describe('scopes', () => {
  it('lists what is missing from a space-separated grant', () => {
    expect(findMissingScopes('read:jira-work offline_access', ['read:jira-work', 'read:jira-user', 'offline_access'])).toEqual(['read:jira-user']);
  });

  it('throws a configuration error that says to reconnect', () => {
    expect(() => assertScopesGranted(['read:jira-work'])).toThrow(/reconnect/);
    expect(() => assertScopesGranted([...REQUIRED_OAUTH_SCOPES])).not.toThrow();
  });
});
