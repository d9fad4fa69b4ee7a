/**
 * GET /authorize (and POST /authorize/consent): validates client, redirect URI and scopes, then either redirects
 * straight back with code and state (auto-approve) or shows a consent page for the configured user.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http/listener.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';
import { accessibleCloudIds } from './accessible-sites.js';

function send(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'text/html;charset=UTF-8', ...headers });
  response.end(body);
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

function redirectBack(response: ServerResponse, redirectUri: string, params: Record<string, string>): void {
  const target = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
  response.writeHead(302, { location: target.toString() });
  response.end();
}

export async function handleAuthorize(runtime: SimRuntime, request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
  const params = request.method === 'POST' ? new URLSearchParams((await readBody(request)).toString('utf8')) : url.searchParams;
  const client = runtime.oauth.clients.get(params.get('client_id') ?? '');
  if (!client) return send(response, 400, '<h1>Something went wrong</h1><p>The app (client_id) is not registered.</p>');
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!client.redirectUris.includes(redirectUri)) return send(response, 400, '<h1>Something went wrong</h1><p>The redirect_uri does not match any callback URL of this app.</p>');
  const state = params.get('state') ?? '';
  const scopes = (params.get('scope') ?? '').split(/[\s+]+/).filter(Boolean);
  if (params.get('response_type') !== 'code' || params.get('audience') !== 'api.atlassian.com') {
    return redirectBack(response, redirectUri, { error: 'invalid_request', error_description: 'response_type must be code and audience api.atlassian.com', state });
  }
  const unknown = scopes.filter((scope) => !client.scopes.includes(scope));
  if (scopes.length === 0 || unknown.length > 0) return redirectBack(response, redirectUri, { error: 'invalid_scope', error_description: `Unknown or unconfigured scopes: ${unknown.join(' ')}`, state });
  const consent = runtime.consent;
  const decision = params.get('decision');
  if (runtime.options.consentPage && request.method !== 'POST') {
    const user = runtime.directory.get(consent.accountId);
    const hidden = [...params.entries()].map(([name, value]) => `<input type="hidden" name="${escape(name)}" value="${escape(value)}">`).join('');
    return send(response, 200, `<h1>Allow access?</h1><p>${escape(user?.displayName ?? '')} is asked to grant ${escape(scopes.join(', '))}.</p><form method="POST" action="/authorize/consent">${hidden}<button name="decision" value="accept">Accept</button><button name="decision" value="deny">Deny</button></form>`);
  }
  if (consent.deny || decision === 'deny') return redirectBack(response, redirectUri, { error: 'access_denied', error_description: 'User did not authorize the request', state });
  const cloudIds = consent.cloudIds.length > 0 ? consent.cloudIds : accessibleCloudIds(runtime, consent.accountId);
  const code = runtime.oauth.issueCode({ clientId: client.clientId, redirectUri, scopes, accountId: consent.accountId, cloudIds });
  redirectBack(response, redirectUri, { code, state });
}
