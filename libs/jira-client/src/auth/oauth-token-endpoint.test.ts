import { afterEach, describe, expect, it } from 'vitest';
import { JiraReauthenticationRequiredError } from '../errors/jira-error.js';
import { createFakeClock, sendJson, startFixtureServer, type FixtureServer } from '../test-support/fixture-server.test-support.js';
import { exchangeAuthorizationCode, refreshTokenSet } from './oauth-token-endpoint.js';

let server: FixtureServer | undefined;
afterEach(async () => server?.close());

const appFor = (url: string) => ({ clientId: 'cid', clientSecret: 'shh', redirectUri: 'https://app/cb', authBaseUrl: url });

describe('OAuth token endpoint', () => {
  it('exchanges a code and computes expiry from expires_in', async () => {
    server = await startFixtureServer((_req, res) =>
      sendJson(res, 200, { access_token: 'a', refresh_token: 'r', expires_in: 3600, scope: 'read:jira-work offline_access', token_type: 'Bearer' }),
    );
    const clock = createFakeClock();
    const set = await exchangeAuthorizationCode(appFor(server.url), 'code1', clock);
    expect(set).toEqual({ accessToken: 'a', refreshToken: 'r', expiresAt: clock.now() + 3_600_000, scopes: ['read:jira-work', 'offline_access'] });
    expect(JSON.parse(server.seen[0]!.body)).toMatchObject({ grant_type: 'authorization_code', code: 'code1', redirect_uri: 'https://app/cb' });
  });

  it('keeps the old refresh token when a refresh response omits it', async () => {
    server = await startFixtureServer((_req, res) => sendJson(res, 200, { access_token: 'a2', expires_in: 3600 }));
    expect((await refreshTokenSet(appFor(server.url), 'r1')).refreshToken).toBe('r1');
  });

  it('quotes the auth server without doubling its closing period', async () => {
    server = await startFixtureServer((_req, res) => sendJson(res, 403, { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' }));
    const error = (await refreshTokenSet(appFor(server.url), 'rt').catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('Unknown or invalid refresh token. Re-authentication needed');
    expect(error.message).not.toMatch(/\.\./);
  });

  it('turns invalid_grant into a re-authentication error without leaking the tokens', async () => {
    server = await startFixtureServer((_req, res) => sendJson(res, 403, { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' }));
    const error = await refreshTokenSet(appFor(server.url), 'rt-secret').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraReauthenticationRequiredError);
    expect((error as Error).message).toContain('Re-authentication needed');
    expect((error as Error).message).not.toMatch(/rt-secret|shh/);
  });
});
