import { afterEach, describe, expect, it } from 'vitest';
import { Counter, createMetricsRegistry, startHealthServer, type HealthServer } from './index.js';

const servers: HealthServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(options: Omit<Parameters<typeof startHealthServer>[0], 'host' | 'port'>): Promise<HealthServer> {
  const server = await startHealthServer({ host: '127.0.0.1', port: 0, ...options });
  servers.push(server);
  return server;
}

describe('health server', () => {
  it('serves the registry in Prometheus text format, every series labelled with the app', async () => {
    const registry = createMetricsRegistry('probe');
    const counter = new Counter({ name: 'probe_things_total', help: 'things', labelNames: ['kind'], registers: [registry] });
    counter.inc({ kind: 'a' }, 3);
    const server = await serve({ registry, readiness: {} });
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('probe_things_total{kind="a",app="probe"} 3');
    expect(text).toMatch(/^jira_sync_process_cpu_user_seconds_total\{app="probe"\} /m);
  });

  it('appends the extra exposition text, and still answers when that source fails', async () => {
    const registry = createMetricsRegistry('probe');
    const good = await serve({ registry, readiness: {}, extraMetrics: async () => 'temporal_probe 1\n' });
    expect(await (await fetch(`${good.url}/metrics`)).text()).toContain('temporal_probe 1');
    const bad = await serve({ registry, readiness: {}, extraMetrics: () => Promise.reject(new Error('down')) });
    const response = await fetch(`${bad.url}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain('temporal_probe');
  });

  it('answers /livez without asking any dependency', async () => {
    let asked = 0;
    const server = await serve({ registry: createMetricsRegistry('probe'), readiness: { db: async () => void asked++ } });
    const response = await fetch(`${server.url}/livez`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'live' });
    expect(asked).toBe(0);
  });

  it('is ready only when every dependency answers, naming the failing one and masking URL credentials', async () => {
    const server = await serve({
      registry: createMetricsRegistry('probe'),
      readiness: { db: async () => 'pong', broker: () => Promise.reject(new Error('connect ECONNREFUSED mongodb://user:secret@10.0.0.1:1')) },
    });
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; checks: Record<string, string> };
    expect(body.status).toBe('not ready');
    expect(body.checks['db']).toBe('ok');
    expect(body.checks['broker']).toContain('ECONNREFUSED');
    expect(body.checks['broker']).not.toContain('secret');
  });

  it('counts a dependency that never answers as not ready once the check timeout passes', async () => {
    const server = await serve({ registry: createMetricsRegistry('probe'), readiness: { hang: () => new Promise(() => {}) }, checkTimeoutMs: 50 });
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(503);
    expect(((await response.json()) as { checks: Record<string, string> }).checks['hang']).toBe('no answer within 50 ms');
  });

  it('answers 200 on /readyz when all checks pass, and 404 for any other path', async () => {
    const server = await serve({ registry: createMetricsRegistry('probe'), readiness: { db: async () => undefined } });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${server.url}/nothing`)).status).toBe(404);
  });
});
