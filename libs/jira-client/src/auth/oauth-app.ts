import type { Dispatcher } from 'undici';
import { REQUIRED_OAUTH_SCOPES } from './scopes.js';

/** An OAuth 2.0 (3LO) app registered in Atlassian's developer console. */
export interface OAuthAppOptions {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Default https://auth.atlassian.com (a simulator's URL in tests). */
  authBaseUrl?: string;
  /** Default https://api.atlassian.com (a simulator's URL in tests). */
  apiGatewayUrl?: string;
  dispatcher?: Dispatcher;
}

export const DEFAULT_AUTH_BASE_URL = 'https://auth.atlassian.com';
export const DEFAULT_API_GATEWAY_URL = 'https://api.atlassian.com';

export interface AuthorizationUrlOptions {
  /** CSRF value bound to the user's session; echoed back on the callback. */
  state: string;
  /** Default: REQUIRED_OAUTH_SCOPES. offline_access is always added (refresh tokens). */
  scopes?: readonly string[];
  /** Default 'consent' (show the consent screen, so new scopes get granted). */
  prompt?: 'consent' | 'none';
}

/** The URL to send the user to for consent (audience api.atlassian.com, response_type code). */
export function buildAuthorizationUrl(app: OAuthAppOptions, options: AuthorizationUrlOptions): string {
  const scopes = new Set([...(options.scopes ?? REQUIRED_OAUTH_SCOPES), 'offline_access']);
  const url = new URL(`${app.authBaseUrl ?? DEFAULT_AUTH_BASE_URL}/authorize`);
  url.searchParams.set('audience', 'api.atlassian.com');
  url.searchParams.set('client_id', app.clientId);
  url.searchParams.set('scope', [...scopes].join(' '));
  url.searchParams.set('redirect_uri', app.redirectUri);
  url.searchParams.set('state', options.state);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('prompt', options.prompt ?? 'consent');
  return url.toString();
}
