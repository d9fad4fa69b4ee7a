import { request } from 'undici';
import { z } from 'zod';
import { JiraNetworkError, JiraReauthenticationRequiredError } from '../errors/jira-error.js';
import { mapResponseError, parseErrorBody } from '../errors/map-response-error.js';
import { systemClock, type Clock } from '../http/clock.js';
import { parseWithSchema } from '../http/parse-response.js';
import { sharedTransport } from '../http/transport.js';
import { DEFAULT_AUTH_BASE_URL, type OAuthAppOptions } from './oauth-app.js';
import { parseScopes } from './scopes.js';
import type { TokenSet } from './token-store.js';

const ZTokenResponseSchema = z.looseObject({
  access_token: z.string(),
  expires_in: z.number(),
  refresh_token: z.string().optional(),
  scope: z.string().default(''),
});

const ENDPOINT = '/oauth/token';

async function postToken(app: OAuthAppOptions, body: Record<string, string>, clock: Clock, grant: string): Promise<Omit<TokenSet, 'refreshToken'> & { refreshToken: string | undefined }> {
  const context = { method: 'POST', endpoint: ENDPOINT };
  let response;
  try {
    response = await request(`${app.authBaseUrl ?? DEFAULT_AUTH_BASE_URL}${ENDPOINT}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ ...body, client_id: app.clientId, client_secret: app.clientSecret }),
      dispatcher: app.dispatcher ?? sharedTransport(),
    });
  } catch (error) {
    throw new JiraNetworkError(`POST ${ENDPOINT} (${grant}) failed: the Atlassian auth server was unreachable. Try again.`, context, error);
  }
  const text = await response.body.text();
  if (response.statusCode >= 400) {
    const details = parseErrorBody(text);
    if (text.includes('invalid_grant')) {
      throw new JiraReauthenticationRequiredError(
        `POST ${ENDPOINT} (${grant}) failed with ${response.statusCode}${details.summary ? `: ${details.summary}` : ''}. Re-authentication needed: the Jira connection must be authorised again.`,
        { ...context, status: response.statusCode },
      );
    }
    throw mapResponseError(response.statusCode, text, context);
  }
  const parsed = parseWithSchema(ZTokenResponseSchema, text, context);
  return {
    accessToken: parsed.access_token,
    refreshToken: parsed.refresh_token,
    expiresAt: clock.now() + parsed.expires_in * 1000,
    scopes: parseScopes(parsed.scope),
  };
}

/** Exchanges the callback's authorization code for a token pair (needs offline_access for the refresh token). */
export async function exchangeAuthorizationCode(app: OAuthAppOptions, code: string, clock: Clock = systemClock): Promise<TokenSet> {
  const set = await postToken(app, { grant_type: 'authorization_code', code, redirect_uri: app.redirectUri }, clock, 'authorization_code');
  if (!set.refreshToken) {
    throw new JiraReauthenticationRequiredError('The grant has no refresh token: the offline_access scope was not granted. Reconnect with offline_access.', {
      method: 'POST',
      endpoint: ENDPOINT,
    });
  }
  return { ...set, refreshToken: set.refreshToken };
}

/**
 * Trades a refresh token for a new pair. Refresh tokens rotate: the old one stays usable for a 10-minute leeway. If a
 * response omits the refresh token, the old one is kept. invalid_grant means re-authentication is needed.
 */
export async function refreshTokenSet(app: OAuthAppOptions, refreshToken: string, clock: Clock = systemClock): Promise<TokenSet> {
  const set = await postToken(app, { grant_type: 'refresh_token', refresh_token: refreshToken }, clock, 'refresh_token');
  return { ...set, refreshToken: set.refreshToken ?? refreshToken };
}
