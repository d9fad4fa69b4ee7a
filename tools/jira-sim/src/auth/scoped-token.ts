/**
 * Scoped API tokens (issue #11): Basic email:token like a classic API token, but only through the gateway
 * (`/ex/jira/{cloudId}`), with the scopes chosen at creation; the site host refuses them with 401.
 */
import { randomBytes } from 'node:crypto';
import type { Caller } from '../http/route-types.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';
import { basicCredentials } from './basic-auth.js';

const DEFAULT_SCOPES = ['read:jira-user', 'read:jira-work', 'manage:jira-configuration', 'manage:jira-project'];

/** Creates a scoped API token for an account (default: the API user) with the given classic scopes. */
export function issueScopedApiToken(runtime: SimRuntime, input: { accountId?: string; scopes?: string[] } = {}): { email: string; apiToken: string; scopes: string[] } {
  const user = runtime.directory.get(input.accountId ?? runtime.known.apiUser.accountId);
  if (!user) throw new Error(`Unknown account '${input.accountId ?? ''}'.`);
  const apiToken = `ATATT-scoped-${randomBytes(12).toString('hex')}`;
  const scopes = [...(input.scopes ?? DEFAULT_SCOPES)];
  runtime.scopedApiTokens.set(apiToken, { accountId: user.accountId, scopes });
  return { email: user.email, apiToken, scopes };
}

/** The gateway caller for a scoped API token on a site the account is licensed on; undefined means 401. */
export function resolveScopedTokenCaller(runtime: SimRuntime, authorization: string | undefined, cloudId: string): Caller | undefined {
  const credentials = basicCredentials(authorization);
  const record = credentials ? runtime.scopedApiTokens.get(credentials.token) : undefined;
  const user = record ? runtime.directory.get(record.accountId) : undefined;
  if (!credentials || !record || !user || !user.active || user.email.toLowerCase() !== credentials.email.toLowerCase()) return undefined;
  if (!runtime.siteByCloudId(cloudId)?.state.licensedAccountIds.has(user.accountId)) return undefined;
  return { user, via: 'basic', scopes: record.scopes, credential: user.email, badCredentials: false };
}
