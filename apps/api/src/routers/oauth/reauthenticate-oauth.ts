import type { TConnectorCredentials } from '@jira-sync/contracts';
import { z } from 'zod';
import { TRPCError } from '@trpc/server';
import { connectorNotFound, mapErrors } from '../../errors.js';
import { tenantProcedure } from '../../procedures.js';
import { ZIdSchema } from '../../schemas.js';
import { requireConnector } from '../connectors/connector-view.js';
import { checkRedirectUrl, ZOAuthAppSchema } from '../connectors/create-connector.js';
import { requireOAuthConnector, startAuthorization } from './authorization-url.js';

const ZReauthenticateInputSchema = z
  .object({
    connectorId: ZIdSchema,
    clientId: ZOAuthAppSchema.shape.clientId.optional(),
    clientSecret: ZOAuthAppSchema.shape.clientSecret.optional(),
    redirectUrl: ZOAuthAppSchema.shape.redirectUrl.optional(),
  })
  .refine((input) => (input.clientId === undefined) === (input.clientSecret === undefined), {
    message: 'give clientId and clientSecret together (both from the developer console), or neither',
    path: ['clientSecret'],
  });

/**
 * A new consent for an OAuth connector: after its refresh token expired or was revoked, or with new app credentials
 * or a new callback URL. Answers a new authorization URL; the stored tokens keep working until the callback replaces
 * them, unless the app changed (another client id cannot refresh them: the connector needs authorization again).
 */
export const reauthenticateOAuth = tenantProcedure.input(ZReauthenticateInputSchema).mutation(({ ctx, input }) =>
  mapErrors(async () => {
    let config = requireOAuthConnector(await requireConnector(ctx, input.connectorId));
    if (input.redirectUrl !== undefined) {
      const oauthRedirectUrl = checkRedirectUrl(input.redirectUrl, ctx.allowInsecureLoopback);
      config = requireOAuthConnector(await ctx.connectors.updateConfig(ctx.tenantId, input.connectorId, { oauthRedirectUrl }));
    }
    if (input.clientId !== undefined && input.clientSecret !== undefined) {
      let sameApp = false;
      for (let attempt = 0; ; attempt++) {
        const stored = await ctx.connectors.getSealedCredentials(ctx.tenantId, input.connectorId);
        if (!stored) throw connectorNotFound(input.connectorId);
        const current = stored.credentials;
        sameApp = current.method === 'oauth' && current.clientId === input.clientId;
        // A rotated secret of the same app keeps the grant; another app's tokens cannot be refreshed with it.
        const next: TConnectorCredentials =
          current.method === 'oauth' && sameApp
            ? { ...current, clientSecret: input.clientSecret }
            : { method: 'oauth_pending', clientId: input.clientId, clientSecret: input.clientSecret };
        if (await ctx.connectors.replaceCredentialsIf(ctx.tenantId, input.connectorId, next, stored.version)) break;
        if (attempt >= 2) throw new TRPCError({ code: 'CONFLICT', message: "the connector's credentials changed while saving (a token refresh); call oauth.reauthenticate again" });
      }
      if (!sameApp) config = requireOAuthConnector(await ctx.connectors.updateConfig(ctx.tenantId, input.connectorId, { authStatus: 'needs_authorization' }));
    }
    return startAuthorization(ctx, config);
  }),
);
