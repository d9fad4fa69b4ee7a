import { validateSiteUrl } from './config/site-url.js';
import { JiraHttp } from './http/jira-http.js';
import type { AuthProvider } from './http/jira-request.js';
import { JiraClient } from './jira-client.js';
import { getMyself, type TMyself } from './resources/myself.js';
import { transportOptions, type CommonClientOptions } from './client-options.js';

export interface ApiTokenClientOptions extends CommonClientOptions {
  email: string;
  apiToken: string;
}

const INVALID_CREDENTIALS =
  'Invalid credentials: Jira does not accept this email and API token (it would silently treat them as anonymous). ' +
  'Check the email, create a new API token at id.atlassian.com, and make sure the token has not expired.';

/**
 * A client for an API token (email + token, Basic auth on the site URL). Before its first call it checks /myself,
 * because Jira answers bad Basic credentials as an anonymous user ("no projects") instead of 401.
 */
export function createApiTokenClient(options: ApiTokenClientOptions): JiraClient {
  const siteUrl = validateSiteUrl(options.siteUrl, { allowInsecureLoopback: options.allowInsecureLoopback ?? false });
  const header = `Basic ${Buffer.from(`${options.email}:${options.apiToken}`, 'utf8').toString('base64')}`;
  const common = { baseUrl: siteUrl, ...transportOptions(options, siteUrl) };
  const basic: AuthProvider = { authorization: async () => header, describeUnauthorized: () => INVALID_CREDENTIALS };
  const probe = new JiraHttp({ ...common, auth: basic });

  let verified: Promise<TMyself> | undefined;
  const verify = (): Promise<TMyself> => {
    verified ??= getMyself(probe).catch((error: unknown) => {
      verified = undefined; // a later call checks again (the token may have been fixed, or Jira was down)
      throw error;
    });
    return verified;
  };
  const guarded: AuthProvider = {
    authorization: async () => {
      await verify();
      return header;
    },
    describeUnauthorized: () => INVALID_CREDENTIALS,
  };
  return new JiraClient(new JiraHttp({ ...common, auth: guarded }), { siteUrl, authMode: 'api-token' }, verify);
}
