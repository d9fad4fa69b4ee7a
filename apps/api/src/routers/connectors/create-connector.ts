import { ZIndexingFiltersSchema, ZSyncFiltersSchema } from '@jira-sync/contracts';
import { z } from 'zod';
import { badInput, mapErrors } from '../../errors.js';
import { OAUTH_CALLBACK_PATH } from '../../oauth/callback-route.js';
import { tenantProcedure } from '../../procedures.js';
import { checkSiteUrl, ZIdSchema } from '../../schemas.js';
import { connectorView } from './connector-view.js';

const ZApiTokenAuthSchema = z.object({
  method: z.literal('api_token'),
  email: z.email('must be the email of the Atlassian account the API token belongs to'),
  apiToken: z.string().min(1, 'paste the API token created at id.atlassian.com (Security > API tokens)').max(2_000),
});

export const ZOAuthAppSchema = z.object({
  clientId: z.string().min(1, 'the client id of your OAuth 2.0 (3LO) app in the Atlassian developer console').max(200),
  clientSecret: z.string().min(1, 'the secret of your OAuth 2.0 (3LO) app').max(2_000),
  redirectUrl: z.url('must be the callback URL registered in the developer console, exactly as registered').max(2_000),
});

const ZOAuthAuthSchema = ZOAuthAppSchema.extend({ method: z.literal('oauth') });

/**
 * The OAuth callback URL: where Atlassian sends the browser, so it must reach this api's callback route over https
 * (http only on the loopback address with the simulator), without a query or fragment.
 */
export function checkRedirectUrl(redirectUrl: string, allowInsecureLoopback: boolean, path: Array<string | number> = ['auth', 'redirectUrl']): string {
  const url = new URL(redirectUrl);
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(allowInsecureLoopback && url.protocol === 'http:' && loopback)) {
    throw badInput(path, `must use https (Atlassian sends the authorization code to it), e.g. https://jira-sync.example.com${OAUTH_CALLBACK_PATH}`);
  }
  if (!url.pathname.endsWith(OAUTH_CALLBACK_PATH)) {
    throw badInput(path, `must end in ${OAUTH_CALLBACK_PATH}, the api's callback route (e.g. ${url.origin}${OAUTH_CALLBACK_PATH}); register the same URL in the developer console`);
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw badInput(path, `must have no query, fragment or user info: ${url.origin}${url.pathname}`);
  }
  return redirectUrl;
}

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

/**
 * Creates a connector in the caller's tenant; the credentials are sealed at once and never answered again. An OAuth
 * connector starts in needs_authorization: oauth.start answers the URL of its consent.
 */
export const createConnector = tenantProcedure.input(ZCreateConnectorInputSchema).mutation(({ ctx, input }) =>
  mapErrors(async () => {
    const siteUrl = checkSiteUrl(input.siteUrl, ctx.allowInsecureLoopback);
    const { connectorId, name, syncFilters, indexingFilters, attachmentMaxBytes, projectConcurrency } = input;
    const settings = { tenantId: ctx.tenantId, connectorId, siteUrl, name, syncFilters, indexingFilters, attachmentMaxBytes, projectConcurrency };
    if (input.auth.method === 'oauth') {
      // Sealed app credentials without tokens: the connector waits for a consent (oauth.start, then the callback).
      const oauthRedirectUrl = checkRedirectUrl(input.auth.redirectUrl, ctx.allowInsecureLoopback);
      const config = await ctx.connectors.create(
        { ...settings, authMethod: 'oauth', authStatus: 'needs_authorization', oauthRedirectUrl },
        { method: 'oauth_pending', clientId: input.auth.clientId, clientSecret: input.auth.clientSecret },
      );
      return connectorView(config);
    }
    const config = await ctx.connectors.create({ ...settings, authMethod: 'api_token' }, { method: 'api_token', email: input.auth.email, apiToken: input.auth.apiToken });
    return connectorView(config);
  }),
);
