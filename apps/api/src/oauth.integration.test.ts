import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import { TRPCClientError } from '@trpc/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './testing/api-harness.test-support.js';

let sim: JiraSimulator;
let api: ApiHarness;
let key: string;
let callbackUrl: string;
let counter = 0;

interface CallbackPage {
  status: number;
  html: string;
}

/** Opens the authorization URL the way a browser would (the simulator auto-approves) and follows it to our callback. */
async function consent(authorizationUrl: string): Promise<CallbackPage> {
  const authorize = await fetch(authorizationUrl, { redirect: 'manual' });
  const location = authorize.headers.get('location');
  if (authorize.status !== 302 || !location) return { status: authorize.status, html: await authorize.text() };
  const callback = await fetch(location, { redirect: 'manual' });
  return { status: callback.status, html: await callback.text() };
}

async function createOAuthConnector(overrides: { siteUrl?: string; clientSecret?: string; redirectUrl?: string } = {}): Promise<string> {
  const connectorId = `oauth-${++counter}`;
  const { clientId, clientSecret } = sim.credentials.oauthClient;
  await api.client(key).connectors.create.mutate({
    connectorId,
    name: 'Acme over OAuth',
    siteUrl: overrides.siteUrl ?? sim.sites[0]!.siteUrl,
    auth: { method: 'oauth', clientId, clientSecret: overrides.clientSecret ?? clientSecret, redirectUrl: overrides.redirectUrl ?? callbackUrl },
  });
  return connectorId;
}

async function authorizeThroughCallback(connectorId: string): Promise<CallbackPage> {
  const { authorizationUrl } = await api.client(key).oauth.start.mutate({ connectorId });
  return consent(authorizationUrl);
}

beforeAll(async () => {
  sim = await startSimulator({ preset: 'demo', seed: 1, searchLagMs: 0 });
  api = await startApiHarness({ oauth: { authBaseUrl: sim.authUrl, apiGatewayUrl: sim.apiGatewayUrl } });
  callbackUrl = `${api.apiUrl}/oauth/callback`;
  // The app's callback URL as registered in the developer console: this api's callback route.
  sim.control.oauth.configureClient({ redirectUris: [sim.credentials.oauthClient.redirectUri, callbackUrl] });
  key = (await api.caller(api.adminKey).tenants.create({ tenantId: 'oauth-tenant', name: 'OAuth tenant' })).apiKey.key;
}, 120_000);

afterEach(() => {
  sim.control.oauth.setConsent({ cloudIds: [], deny: false });
  sim.control.oauth.configureClient({ scopes: sim.credentials.oauthClient.scopes });
});

afterAll(async () => {
  await api?.stop();
  await sim?.stop();
});

