import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { initTRPC, TRPCError } from '@trpc/server';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiHealth, createApiMetrics, procedureMetrics } from './api-metrics.js';

const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

function routerWith(metrics: ReturnType<typeof createApiMetrics>) {
  const t = initTRPC.create();
  const measured = t.procedure.use(procedureMetrics(metrics));
  return t.router({
    connectors: t.router({
      list: measured.query(() => ['c1']),
      remove: measured.mutation(() => {
        throw new TRPCError({ code: 'NOT_FOUND', message: 'no such connector' });
      }),
    }),
  });
}

async function series(metrics: ReturnType<typeof createApiMetrics>, name: string) {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((entry) => entry.name === name);
  return (metric?.values ?? []).map((value) => ({ labels: value.labels, value: value.value, metricName: (value as { metricName?: string }).metricName }));
}

describe('api procedure metrics', () => {
  it('counts calls by procedure, type and result code, and times them', async () => {
    const metrics = createApiMetrics();
    const caller = initTRPC.create().createCallerFactory(routerWith(metrics))({});
    await caller.connectors.list();
    await caller.connectors.list();
    await expect(caller.connectors.remove()).rejects.toThrow('no such connector');
    expect((await series(metrics, 'jira_sync_api_requests_total')).map(({ labels, value }) => ({ ...labels, value }))).toEqual([
      { procedure: 'connectors.list', type: 'query', code: 'OK', app: 'api', value: 2 },
      { procedure: 'connectors.remove', type: 'mutation', code: 'NOT_FOUND', app: 'api', value: 1 },
    ]);
    const counts = (await series(metrics, 'jira_sync_api_request_duration_seconds')).filter((entry) => entry.metricName === 'jira_sync_api_request_duration_seconds_count');
    expect(counts.map(({ labels, value }) => [labels['procedure'], value])).toEqual([
      ['connectors.list', 2],
      ['connectors.remove', 1],
    ]);
  });

  it('serves /metrics and a /readyz that reports the dependency that does not answer, leaving other paths alone', async () => {
    const metrics = createApiMetrics();
    const health = createApiHealth({
      metrics,
      db: { command: async () => ({ ok: 1 }) },
      temporal: { workflowService: { getSystemInfo: () => Promise.reject(new Error('14 UNAVAILABLE: connection refused')) } },
    });
    const server = createServer((request, response) => {
      void health(request, response).then((handled) => {
        if (!handled) response.writeHead(418).end();
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    closers.push(() => server.close());
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect(await (await fetch(`${url}/metrics`)).text()).toContain('# TYPE jira_sync_api_requests_total counter');
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not ready', checks: { mongodb: 'ok', temporal: '14 UNAVAILABLE: connection refused' } });
    expect((await fetch(`${url}/health.check`)).status).toBe(418);
  });
});
