/** The authorization server (https://auth.atlassian.com): /authorize and /oauth/token. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleAuthorize } from '../oauth/authorize-handler.js';
import { handleToken } from '../oauth/token-handler.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';

export function createAuthHandler(runtime: SimRuntime) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', runtime.urls.auth);
    if (url.pathname === '/authorize' || url.pathname === '/authorize/consent') return handleAuthorize(runtime, request, response, url);
    if (url.pathname === '/oauth/token') return handleToken(runtime, request, response);
    response.writeHead(404, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ error: 'not_found' }));
  };
}