describe('OAuth connectors', () => {
  it('are created needing authorization, with the app credentials sealed and never answered', async () => {
    const connectorId = await createOAuthConnector();
    const view = await api.client(key).connectors.get.query({ connectorId });
    expect(view).toMatchObject({ connectorId, authMethod: 'oauth', authStatus: 'needs_authorization', oauthRedirectUrl: callbackUrl });
    expect(JSON.stringify(view)).not.toContain(sim.credentials.oauthClient.clientSecret);
    const raw = JSON.stringify(await api.store.db.collection('connectors').findOne({ tenantId: 'oauth-tenant', connectorId }));
    expect(raw).not.toContain(sim.credentials.oauthClient.clientSecret);
    expect(raw).not.toContain(sim.credentials.oauthClient.clientId);
  });

  it('refuse to sync before the consent, saying to call oauth.start, and start no run', async () => {
    const connectorId = await createOAuthConnector();
    await expect(api.caller(key).sync.start({ connectorId })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
      message: expect.stringContaining(`needs authorization before it can sync: call oauth.start({ connectorId: '${connectorId}' })`),
    });
    expect(await api.caller(key).sync.history({ connectorId })).toEqual([]);
  });

  it('refuse a callback URL that is not https or not the callback route, naming the field', async () => {
    const { clientId, clientSecret } = sim.credentials.oauthClient;
    const create = (redirectUrl: string) =>
      api.caller(key).connectors.create({ connectorId: 'bad-redirect', siteUrl: sim.sites[0]!.siteUrl, auth: { method: 'oauth', clientId, clientSecret, redirectUrl } });
    await expect(create('http://jira-sync.example.com/oauth/callback')).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('must use https') });
    const wrongPath = await create(`${api.apiUrl}/callback`).catch((error: unknown) => error);
    expect(wrongPath).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('auth.redirectUrl: must end in /oauth/callback') });
  });

  it('oauth.start refuses an API-token connector and another tenant\'s connector', async () => {
    await api.caller(key).connectors.create({ connectorId: 'token-one', siteUrl: sim.sites[0]!.siteUrl, auth: { method: 'api_token', email: 'ops@example.com', apiToken: 'x' } });
    await expect(api.caller(key).oauth.start({ connectorId: 'token-one' })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    const connectorId = await createOAuthConnector();
    const other = (await api.caller(api.adminKey).tenants.create({ tenantId: 'oauth-other', name: 'Other' })).apiKey.key;
    await expect(api.caller(other).oauth.start({ connectorId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the OAuth flow through the callback route', () => {
  it('exchanges the code, picks the configured site among several by its URL, stores tokens and cloud id sealed, and says so', async () => {
    sim.control.oauth.setConsent({ cloudIds: [sim.sites[1]!.cloudId, sim.sites[0]!.cloudId] });
    const connectorId = await createOAuthConnector();
    const start = await api.caller(key).oauth.start({ connectorId });
    const url = new URL(start.authorizationUrl);
    expect(url.searchParams.get('redirect_uri')).toBe(callbackUrl);
    expect(url.searchParams.get('client_id')).toBe(sim.credentials.oauthClient.clientId);
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{43}$/);
    expect(Date.parse(start.expiresAt) - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    // The state is stored only as a digest.
    expect(JSON.stringify(await api.store.db.collection('oauth_states').find().toArray())).not.toContain(url.searchParams.get('state'));

    const authorize = await fetch(start.authorizationUrl, { redirect: 'manual' });
    const location = authorize.headers.get('location')!;
    const page = await fetch(location);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(html).toContain('Jira connected');
    expect(html).toContain(sim.sites[0]!.siteUrl);

    expect(await api.client(key).connectors.get.query({ connectorId })).toMatchObject({ authStatus: 'authorized' });
    const stored = (await api.deps.connectors.getSealedCredentials('oauth-tenant', connectorId))!;
    expect(stored.credentials).toMatchObject({ method: 'oauth', cloudId: sim.sites[0]!.cloudId, clientId: sim.credentials.oauthClient.clientId });
    const tokens = stored.credentials.method === 'oauth' ? stored.credentials : undefined;
    const raw = JSON.stringify(await api.store.db.collection('connectors').findOne({ tenantId: 'oauth-tenant', connectorId }));
    for (const secret of [tokens!.accessToken, tokens!.refreshToken, tokens!.clientSecret]) {
      expect(raw).not.toContain(secret);
      expect(html).not.toContain(secret);
      expect(api.logs()).not.toContain(secret);
    }
    const status = await api.client(key).oauth.status.query({ connectorId, verify: true });
    expect(status).toMatchObject({ authStatus: 'authorized', cloudId: sim.sites[0]!.cloudId, missingScopes: [] });
    expect(status.problem).toBeUndefined();
    expect(JSON.stringify(status)).not.toContain(tokens!.accessToken);

    // The state is single use: the same callback URL again is refused.
    const again = await fetch(location);
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('already used');
  });

  it('refuses an expired state (links work for 10 minutes)', async () => {
    const connectorId = await createOAuthConnector();
    const { authorizationUrl } = await api.caller(key).oauth.start({ connectorId });
    await api.store.db.collection('oauth_states').updateMany({ connectorId }, { $set: { expiresAt: new Date(Date.now() - 1) } });
    const page = await consent(authorizationUrl);
    expect(page.status).toBe(400);
    expect(page.html).toContain('invalid_state');
    expect(page.html).toContain('expired');
    expect(await api.client(key).connectors.get.query({ connectorId })).toMatchObject({ authStatus: 'needs_authorization' });
  });

  it('invalid client credentials: says to set them with oauth.reauthenticate, which then connects', async () => {
    const connectorId = await createOAuthConnector({ clientSecret: 'not-the-secret' });
    const page = await authorizeThroughCallback(connectorId);
    expect(page.status).toBe(400);
    expect(page.html).toContain('invalid_client_credentials');
    expect(page.html).toContain('oauth.reauthenticate');
    expect(page.html).not.toContain('not-the-secret');
    const { clientId, clientSecret } = sim.credentials.oauthClient;
    const again = await api.client(key).oauth.reauthenticate.mutate({ connectorId, clientId, clientSecret });
    expect((await consent(again.authorizationUrl)).html).toContain('Jira connected');
    expect(await api.client(key).connectors.get.query({ connectorId })).toMatchObject({ authStatus: 'authorized' });
  });

  it('callback URL mismatch: a code issued for another callback URL is refused with what to check', async () => {
    const connectorId = await createOAuthConnector();
    const start = new URL((await api.caller(key).oauth.start({ connectorId })).authorizationUrl);
    // The same consent, but Atlassian issued the code for the app's other registered callback URL.
    start.searchParams.set('redirect_uri', sim.credentials.oauthClient.redirectUri);
    const elsewhere = new URL((await fetch(start, { redirect: 'manual' })).headers.get('location')!);
    const page = await fetch(`${callbackUrl}${elsewhere.search}`);
    const html = await page.text();
    expect(page.status).toBe(400);
    expect(html).toContain('callback_url_mismatch');
    expect(html).toContain('exactly the callback URL registered');
  });

  it('site not authorized: the grant reaches only another site', async () => {
    sim.control.oauth.setConsent({ cloudIds: [sim.sites[1]!.cloudId] });
    const page = await authorizeThroughCallback(await createOAuthConnector());
    expect(page.html).toContain('site_not_authorized');
    expect(page.html).toContain(`only ${sim.sites[1]!.name} (${sim.sites[1]!.siteUrl})`);
  });

  it('several sites and the configured one not among them: lists them and says what to do', async () => {
    sim.control.oauth.setConsent({ cloudIds: [sim.sites[0]!.cloudId, sim.sites[1]!.cloudId] });
    const page = await authorizeThroughCallback(await createOAuthConnector({ siteUrl: 'http://127.0.0.1:9' }));
    expect(page.html).toContain('site_not_among_granted');
    expect(page.html).toContain(sim.sites[0]!.siteUrl);
    expect(page.html).toContain(sim.sites[1]!.siteUrl);
  });

  it('missing scopes: an app not configured for every scope is refused and the page names them', async () => {
    sim.control.oauth.configureClient({ scopes: sim.credentials.oauthClient.scopes.filter((scope) => scope !== 'manage:jira-webhook') });
    const page = await authorizeThroughCallback(await createOAuthConnector());
    expect(page.html).toContain('missing_scopes');
    expect(page.html).toContain('manage:jira-webhook');
  });

  it('a refused consent says so', async () => {
    sim.control.oauth.setConsent({ deny: true });
    const page = await authorizeThroughCallback(await createOAuthConnector());
    expect(page.html).toContain('consent_denied');
  });

  it('escapes what Atlassian sends back on the page', async () => {
    const connectorId = await createOAuthConnector();
    const state = new URL((await api.caller(key).oauth.start({ connectorId })).authorizationUrl).searchParams.get('state')!;
    const query = new URLSearchParams({ state, error: 'server_error', error_description: '<script>alert(1)</script>' });
    const html = await (await fetch(`${callbackUrl}?${query.toString()}`)).text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('needs no API key but acts on nothing without a valid state', async () => {
    const page = await fetch(`${callbackUrl}?state=guess&code=abc`);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('invalid_state');
    const trpc = await fetch(`${api.apiUrl}/oauth.status?input=${encodeURIComponent(JSON.stringify({ connectorId: 'x' }))}`);
    expect(trpc.status).toBe(401);
  });
});

describe('a stored grant that stops working', () => {
  it('a refresh token reused after its rotation is refresh_token_invalid, the connector needs authorization, and reauthenticate restores it', async () => {
    const connectorId = await createOAuthConnector();
    expect((await authorizeThroughCallback(connectorId)).html).toContain('Jira connected');
    const stored = (await api.deps.connectors.getSealedCredentials('oauth-tenant', connectorId))!.credentials;
    if (stored.method !== 'oauth') throw new Error('expected OAuth credentials');
    // Another installation refreshed the same grant: the stored refresh token is rotated out, and the leeway passes.
    const { clientId, clientSecret } = sim.credentials.oauthClient;
    const rotated = await fetch(`${sim.authUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret, refresh_token: stored.refreshToken }),
    });
    expect(rotated.status).toBe(200);
    sim.control.clock.advance(11 * 60_000);
    sim.control.faults.expireAccessTokens();

    const status = await api.client(key).oauth.status.query({ connectorId, verify: true });
    expect(status.problem).toMatchObject({ case: 'refresh_token_invalid', whatToDo: expect.stringContaining('oauth.reauthenticate') });
    expect(status.authStatus).toBe('needs_authorization');

    const again = await api.client(key).oauth.reauthenticate.mutate({ connectorId });
    expect((await consent(again.authorizationUrl)).html).toContain('Jira connected');
    const restored = await api.client(key).oauth.status.query({ connectorId, verify: true });
    expect(restored.authStatus).toBe('authorized');
    expect(restored.problem).toBeUndefined();
  });

  it('answers errors a person can act on through the typed client', async () => {
    const error = await api
      .client(key)
      .oauth.reauthenticate.mutate({ connectorId: 'nope', clientId: 'only-the-id' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TRPCClientError);
    expect((error as TRPCClientError<never>).message).toContain('clientId and clientSecret together');
  });
});
