import { ZIndexingFiltersSchema, ZSyncFiltersSchema } from '@jira-sync/contracts';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { mapErrors } from '../../errors.js';
import { tenantProcedure } from '../../procedures.js';
import { checkSiteUrl, ZIdSchema } from '../../schemas.js';
import { connectorView } from './connector-view.js';

const ZApiTokenAuthSchema = z.object({
  method: z.literal('api_token'),
  email: z.email('must be the email of the Atlassian account the API token belongs to'),
  apiToken: z.string().min(1, 'paste the API token created at id.atlassian.com (Security > API tokens)').max(2_000),
});

const ZOAuthAuthSchema = z.object({
  method: z.literal('oauth'),
  clientId: z.string().min(1, 'the client id of your OAuth 2.0 (3LO) app in the Atlassian developer console').max(200),
  clientSecret: z.string().min(1, 'the secret of your OAuth 2.0 (3LO) app').max(2_000),
  redirectUrl: z.url('must be the callback URL registered in the developer console, exactly as registered'),
});

export const ZConnectorSettingsSchema = z.object({
  name: z.string().trim().min(1, 'name must not be empty').max(200).optional(),
  syncFilters: ZSyncFiltersSchema.optional(),
  indexingFilters: ZIndexingFiltersSchema.optional(),
  attachmentMaxBytes: z.number().int().positive().max(1024 * 1024 * 1024).optional(),
  projectConcurrency: z.number().int().min(1).max(16).optional(),
});

const ZCreateConnectorInputSchema = ZConnectorSettingsSchema.extend({
  connectorId: ZIdSchema,
  siteUrl: z.string().min(1, 'the Jira Cloud site URL, e.g. https://your-site.atlassian.net').max(500),
  auth: z.discriminatedUnion('method', [ZApiTokenAuthSchema, ZOAuthAuthSchema]),
});

/** Creates a connector in the caller's tenant; the credentials are sealed at once and never answered again. */
export const createConnector = tenantProcedure.input(ZCreateConnectorInputSchema).mutation(({ ctx, input }) =>
  mapErrors(async () => {
    const siteUrl = checkSiteUrl(input.siteUrl, ctx.allowInsecureLoopback);
    if (input.auth.method === 'oauth') {
      throw new TRPCError({
        code: 'PRECONDITION_FAILED',
        message: 'OAuth connectors need the OAuth start and callback procedures, which this api does not serve yet; create the connector with method api_token',
      });
    }
    const { connectorId, name, syncFilters, indexingFilters, attachmentMaxBytes, projectConcurrency } = input;
    const config = await ctx.connectors.create(
      { tenantId: ctx.tenantId, connectorId, siteUrl, authMethod: 'api_token', name, syncFilters, indexingFilters, attachmentMaxBytes, projectConcurrency },
      { method: 'api_token', email: input.auth.email, apiToken: input.auth.apiToken },
    );
    return connectorView(config);
  }),
);
