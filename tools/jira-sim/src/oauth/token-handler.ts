/**
 * POST /oauth/token: authorization_code and refresh_token grants, JSON or form-urlencoded. Refresh tokens rotate;
 * an unknown, expired or reused-too-late refresh token is 403 invalid_grant (reused-too-late: 403 unauthorized_client
 * with switch refreshReuseError).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http/listener.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

function parseBody(type: string | undefined, raw: string): Record<string, string> {
  if (type?.includes('application/json')) {
    const parsed = JSON.parse(raw || '{}') as Record<string, unknown>;
    return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

export async function handleToken(runtime: SimRuntime, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'POST') return reply(response, 405, { error: 'invalid_request', error_description: 'Use POST.' });
  let body: Record<string, string>;
  try {
    body = parseBody(request.headers['content-type'], (await readBody(request)).toString('utf8'));
  } catch {
    return reply(response, 400, { error: 'invalid_request', error_description: 'Malformed request body.' });
  }
  const client = runtime.oauth.clients.get(body.client_id ?? '');
  if (!client || client.clientSecret !== body.client_secret) return reply(response, 401, { error: 'access_denied', error_description: 'Unauthorized' });
  if (body.grant_type === 'authorization_code') {
    const code = runtime.oauth.redeemCode(body.code ?? '', client.clientId, body.redirect_uri);
    if (!code) return reply(response, 403, { error: 'invalid_grant', error_description: 'Invalid authorization code' });
    return reply(response, 200, runtime.oauth.grantTokens({ clientId: client.clientId, accountId: code.accountId, scopes: code.scopes, cloudIds: code.cloudIds }));
  }
  if (body.grant_type === 'refresh_token') {
    const grant = runtime.oauth.refresh(body.refresh_token ?? '', client.clientId);
    if ('failure' in grant) {
      // Switch refreshReuseError: production answers a rotated-out token presented after the leeway as unauthorized_client.
      if (grant.failure === 'reused' && runtime.options.refreshReuseError === 'unauthorized_client') {
        return reply(response, 403, { error: 'unauthorized_client', error_description: 'refresh_token is invalid' });
      }
      return reply(response, 403, { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' });
    }
    return reply(response, 200, grant);
  }
  reply(response, 400, { error: 'unsupported_grant_type', error_description: `Unsupported grant type: ${body.grant_type ?? ''}` });
}
