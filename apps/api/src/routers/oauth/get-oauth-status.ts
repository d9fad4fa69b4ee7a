import { connectOAuthClient, findMissingScopes, TokenStoreConflictError } from '@jira-sync/jira-client';
import { credentialsContext, MongoTokenStore } from '@jira-sync/store';
import { z } from 'zod';
import { mapErrors } from '../../errors.js';
import { oauthApp } from '../../oauth/complete-authorization.js';
import { problemOf, type TOAuthProblem } from '../../oauth/oauth-troubleshooting.js';
import { tenantProcedure } from '../../procedures.js';
import { ZIdSchema } from '../../schemas.js';
import { requireConnector } from '../connectors/connector-view.js';
import { requireOAuthConnector } from './authorization-url.js';

const ZOAuthStatusInputSchema = z.object({
  connectorId: ZIdSchema,
  /** Also use the stored grant once (refreshing it when due) to find out whether it still works. */
  verify: z.boolean().default(false),
});

/**
 * Where an OAuth connector stands: authorized or not, the granted scopes and the missing ones, and with `verify` the
 * problem (a troubleshooting case with what to do) the stored grant runs into. A refresh token Atlassian refuses puts
 * the connector back into needs_authorization. Never answers a token.
 */
export const getOAuthStatus = tenantProcedure.input(ZOAuthStatusInputSchema).query(({ ctx, input }) =>
  mapErrors(async () => {
    let config = requireOAuthConnector(await requireConnector(ctx, input.connectorId));
    const stored = await ctx.connectors.getSealedCredentials(ctx.tenantId, input.connectorId);
    const credentials = stored?.credentials;
    const granted = credentials?.method === 'oauth' ? (credentials.scope ?? '').split(' ').filter(Boolean) : [];
    let problem: TOAuthProblem | undefined;
    if (input.verify && credentials?.method === 'oauth') {
      const tokenStore = new MongoTokenStore(ctx.connectors, { conflictError: (id) => new TokenStoreConflictError(id) });
      try {
        const client = await connectOAuthClient({
          siteUrl: config.siteUrl,
          allowInsecureLoopback: ctx.allowInsecureLoopback,
          app: oauthApp(ctx, credentials, config.oauthRedirectUrl),
          credentialId: credentialsContext(ctx.tenantId, input.connectorId),
          tokenStore,
        });
        await client.myself();
      } catch (error) {
        problem = problemOf(error, 'refresh', { siteUrl: config.siteUrl, redirectUrl: config.oauthRedirectUrl });
        if (!problem) throw error;
        if (problem.case === 'refresh_token_invalid' && config.authStatus !== 'needs_authorization') {
          config = requireOAuthConnector(await ctx.connectors.updateConfig(ctx.tenantId, input.connectorId, { authStatus: 'needs_authorization' }));
        }
      }
    }
    return {
      connectorId: config.connectorId,
      authStatus: config.authStatus,
      redirectUrl: config.oauthRedirectUrl,
      cloudId: credentials?.method === 'oauth' ? credentials.cloudId : undefined,
      scopes: granted,
      missingScopes: credentials?.method === 'oauth' ? findMissingScopes([...granted, 'offline_access']) : [],
      problem,
    };
  }),
);
