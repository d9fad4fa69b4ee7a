import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import { runReadinessChecks, type ReadinessCheck } from './readiness.js';

export interface HealthEndpointsOptions {
  registry: Registry;
  /** Dependencies `/readyz` asks, by name (e.g. mongodb, kafka, temporal). */
  readiness: Readonly<Record<string, ReadinessCheck>>;
  /** Bound on each readiness check; 2 s unless told. */
  checkTimeoutMs?: number;
  /** More exposition text appended to `/metrics` (the Temporal SDK's own metrics in the worker). */
  extraMetrics?: () => Promise<string>;
}

/** Handles a request when it is for one of the endpoints; resolves false for any other request. */
export type HealthRequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;

/** Paths the handler answers (GET or HEAD). */
export const HEALTH_PATHS = { metrics: '/metrics', liveness: '/livez', readiness: '/readyz' } as const;

/**
 * `/metrics` (Prometheus text format), `/livez` (the process serves requests: 200, nothing else asked) and
 * `/readyz` (200 when every dependency answers, 503 with the failing ones otherwise), mountable on any node:http
 * server: `if (await health(request, response)) return;`.
 */
export function createHealthEndpoints(options: HealthEndpointsOptions): HealthRequestHandler {
  const timeoutMs = options.checkTimeoutMs ?? 2_000;
  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === HEALTH_PATHS.liveness) {
      sendJson(response, 200, { status: 'live' });
      return true;
    }
    if (path === HEALTH_PATHS.readiness) {
      const report = await runReadinessChecks(options.readiness, timeoutMs);
      sendJson(response, report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'not ready', checks: report.checks });
      return true;
    }
    if (path === HEALTH_PATHS.metrics) {
      const own = await options.registry.metrics();
      const extra = options.extraMetrics ? await options.extraMetrics().catch(() => '') : '';
      response.writeHead(200, { 'content-type': options.registry.contentType }).end(extra ? `${own}\n${extra}` : own);
      return true;
    }
    return false;
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}
