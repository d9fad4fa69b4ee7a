import { listAccessibleResources, selectSiteResource } from './auth/accessible-resources.js';
import { DEFAULT_API_GATEWAY_URL, type OAuthAppOptions } from './auth/oauth-app.js';
import { refreshTokenSet } from './auth/oauth-token-endpoint.js';
import { OAuthTokenManager, type RefreshSingleFlight } from './auth/oauth-token-manager.js';
import { assertScopesGranted, REQUIRED_OAUTH_SCOPES } from './auth/scopes.js';
import type { TokenStore } from './auth/token-store.js';
import { transportOptions, type CommonClientOptions } from './client-options.js';
import { validateSiteUrl } from './config/site-url.js';
import { JiraHttp } from './http/jira-http.js';
import { JiraClient } from './jira-client.js';

export interface OAuthClientOptions extends CommonClientOptions {
  app: OAuthAppOptions;
  /** Key of this connection's tokens in the store. */
  credentialId: string;
  tokenStore: TokenStore;
  /** Default REQUIRED_OAUTH_SCOPES. */
  requiredScopes?: readonly string[];
  /** Refresh this long before expiry. Default 60 s. */
  refreshAheadMs?: number;
  singleFlight?: RefreshSingleFlight;
}

/**
 * A client for an OAuth 2.0 (3LO) connection: loads (and if needed refreshes) the stored tokens, finds the cloudId of
 * the configured site among accessible-resources (by URL, never by guessing), checks the granted scopes, and calls
 * the API gateway `{gateway}/ex/jira/{cloudId}` with Bearer tokens.
 */
export async function connectOAuthClient(options: OAuthClientOptions): Promise<JiraClient> {
  const siteUrl = validateSiteUrl(options.siteUrl, { allowInsecureLoopback: options.allowInsecureLoopback ?? false });
  const app: OAuthAppOptions = { ...options.app, dispatcher: options.app.dispatcher ?? options.dispatcher };
  const manager = new OAuthTokenManager({
    credentialId: options.credentialId,
    store: options.tokenStore,
    refresh: (refreshToken) => refreshTokenSet(app, refreshToken, options.clock),
    clock: options.clock,
    refreshAheadMs: options.refreshAheadMs,
    singleFlight: options.singleFlight,
  });
  const site = selectSiteResource(await listAccessibleResources(app, manager), siteUrl);
  const tokens = await manager.validTokenSet();
  // accessible-resources omits offline_access; holding a refresh token is proof of it.
  const granted = [...tokens.scopes, ...site.scopes, ...(tokens.refreshToken ? ['offline_access'] : [])];
  assertScopesGranted(granted, options.requiredScopes ?? REQUIRED_OAUTH_SCOPES);
  const http = new JiraHttp({
    baseUrl: `${app.apiGatewayUrl ?? DEFAULT_API_GATEWAY_URL}/ex/jira/${site.id}`,
    auth: manager,
    ...transportOptions(options, siteUrl),
  });
  return new JiraClient(http, { siteUrl, cloudId: site.id, authMode: 'oauth' });
}
