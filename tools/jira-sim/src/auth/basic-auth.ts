/** Site-host authentication: Basic email:API-token; a bad credential silently becomes anonymous (as in Jira Cloud). */
import type { Caller } from '../http/route-types.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';

export const ANONYMOUS: Caller = { via: 'anonymous', credential: 'anonymous', badCredentials: false };

/** Email and token of a Basic Authorization header (undefined for other schemes). */
export function basicCredentials(authorization: string | undefined): { email: string; token: string } | undefined {
  const [scheme, value = ''] = (authorization ?? '').split(' ', 2);
  if (scheme?.toLowerCase() !== 'basic') return undefined;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return { email: colon < 0 ? decoded : decoded.slice(0, colon), token: colon < 0 ? '' : decoded.slice(colon + 1) };
}

/**
 * Resolves the caller of a site request from its Authorization header. OAuth bearer tokens and scoped API tokens
 * work only through the gateway: on the site host they are refused with 401 instead of falling back to anonymous.
 */
export function resolveBasicCaller(runtime: SimRuntime, authorization: string | undefined): Caller | { refusedOnSite: true } {
  if (!authorization) return ANONYMOUS;
  const [scheme] = authorization.split(' ', 1);
  if (scheme?.toLowerCase() === 'bearer') return { refusedOnSite: true };
  const credentials = basicCredentials(authorization);
  if (!credentials) return { ...ANONYMOUS, badCredentials: true };
  const { email, token } = credentials;
  if (runtime.scopedApiTokens.has(token)) return { refusedOnSite: true };
  const user = runtime.userByEmail(email);
  if (!user || !user.active || !user.apiToken || user.apiToken !== token) return { ...ANONYMOUS, badCredentials: true };
  return { user, via: 'basic', credential: user.email, badCredentials: false };
}
