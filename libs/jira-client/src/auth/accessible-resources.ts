import { z } from 'zod';
import { isSameSite } from '../config/site-url.js';
import { JiraConfigurationError } from '../errors/jira-local-errors.js';
import { JiraHttp } from '../http/jira-http.js';
import type { AuthProvider } from '../http/jira-request.js';
import { DEFAULT_API_GATEWAY_URL, type OAuthAppOptions } from './oauth-app.js';

export const ZAccessibleResourceSchema = z.looseObject({
  id: z.string(),
  url: z.string(),
  name: z.string().optional(),
  scopes: z.array(z.string()).default([]),
});
export type TAccessibleResource = z.infer<typeof ZAccessibleResourceSchema>;

/**
 * GET {gateway}/oauth/token/accessible-resources: every site the token reaches (order is meaningless). Pass the token
 * manager rather than a bare token so a revoked access token is refreshed once.
 */
export async function listAccessibleResources(app: OAuthAppOptions, auth: AuthProvider | string): Promise<TAccessibleResource[]> {
  const http = new JiraHttp({
    baseUrl: app.apiGatewayUrl ?? DEFAULT_API_GATEWAY_URL,
    auth: typeof auth === 'string' ? { authorization: async () => `Bearer ${auth}` } : auth,
    dispatcher: app.dispatcher,
    retry: { maxAttempts: 3 },
  });
  return http.json({ method: 'GET', path: '/oauth/token/accessible-resources' }, z.array(ZAccessibleResourceSchema));
}

/** Picks the resource whose URL is the configured site. Never guesses, even when only one site is reachable. */
export function selectSiteResource(resources: TAccessibleResource[], siteUrl: string): TAccessibleResource {
  const match = resources.find((resource) => isSameSite(resource.url, siteUrl));
  if (match) return match;
  const reachable = resources.map((resource) => resource.url).join(', ') || 'none';
  throw new JiraConfigurationError(
    `The OAuth grant does not include the site ${siteUrl} (it reaches: ${reachable}). Reconnect and pick ${siteUrl} on the consent screen, or fix the configured site URL.`,
  );
}
