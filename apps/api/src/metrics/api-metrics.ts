import {
  Counter,
  createHealthEndpoints,
  createMetricsRegistry,
  Histogram,
  mongoPingCheck,
  type HealthRequestHandler,
  type PingableDb,
  type Registry,
} from '@jira-sync/metrics';
import { experimental_standaloneMiddleware } from '@trpc/server';

/** Request counts and latencies by tRPC procedure. */
export interface ApiMetrics {
  registry: Registry;
  /** By procedure path, type (query, mutation, subscription) and tRPC code (`OK` or the error code). */
  requests: Counter<'procedure' | 'type' | 'code'>;
  seconds: Histogram<'procedure' | 'type'>;
}

/** A registry for the api (Node's process metrics included) with its request series. */
export function createApiMetrics(registry: Registry = createMetricsRegistry('api')): ApiMetrics {
  return {
    registry,
    requests: new Counter({
      name: 'jira_sync_api_requests_total',
      help: 'tRPC calls by procedure, type and result code.',
      labelNames: ['procedure', 'type', 'code'],
      registers: [registry],
    }),
    seconds: new Histogram({
      name: 'jira_sync_api_request_duration_seconds',
      help: 'tRPC call latency by procedure and type.',
      labelNames: ['procedure', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

/**
 * tRPC middleware that counts and times every call: `publicProcedure.use(procedureMetrics(metrics))`. Paths are the
 * router's own procedure names (a call to an unknown path never reaches a middleware), so the label set stays bounded.
 */
export function procedureMetrics(metrics: ApiMetrics) {
  return experimental_standaloneMiddleware().create(async ({ path, type, next }) => {
    const stopTimer = metrics.seconds.startTimer({ procedure: path, type });
    const result = await next();
    stopTimer();
    metrics.requests.inc({ procedure: path, type, code: result.ok ? 'OK' : result.error.code });
    return result;
  });
}

export interface ApiHealthOptions {
  metrics: ApiMetrics;
  db: PingableDb;
  /** The Temporal client's connection (`client.connection`). */
  temporal: { workflowService: { getSystemInfo(request: object): Promise<unknown> } };
}

/**
 * `/metrics`, `/livez` and `/readyz` (MongoDB ping and Temporal GetSystemInfo) for the api's own HTTP server:
 * `if (await health(request, response)) return;` before the tRPC handler.
 */
export function createApiHealth(options: ApiHealthOptions): HealthRequestHandler {
  return createHealthEndpoints({
    registry: options.metrics.registry,
    readiness: { mongodb: mongoPingCheck(options.db), temporal: () => options.temporal.workflowService.getSystemInfo({}) },
  });
}
