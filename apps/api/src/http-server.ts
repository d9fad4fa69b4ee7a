import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { HEALTH_PATHS } from '@jira-sync/metrics';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import type { ApiContext, ApiDeps } from './context.js';
import { createApiHealth } from './metrics/api-metrics.js';
import { handleOAuthCallback, OAUTH_CALLBACK_PATH } from './oauth/callback-route.js';
import { appRouter } from './routers/_app.js';
import { apiMetrics } from './trpc.js';

const HEALTH_PATH_SET: ReadonlySet<string> = new Set(Object.values(HEALTH_PATHS));

export interface ApiServerOptions {
  /** Request bodies past this answer 413 before any procedure runs. */
  maxBodyBytes: number;
}

/**
 * The api's HTTP listener: tRPC over the standalone adapter, one request id per request (sent as x-request-id), and
 * the OAuth callback page at /oauth/callback (no API key: it acts only on a valid single-use state). `/livez` (the
 * container healthcheck), `/readyz` (MongoDB and Temporal) and `/metrics` are answered before tRPC, without a key.
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
  const health = createApiHealth({ metrics: apiMetrics, db: deps.db, temporal: deps.temporal.connection });
  const serveTrpc: typeof trpc = (request, response) => {
    try {
      trpc(request, response);
    } catch (error) {
      deps.logger.error({ err: error }, 'request failed');
      if (!response.headersSent) response.writeHead(500).end();
    }
  };
  return createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://api.invalid').pathname;
    if (path === OAUTH_CALLBACK_PATH) {
      const requestId = randomUUID();
      void handleOAuthCallback(deps, request, response, requestId);
      return;
    }
    if (HEALTH_PATH_SET.has(path)) {
      // Only GET and HEAD are health requests; anything else at these paths goes on to tRPC (which answers 404).
      health(request, response).then(
        (handled) => {
          if (!handled) serveTrpc(request, response);
        },
        (error: unknown) => {
          deps.logger.error({ err: error, path }, 'health request failed');
          if (!response.headersSent) response.writeHead(500).end();
        },
      );
      return;
    }
    serveTrpc(request, response);
  });
}
