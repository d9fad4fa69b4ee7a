import type { TConnectorConfig } from '@jira-sync/contracts';
import {
  connectOAuthClient,
  createApiTokenClient,
  findMissingScopes,
  listAccessibleResources,
  OAuthTokenManager,
  refreshTokenSet,
  TokenStoreConflictError,
  type JiraClient,
} from '@jira-sync/jira-client';
import { credentialsContext, MongoTokenStore } from '@jira-sync/store';
import { TRPCError } from '@trpc/server';
import type { ApiContext } from '../../context.js';
import { oauthApp } from '../../oauth/complete-authorization.js';

type TenantContext = ApiContext & { tenantId: string };

export interface TJiraSite {
  url: string;
  cloudId?: string;
  name?: string;
}

export interface TOpenedJira {
  client: JiraClient;
  /** The sites the credentials reach: OAuth's accessible resources, or the API token's one site. */
  sites: TJiraSite[];
  /** Required OAuth scopes the grant lacks (always empty for an API token). */
  missingScopes: string[];
}

/** A Jira client for the connector from its sealed credentials, with the sites and missing scopes of its grant. */
export async function openJira(ctx: TenantContext, config: TConnectorConfig): Promise<TOpenedJira> {
  const credentials = (await ctx.connectors.getCredentials(ctx.tenantId, config.connectorId))?.reveal();
  const common = { siteUrl: config.siteUrl, allowInsecureLoopback: ctx.allowInsecureLoopback };
  if (credentials?.method === 'api_token') {
    return { client: createApiTokenClient({ ...common, email: credentials.email, apiToken: credentials.apiToken }), sites: [{ url: config.siteUrl }], missingScopes: [] };
  }
  if (credentials?.method !== 'oauth' || !config.oauthRedirectUrl) {
    throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `connector '${config.connectorId}' is not authorized yet; start the consent with oauth.start and finish it in a browser` });
  }
  const app = oauthApp(ctx, credentials, config.oauthRedirectUrl);
  const tokenStore = new MongoTokenStore(ctx.connectors, { conflictError: (id) => new TokenStoreConflictError(id) });
  const credentialId = credentialsContext(ctx.tenantId, config.connectorId);
  const manager = new OAuthTokenManager({ credentialId, store: tokenStore, refresh: (refreshToken) => refreshTokenSet(app, refreshToken) });
  const resources = await listAccessibleResources(app, manager);
  const tokens = await manager.validTokenSet();
  const site = resources.find((resource) => resource.id === credentials.cloudId);
  // accessible-resources omits offline_access; holding a refresh token is proof of it.
  const granted = [...tokens.scopes, ...(site?.scopes ?? []), ...(tokens.refreshToken ? ['offline_access'] : [])];
  // Missing scopes are reported, not thrown: the client still answers what the grant allows.
  const client = await connectOAuthClient({ ...common, app, credentialId, tokenStore, requiredScopes: [] });
  return { client, sites: resources.map((resource) => ({ url: resource.url, cloudId: resource.id, name: resource.name })), missingScopes: findMissingScopes(granted) };
}
