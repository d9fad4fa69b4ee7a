/** Gateway authentication: Bearer access tokens bound to consented sites and scopes. */
import type { Caller, ClassicScope } from '../http/route-types.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';

export const GATEWAY_UNAUTHORIZED = { code: 401, message: 'Unauthorized' };
export const GATEWAY_SCOPE_MISMATCH = { code: 401, message: 'Unauthorized; scope does not match' };

/** Which classic scopes satisfy a route's scope (manage:* implies the read scopes it contains). */
const IMPLIED: Record<ClassicScope, string[]> = {
  'read:jira-user': ['read:jira-user'],
  'read:jira-work': ['read:jira-work', 'write:jira-work'],
  'manage:jira-configuration': ['manage:jira-configuration'],
  'manage:jira-project': ['manage:jira-project', 'manage:jira-configuration'],
  'write:jira-work': ['write:jira-work'],
  'manage:jira-webhook': ['manage:jira-webhook', 'read:jira-work'],
};

/** Resolves a bearer caller for a site; undefined means 401 Unauthorized. */
export function resolveBearerCaller(runtime: SimRuntime, authorization: string | undefined, cloudId: string): Caller | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return undefined;
  const token = runtime.oauth.lookupAccess(match[1].trim());
  if (!token || !token.cloudIds.includes(cloudId)) return undefined;
  const user = runtime.directory.get(token.accountId);
  if (!user || !user.active) return undefined;
  return { user, via: 'bearer', clientId: token.clientId, scopes: token.scopes, credential: token.clientId, badCredentials: false };
}

/** Whether the token's scopes allow a route. */
export function scopeAllows(scopes: string[] | undefined, required: ClassicScope | null): boolean {
  if (required === null) return true;
  return IMPLIED[required].some((scope) => scopes?.includes(scope));
}
