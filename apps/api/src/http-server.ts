import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { ApiContext, ApiDeps } from './context.js';
import { handleOAuthCallback, OAUTH_CALLBACK_PATH } from './oauth/callback-route.js';
import { appRouter } from './routers/_app.js';

export interface ApiServerOptions {
  /** Request bodies past this answer 413 before any procedure runs. */
  maxBodyBytes: number;
}

/**
 * The api's HTTP listener: tRPC over the standalone adapter, one request id per request (sent as x-request-id), and
 * the OAuth callback page at /oauth/callback (no API key: it acts only on a valid single-use state).
 */
export function createApiServer(deps: ApiDeps, options: ApiServerOptions): Server {
  const trpc = createHTTPHandler({
    router: appRouter,
    maxBodySize: options.maxBodyBytes,
    createContext: ({ req, res }): ApiContext => {
      const requestId = randomUUID();
      res.setHeader('x-request-id', requestId);
      return { ...deps, requestId, authorization: req.headers.authorization };
    },
  });
  return createServer((request, response) => {
    if (new URL(request.url ?? '/', 'http://api.invalid').pathname === OAUTH_CALLBACK_PATH) {
      const requestId = randomUUID();
      void handleOAuthCallback(deps, request, response, requestId);
      return;
    }
    try {
      trpc(request, response);
    } catch (error) {
      deps.logger.error({ err: error }, 'request failed');
      if (!response.headersSent) response.writeHead(500).end();
    }
  });
}
