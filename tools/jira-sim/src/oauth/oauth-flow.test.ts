import { describe, expect, it } from 'vitest';
import { call, useSimulator } from '../testing/test-simulator.test-support.js';

const t = useSimulator();

async function authorize(state: string, scope = 'read:jira-work read:jira-user offline_access read:me'): Promise<URL> {
  const { clientId, redirectUri } = t.sim.credentials.oauthClient;
  const query = new URLSearchParams({ audience: 'api.atlassian.com', client_id: clientId, scope, redirect_uri: redirectUri, state, response_type: 'code', prompt: 'consent' });
  const reply = await call(`${t.sim.authUrl}/authorize?${query.toString()}`);
  expect(reply.status).toBe(302);
  return new URL(reply.headers.get('location') ?? '');
}

async function token(body: Record<string, string>, form = false) {
  const { clientId, clientSecret } = t.sim.credentials.oauthClient;
  const payload = { client_id: clientId, client_secret: clientSecret, ...body };
  return call(`${t.sim.authUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
    body: form ? new URLSearchParams(payload).toString() : JSON.stringify(payload),
  });
}

async function exchange(state = 's'): Promise<{ access_token: string; refresh_token: string }> {
  const code = (await authorize(state)).searchParams.get('code') ?? '';
  const reply = await token({ grant_type: 'authorization_code', code, redirect_uri: t.sim.credentials.oauthClient.redirectUri });
  return reply.body as { access_token: string; refresh_token: string };
}

describe('OAuth 2.0 (3LO) authorization server', () => {
  it('auto-approves /authorize and redirects to the callback with code and state', async () => {
    const location = await authorize('csrf-123');
    expect(`${location.origin}${location.pathname}`).toBe(t.sim.credentials.oauthClient.redirectUri);
    expect(location.searchParams.get('state')).toBe('csrf-123');
    expect(location.searchParams.get('code')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('exchanges a code once for a Bearer token pair that lives an hour', async () => {
    const code = (await authorize('x')).searchParams.get('code') ?? '';
    const first = await token({ grant_type: 'authorization_code', code, redirect_uri: t.sim.credentials.oauthClient.redirectUri });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ expires_in: 3600, token_type: 'Bearer', scope: 'read:jira-work read:jira-user offline_access read:me' });
    expect(typeof first.body.refresh_token).toBe('string');
    const again = await token({ grant_type: 'authorization_code', code, redirect_uri: t.sim.credentials.oauthClient.redirectUri });
    expect(again.status).toBe(403);
    expect(again.body.error).toBe('invalid_grant');
  });

  it('accepts form-urlencoded refresh requests and rotates the refresh token', async () => {
    const pair = await exchange();
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: pair.refresh_token }, true);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(pair.refresh_token);
    expect(refreshed.body.access_token).not.toBe(pair.access_token);
  });

  it('keeps the rotated-out refresh token usable for 10 minutes, then answers 403 invalid_grant', async () => {
    const pair = await exchange();
    await token({ grant_type: 'refresh_token', refresh_token: pair.refresh_token });
    t.sim.control.clock.advance(9 * 60_000);
    const withinGrace = await token({ grant_type: 'refresh_token', refresh_token: pair.refresh_token });
    expect(withinGrace.status).toBe(200);
    t.sim.control.clock.advance(2 * 60_000);
    const late = await token({ grant_type: 'refresh_token', refresh_token: pair.refresh_token });
    expect(late.status).toBe(403);
    expect(late.body).toEqual({ error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' });
  });

  it('expires a refresh token left unused for 90 days', async () => {
    const pair = await exchange();
    t.sim.control.clock.advance(90 * 86_400_000 + 1000);
    const reply = await token({ grant_type: 'refresh_token', refresh_token: pair.refresh_token });
    expect(reply.status).toBe(403);
  });

  it('ends a token family 365 days after consent even when refreshed regularly', async () => {
    let refresh = (await exchange()).refresh_token;
    for (let day = 0; day < 5; day += 1) {
      t.sim.control.clock.advance(80 * 86_400_000);
      const reply = await token({ grant_type: 'refresh_token', refresh_token: refresh });
      if (day < 4) {
        expect(reply.status).toBe(200);
        refresh = reply.body.refresh_token as string;
      } else expect(reply.status).toBe(403);
    }
  });

  it('refuses a wrong client secret', async () => {
    const reply = await call(`${t.sim.authUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token', client_id: t.sim.credentials.oauthClient.clientId, client_secret: 'nope', refresh_token: 'x' }),
    });
    expect(reply.status).toBe(401);
  });

  it('lists every consented site in accessible-resources', async () => {
    const pair = await exchange();
    const reply = await call(`${t.sim.apiGatewayUrl}/oauth/token/accessible-resources`, { headers: { authorization: `Bearer ${pair.access_token}` } });
    expect(reply.status).toBe(200);
    expect(reply.body.map((resource: { id: string }) => resource.id).sort()).toEqual(t.sim.sites.map((site) => site.cloudId).sort());
    expect(reply.body[0]).toMatchObject({ url: expect.stringMatching(/^http:\/\//), name: expect.any(String), scopes: expect.arrayContaining(['read:jira-work']) });
  });

  it('grants only the sites chosen at consent', async () => {
    const only = t.sim.sites[1]?.cloudId ?? '';
    t.sim.control.oauth.setConsent({ cloudIds: [only] });
    const pair = await exchange();
    t.sim.control.oauth.setConsent({ cloudIds: [] });
    const reply = await call(`${t.sim.apiGatewayUrl}/oauth/token/accessible-resources`, { headers: { authorization: `Bearer ${pair.access_token}` } });
    expect(reply.body.map((resource: { id: string }) => resource.id)).toEqual([only]);
    const other = await call(`${t.sim.apiGatewayUrl}/ex/jira/${t.sim.sites[0]?.cloudId ?? ''}/rest/api/3/myself`, { headers: { authorization: `Bearer ${pair.access_token}` } });
    expect(other.status).toBe(401);
  });

  it('redirects with error=access_denied when the user refuses consent', async () => {
    t.sim.control.oauth.setConsent({ deny: true });
    const location = await authorize('st');
    t.sim.control.oauth.setConsent({ deny: false });
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('st');
  });

  it('returns the consenting account from /me with read:me', async () => {
    const pair = await exchange();
    const reply = await call(`${t.sim.apiGatewayUrl}/me`, { headers: { authorization: `Bearer ${pair.access_token}` } });
    expect(reply.body.account_id).toBe(t.sim.credentials.oauthUser.accountId);
  });
  it("follows the app's console settings: a newly registered callback URL is accepted, an unconfigured scope is refused", async () => {
    const { clientId, redirectUri, scopes } = t.sim.credentials.oauthClient;
    const callback = 'http://127.0.0.1:4567/oauth/callback';
    const query = (redirect: string, scope: string) =>
      new URLSearchParams({ audience: 'api.atlassian.com', client_id: clientId, scope, redirect_uri: redirect, state: 's', response_type: 'code', prompt: 'consent' }).toString();
    expect((await call(`${t.sim.authUrl}/authorize?${query(callback, 'read:jira-work')}`)).status).toBe(400);
    t.sim.control.oauth.configureClient({ redirectUris: [redirectUri, callback], scopes: scopes.filter((scope) => scope !== 'manage:jira-webhook') });
    try {
      const accepted = await call(`${t.sim.authUrl}/authorize?${query(callback, 'read:jira-work')}`);
      expect(new URL(accepted.headers.get('location') ?? '').searchParams.get('code')).toMatch(/^[0-9a-f]{32}$/);
      const refused = new URL((await call(`${t.sim.authUrl}/authorize?${query(callback, 'read:jira-work manage:jira-webhook')}`)).headers.get('location') ?? '');
      expect(refused.searchParams.get('error')).toBe('invalid_scope');
    } finally {
      t.sim.control.oauth.configureClient({ redirectUris: [redirectUri], scopes });
    }
  });
});
