import type { TConnectorCredentials } from '@jira-sync/contracts';
import {
  DEFAULT_API_GATEWAY_URL,
  exchangeAuthorizationCode,
  findMissingScopes,
  isSameSite,
  JiraClient,
  JiraHttp,
  listAccessibleResources,
  type OAuthAppOptions,
  type TokenSet,
} from '@jira-sync/jira-client';
import type { ApiDeps } from '../context.js';
import type { PendingAuthorization } from './oauth-states.js';
import { callbackError, invalidState, missingScopes, problemOf, siteProblem, siteRefused, type ProblemContext, type TOAuthProblem } from './oauth-troubleshooting.js';

/** What the callback did, for its page: the connector it authorized, or the problem and what to do. */
export type TAuthorizationOutcome =
  | { ok: true; connectorId: string; siteUrl: string; siteName: string | undefined; accountName: string | undefined }
  | { ok: false; connectorId: string | undefined; problem: TOAuthProblem };

type AppCredentials = Extract<TConnectorCredentials, { method: 'oauth' | 'oauth_pending' }>;

const SAVE_ATTEMPTS = 3;

/** The app of a connector's sealed OAuth credentials, bound to the redirect URL its authorization URL named. */
export function oauthApp(deps: Pick<ApiDeps, 'oauth'>, credentials: AppCredentials, redirectUrl: string): OAuthAppOptions {
  return { clientId: credentials.clientId, clientSecret: credentials.clientSecret, redirectUri: redirectUrl, ...deps.oauth };
}

async function appCredentials(deps: ApiDeps, pending: PendingAuthorization): Promise<AppCredentials | undefined> {
  const stored = await deps.connectors.getSealedCredentials(pending.tenantId, pending.connectorId);
  const credentials = stored?.credentials;
  return credentials && credentials.method !== 'api_token' ? credentials : undefined;
}

/** Stores the new token pair and cloud id sealed over whatever credentials are current (compare-and-set). */
async function saveTokens(deps: ApiDeps, pending: PendingAuthorization, tokens: TokenSet, cloudId: string): Promise<boolean> {
  for (let attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
    const current = await deps.connectors.getSealedCredentials(pending.tenantId, pending.connectorId);
    if (!current || current.credentials.method === 'api_token') return false;
    const { clientId, clientSecret } = current.credentials;
    const next: TConnectorCredentials = {
      method: 'oauth',
      clientId,
      clientSecret,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      expiresAt: tokens.expiresAt,
      scope: tokens.scopes.join(' '),
      cloudId,
    };
    if (await deps.connectors.replaceCredentialsIf(pending.tenantId, pending.connectorId, next, current.version)) return true;
  }
  return false;
}

/**
 * The callback's work: takes the state out (once), exchanges the code with the connector's app, checks the granted
 * scopes, picks the connector's site among the accessible resources by its URL (never by guessing), checks that the
 * site accepts the token, and stores tokens and cloud id sealed. Every failure ends in a troubleshooting case.
 */
export async function completeAuthorization(deps: ApiDeps, query: URLSearchParams): Promise<TAuthorizationOutcome> {
  const consumed = await deps.oauthStates.consume(query.get('state') ?? '');
  if (consumed.outcome !== 'valid') return { ok: false, connectorId: undefined, problem: invalidState(consumed.outcome) };
  const pending = consumed.authorization;
  const { connectorId } = pending;
  const fail = (problem: TOAuthProblem): TAuthorizationOutcome => ({ ok: false, connectorId, problem });
  const config = await deps.connectors.get(pending.tenantId, connectorId);
  const credentials = config ? await appCredentials(deps, pending) : undefined;
  if (!config || !credentials) return fail(invalidState('unknown'));
  const context: ProblemContext = { siteUrl: config.siteUrl, redirectUrl: pending.redirectUrl };
  const error = query.get('error');
  if (error) return fail(callbackError(error.slice(0, 100), query.get('error_description')?.slice(0, 300)));
  const code = query.get('code');
  if (!code) return fail(callbackError('invalid_request', 'the callback carried neither a code nor an error'));

  const app = oauthApp(deps, credentials, pending.redirectUrl);
  try {
    const tokens = await exchangeAuthorizationCode(app, code);
    const missing = findMissingScopes([...tokens.scopes, 'offline_access']);
    if (missing.length > 0) return fail(missingScopes(missing));
    const resources = await listAccessibleResources(app, tokens.accessToken);
    const site = resources.find((resource) => isSameSite(resource.url, config.siteUrl));
    if (!site) return fail(siteProblem(resources, context));
    const http = new JiraHttp({
      baseUrl: `${app.apiGatewayUrl ?? DEFAULT_API_GATEWAY_URL}/ex/jira/${site.id}`,
      auth: { authorization: async () => `Bearer ${tokens.accessToken}` },
      retry: { maxAttempts: 3 },
    });
    const me = await new JiraClient(http, { siteUrl: config.siteUrl, cloudId: site.id, authMode: 'oauth' }).myself();
    if (!(await saveTokens(deps, pending, tokens, site.id))) return fail(invalidState('unknown'));
    await deps.connectors.updateConfig(pending.tenantId, connectorId, { authStatus: 'authorized' });
    deps.logger.info({ tenantId: pending.tenantId, connectorId, cloudId: site.id }, 'oauth connector authorized');
    return { ok: true, connectorId, siteUrl: config.siteUrl, siteName: site.name, accountName: me.displayName ?? undefined };
  } catch (caught) {
    const problem = problemOf(caught, 'exchange', context);
    if (!problem) throw caught;
    if (problem.case === 'site_not_authorized') return fail(siteRefused(context));
    deps.logger.warn({ tenantId: pending.tenantId, connectorId, problem: problem.case }, 'oauth authorization failed');
    return fail(problem);
  }
}
