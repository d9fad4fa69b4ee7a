/** The API gateway (https://api.atlassian.com): /ex/jira/{cloudId}/rest/..., accessible-resources and /me, all Bearer. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GATEWAY_SCOPE_MISMATCH, GATEWAY_UNAUTHORIZED } from '../auth/bearer-auth.js';
import { handleJiraRequest } from '../http/jira-pipeline.js';
import type { Router } from '../http/router.js';
import { writeReply } from '../http/write-reply.js';
import { accessibleResources, foreignSite } from '../oauth/accessible-sites.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';

function bearer(runtime: SimRuntime, request: IncomingMessage) {
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ? runtime.oauth.lookupAccess(match[1].trim()) : undefined;
}

export function createGatewayHandler(runtime: SimRuntime, router: Router) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', runtime.urls.gateway);
    const jira = /^\/ex\/jira\/([^/]+)(\/.*)$/.exec(url.pathname);
    if (jira) {
      let cloudId: string;
      try {
        cloudId = decodeURIComponent(jira[1] ?? '');
      } catch {
        return writeReply(response, { status: 400, body: { errorMessages: ['The request path is not valid: it contains malformed percent-encoding.'], errors: {} } });
      }
      const site = runtime.siteByCloudId(cloudId);
      if (!site && foreignSite(runtime)?.cloudId === cloudId) return writeReply(response, { status: 401, body: GATEWAY_UNAUTHORIZED });
      if (!site) return writeReply(response, { status: 404, body: { code: 404, message: 'Not Found' } });
      return handleJiraRequest({ runtime, router }, request, response, site, jira[2] ?? '/', url);
    }
    const token = bearer(runtime, request);
    if (url.pathname === '/oauth/token/accessible-resources') {
      if (!token) return writeReply(response, { status: 401, body: GATEWAY_UNAUTHORIZED });
      return writeReply(response, { status: 200, body: accessibleResources(runtime, token.cloudIds, token.scopes) });
    }
    if (url.pathname === '/me') {
      if (!token) return writeReply(response, { status: 401, body: GATEWAY_UNAUTHORIZED });
      if (!token.scopes.includes('read:me')) return writeReply(response, { status: 401, body: GATEWAY_SCOPE_MISMATCH });
      const user = runtime.directory.get(token.accountId);
      return writeReply(response, {
        status: 200,
        body: { account_type: user?.accountType, account_id: user?.accountId, email: user?.email, name: user?.displayName, picture: '', account_status: user?.active ? 'active' : 'inactive', nickname: user?.displayName, zoneinfo: user?.timeZone, locale: 'en-US', email_verified: true, extended_profile: {} },
      });
    }
    writeReply(response, { status: 404, body: { code: 404, message: 'Not Found' } });
  };
}
