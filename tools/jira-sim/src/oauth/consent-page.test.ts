import { describe, expect, it } from 'vitest';
import { call, useSimulator } from '../testing/test-simulator.test-support.js';

const t = useSimulator({ switches: { consentPage: true } });

describe('the consent page', () => {
  it('shows a form for the configured user and redirects with a code once accepted', async () => {
    const { clientId, redirectUri } = t.sim.credentials.oauthClient;
    const query = new URLSearchParams({ audience: 'api.atlassian.com', client_id: clientId, scope: 'read:jira-work offline_access', redirect_uri: redirectUri, state: 'abc', response_type: 'code' });
    const page = await call(`${t.sim.authUrl}/authorize?${query.toString()}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Priya Natarajan');
    const accepted = await call(`${t.sim.authUrl}/authorize/consent`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `${query.toString()}&decision=accept` });
    const location = new URL(accepted.headers.get('location') ?? '');
    expect(location.searchParams.get('code')).toMatch(/^[0-9a-f]{32}$/);
    expect(location.searchParams.get('state')).toBe('abc');
  });

  it('refuses an unregistered redirect URI without redirecting', async () => {
    const query = new URLSearchParams({ audience: 'api.atlassian.com', client_id: t.sim.credentials.oauthClient.clientId, scope: 'read:jira-work', redirect_uri: 'https://evil.example/cb', state: 'x', response_type: 'code' });
    const reply = await call(`${t.sim.authUrl}/authorize?${query.toString()}`);
    expect(reply.status).toBe(400);
    expect(reply.headers.get('location')).toBeNull();
  });
});
