/** Site-host authentication: Basic email:API-token; a bad credential silently becomes anonymous (as in Jira Cloud). */
import type { Caller } from '../http/route-types.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';

export const ANONYMOUS: Caller = { via: 'anonymous', credential: 'anonymous', badCredentials: false };

/** Resolves the caller of a site request from its Authorization header. */
export function resolveBasicCaller(runtime: SimRuntime, authorization: string | undefined): Caller | { bearerOnSite: true } {
  if (!authorization) return ANONYMOUS;
  const [scheme, value = ''] = authorization.split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer') return { bearerOnSite: true };
  if (scheme?.toLowerCase() !== 'basic') return { ...ANONYMOUS, badCredentials: true };
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const email = colon < 0 ? decoded : decoded.slice(0, colon);
  const token = colon < 0 ? '' : decoded.slice(colon + 1);
  const user = runtime.userByEmail(email);
  if (!user || !user.active || !user.apiToken || user.apiToken !== token) return { ...ANONYMOUS, badCredentials: true };
  return { user, via: 'basic', credential: user.email, badCredentials: false };
}
