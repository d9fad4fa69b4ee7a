import { connectOAuthClient, createApiTokenClient, TokenStoreConflictError, type SiteLimiterRegistry } from '@jira-sync/jira-client';
import { MongoTokenStore, credentialsContext, type ConnectorRepository } from '@jira-sync/store';
import { ConnectorNotFoundError, type TOpenedConnector } from '../sync/sync-context.js';

export interface TConnectorOpenerOptions {
  connectors: ConnectorRepository;
  /** OAuth endpoints (Atlassian's by default; the simulator's in tests and the demo). */
  oauth?: { authBaseUrl?: string; apiGatewayUrl?: string; redirectUri?: string };
  /** Accept http://127.0.0.1 site URLs: the simulator only, never in production. */
  allowInsecureLoopback?: boolean;
  limiters?: SiteLimiterRegistry;
}

/**
 * Opens a connector's Jira client from its sealed credentials. OAuth tokens live in the store (compare-and-set),
 * so a rotated refresh token is saved before it is used and two workers refreshing at once cannot both win.
 */
export function createConnectorOpener(options: TConnectorOpenerOptions) {
  const tokenStore = new MongoTokenStore(options.connectors, { conflictError: (id) => new TokenStoreConflictError(id) });
  return async function openConnector(tenantId: string, connectorId: string): Promise<TOpenedConnector> {
    const config = await options.connectors.get(tenantId, connectorId);
    const sealed = config ? await options.connectors.getCredentials(tenantId, connectorId) : null;
    if (!config || !sealed) throw new ConnectorNotFoundError(tenantId, connectorId);
    const credentials = sealed.reveal();
    const common = { siteUrl: config.siteUrl, allowInsecureLoopback: options.allowInsecureLoopback ?? false, ...(options.limiters ? { limiters: options.limiters } : {}) };
    if (credentials.method === 'api_token') {
      return { config, client: createApiTokenClient({ ...common, email: credentials.email, apiToken: credentials.apiToken }) };
    }
    const client = await connectOAuthClient({
      ...common,
      app: {
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
        redirectUri: options.oauth?.redirectUri ?? 'http://127.0.0.1/oauth/callback',
        ...(options.oauth?.authBaseUrl ? { authBaseUrl: options.oauth.authBaseUrl } : {}),
        ...(options.oauth?.apiGatewayUrl ? { apiGatewayUrl: options.oauth.apiGatewayUrl } : {}),
      },
      credentialId: credentialsContext(tenantId, connectorId),
      tokenStore,
    });
    return { config, client };
  };
}
