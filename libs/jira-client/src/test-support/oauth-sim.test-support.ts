import type { JiraSimulator } from '@jira-sync/jira-sim';
import { request } from 'undici';
import { buildAuthorizationUrl, type OAuthAppOptions } from '../auth/oauth-app.js';
import { exchangeAuthorizationCode } from '../auth/oauth-token-endpoint.js';
import { InMemoryTokenStore, type TokenSet, type TokenStore } from '../auth/token-store.js';
import { connectOAuthClient, type OAuthClientOptions } from '../connect-oauth-client.js';
import type { SimHarness } from './simulator.test-support.js';

/** The simulator's OAuth app, pointed at its auth host and gateway. */
export function simOAuthApp(sim: JiraSimulator): OAuthAppOptions {
  const { clientId, clientSecret, redirectUri } = sim.credentials.oauthClient;
  return { clientId, clientSecret, redirectUri, authBaseUrl: sim.authUrl, apiGatewayUrl: sim.apiGatewayUrl };
}

/** Runs the consent redirect (auto-approved by the simulator) and exchanges the code, as the api's callback would. */
export async function consentAndExchange(sim: JiraSimulator, state = 'state-123'): Promise<{ tokens: TokenSet; returnedState: string | null }> {
  const app = simOAuthApp(sim);
  const url = buildAuthorizationUrl(app, { state, scopes: sim.credentials.oauthClient.scopes });
  const response = await request(url, { method: 'GET' });
  await response.body.dump();
  const location = response.headers.location;
  const callback = new URL(String(Array.isArray(location) ? location[0] : location));
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`consent failed: ${callback.searchParams.get('error_description') ?? callback.toString()}`);
  return { tokens: await exchangeAuthorizationCode(app, code), returnedState: callback.searchParams.get('state') };
}


/** Connects an OAuth client to the simulator's second site (so choosing by URL matters), recording requests. */
export function connectToSim(h: SimHarness, store: TokenStore, extra: Partial<OAuthClientOptions> = {}) {
  return connectOAuthClient({
    siteUrl: h.sim.sites[1]!.siteUrl,
    allowInsecureLoopback: true,
    app: simOAuthApp(h.sim),
    credentialId: 'conn-1',
    tokenStore: store,
    observer: h.recorder.observer,
    clock: h.clock,
    ...extra,
  });
}

/** A store holding the pair a fresh consent produced, under 'conn-1'. */
export async function storeWithFreshGrant(sim: JiraSimulator): Promise<InMemoryTokenStore> {
  const store = new InMemoryTokenStore();
  await store.save('conn-1', (await consentAndExchange(sim)).tokens);
  return store;
}

/** A store holding tokens minted by the simulator's control API (custom scopes or sites). */
export async function storeWithIssuedTokens(sim: JiraSimulator, input: { scopes?: string[]; cloudIds?: string[] }): Promise<InMemoryTokenStore> {
  const grant = sim.control.oauth.issueTokens(input);
  const store = new InMemoryTokenStore();
  await store.save('conn-1', { accessToken: grant.access_token, refreshToken: grant.refresh_token ?? '', expiresAt: Date.now() + 3_600_000, scopes: grant.scope.split(' ') });
  return store;
}
