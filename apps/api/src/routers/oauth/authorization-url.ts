import { buildAuthorizationUrl } from '@jira-sync/jira-client';
import type { TConnectorConfig } from '@jira-sync/contracts';
import { TRPCError } from '@trpc/server';
import type { ApiContext } from '../../context.js';
import { oauthApp } from '../../oauth/complete-authorization.js';

/** What oauth.start and oauth.reauthenticate answer: the URL to open, and until when it works. */
export interface TAuthorizationStart {
  connectorId: string;
  authorizationUrl: string;
  expiresAt: string;
  /** The callback URL Atlassian will send the browser to; it must be registered in the developer console exactly. */
  redirectUrl: string;
  authStatus: TConnectorConfig['authStatus'];
}

/** The connector as an OAuth connector, or PRECONDITION_FAILED saying what it is instead. */
export function requireOAuthConnector(config: TConnectorConfig): TConnectorConfig & { oauthRedirectUrl: string } {
  if (config.authMethod !== 'oauth' || !config.oauthRedirectUrl) {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: `connector '${config.connectorId}' uses an API token, not OAuth; create an OAuth connector (auth.method 'oauth') to authorize through Atlassian`,
    });
  }
  return { ...config, oauthRedirectUrl: config.oauthRedirectUrl };
}

/** Issues a single-use state bound to the tenant and connector and builds the authorization URL with it. */
export async function startAuthorization(ctx: ApiContext & { tenantId: string }, config: TConnectorConfig & { oauthRedirectUrl: string }): Promise<TAuthorizationStart> {
  const stored = await ctx.connectors.getSealedCredentials(ctx.tenantId, config.connectorId);
  if (!stored || stored.credentials.method === 'api_token') {
    throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `connector '${config.connectorId}' has no OAuth app credentials; set them with oauth.reauthenticate({ connectorId, clientId, clientSecret })` });
  }
  const redirectUrl = config.oauthRedirectUrl;
  const { state, expiresAt } = await ctx.oauthStates.issue({ tenantId: ctx.tenantId, connectorId: config.connectorId, redirectUrl });
  const authorizationUrl = buildAuthorizationUrl(oauthApp(ctx, stored.credentials, redirectUrl), { state });
  return { connectorId: config.connectorId, authorizationUrl, expiresAt: expiresAt.toISOString(), redirectUrl, authStatus: config.authStatus };
}
