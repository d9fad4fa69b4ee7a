import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { createActivities, createConnectorOpener } from '@jira-sync/activities';
import { syncWorkflowId, type TSyncResult } from '@jira-sync/contracts';
import { createKafka } from '@jira-sync/events';
import { createLogger } from '@jira-sync/logging';
import { createApiTokenClient, SiteLimiterRegistry } from '@jira-sync/jira-client';
import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import { createMetricsRegistry, type HealthServer } from '@jira-sync/metrics';
import { ConnectorRepository, CredentialSealer, connectStore } from '@jira-sync/store';
import { createDataConverter, workflowBundlerOptions } from '@jira-sync/temporal';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityMetricsInterceptor } from './activity-metrics.interceptor.js';
import { observeJiraRequests } from './jira-request-metrics.js';
import { startWorkerHealth } from './worker-health.js';
import { createWorkerMetrics } from './worker-metrics.js';

const require = createRequire(import.meta.url);
const TEMPORAL = '127.0.0.1:7233';
const encryption = { currentKeyId: 'test', keys: new Map([['test', randomBytes(32)]]) };
const logger = createLogger({ name: 'worker-metrics-test', level: 'fatal' });
const toClose: Array<() => Promise<unknown>> = [];

let registry: ReturnType<typeof createMetricsRegistry>;
let metrics: ReturnType<typeof createWorkerMetrics>;
let health: HealthServer;
let mongo: MongoClient;
let connection: NativeConnection;

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The sample value of one series in the exposition text, found by name and every given label. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  const line = text.split('\n').find((entry) => {
    if (!entry.startsWith(`${name}{`)) return false;
    return Object.entries(labels).every(([key, value]) => entry.includes(`${key}="${value}"`));
  });
  return line === undefined ? 0 : Number(line.slice(line.lastIndexOf(' ') + 1));
}

beforeAll(async () => {
  registry = createMetricsRegistry('worker');
  metrics = createWorkerMetrics(registry);
  mongo = await new MongoClient('mongodb://127.0.0.1:27017').connect();
  connection = await NativeConnection.connect({ address: TEMPORAL });
  const kafka = createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'worker-metrics-test', logger });
  health = await startWorkerHealth({ host: '127.0.0.1', port: 0, registry, db: mongo.db('admin'), kafka, connection });
  toClose.push(() => health.close(), () => mongo.close(), () => connection.close());
});

afterAll(async () => {
  for (const close of toClose.reverse()) await close();
});

describe('worker metrics on the running stack', () => {
  it('counts the activities a real worker runs during a sync of one demo project, scraped from /metrics', async () => {
    const sim: JiraSimulator = await startSimulator({ preset: 'demo', seed: 1, searchLagMs: 0 });
    toClose.push(() => sim.stop());
    const store = await connectStore({ uri: 'mongodb://127.0.0.1:27017', dbName: `test_worker_metrics_${randomUUID().slice(0, 8)}` });
    toClose.push(async () => {
      await store.db.dropDatabase();
      await store.close();
    });
    const connectors = new ConnectorRepository(store.db, new CredentialSealer(encryption));
    await connectors.ensureIndexes();
    const scope = { tenantId: `metrics-${randomUUID().slice(0, 8)}`, connectorId: 'jira' };
    const admin = sim.credentials.admin;
    // One small project and no attachment bytes: enough to run every step of the sync once.
    await connectors.create(
      { ...scope, siteUrl: sim.sites[0]!.siteUrl, authMethod: 'api_token', syncFilters: { projects: { operator: 'in', keys: ['HELP'] } }, indexingFilters: { issues: true, attachments: false } },
      { method: 'api_token', email: admin.email, apiToken: admin.apiToken },
    );
    let published = 0;
    const activities = createActivities({
      openConnector: createConnectorOpener({ connectors, allowInsecureLoopback: true }),
      recordPublisher: { publish: async (events) => void (published += events.length) },
      now: () => new Date(),
    });
    const taskQueue = `test-worker-metrics-${randomUUID()}`;
    const workflowBundle = await bundleWorkflowCode({ workflowsPath: require.resolve('@jira-sync/workflows'), ...workflowBundlerOptions() });
    const worker = await Worker.create({
      connection,
      taskQueue,
      workflowBundle,
      activities,
      dataConverter: createDataConverter(encryption),
      interceptors: { activity: [activityMetricsInterceptor(metrics)] },
    });
    const clientConnection = await Connection.connect({ address: TEMPORAL });
    const client = new Client({ connection: clientConnection, dataConverter: createDataConverter(encryption) });
    const scrape = async () => (await fetch(`${health.url}/metrics`)).text();
    const completed = (text: string, activity: string, name = 'jira_sync_worker_activities_total') => sample(text, name, { activity, outcome: 'completed' });
    const before = await scrape();
    let result: TSyncResult;
    try {
      result = await worker.runUntil(
        client.workflow.execute('syncConnectorWorkflow', {
          taskQueue,
          workflowId: `${syncWorkflowId(scope.tenantId, scope.connectorId)}:${randomUUID()}`,
          args: [{ ...scope, mode: 'full' }],
        }),
      );
    } finally {
      await clientConnection.close();
    }
    expect(result.status).toBe('completed');
    expect(result.projects.map((project) => project.status)).toEqual(['completed']);
    expect(published).toBeGreaterThan(0);
    const text = await scrape();
    for (const activity of ['syncUsers', 'syncGroups', 'listProjects', 'syncProjectIssues']) {
      expect(completed(text, activity)).toBeGreaterThan(completed(before, activity));
      expect(completed(text, activity, 'jira_sync_worker_activity_duration_seconds_count')).toBe(completed(text, activity));
    }
    expect(completed(text, 'syncUsers')).toBe(completed(before, 'syncUsers') + 1);
  }, 300_000);

  it('counts Jira requests and 429s by site, retries included', async () => {
    const sim: JiraSimulator = await startSimulator({ preset: 'demo', seed: 1 });
    toClose.push(() => sim.stop());
    const stop = observeJiraRequests(metrics);
    try {
      const site = sim.sites[0]!;
      const host = new URL(site.siteUrl).host;
      const clock = { now: () => Date.now(), sleep: async () => undefined };
      const client = createApiTokenClient({
        siteUrl: site.siteUrl,
        allowInsecureLoopback: true,
        email: sim.credentials.apiUser.email,
        apiToken: sim.credentials.apiUser.apiToken,
        clock,
        limiters: new SiteLimiterRegistry({ clock }),
      });
      sim.control.faults.add({ kind: 'rate-limit', path: '/rest/api/3/myself', retryAfterSeconds: 1, times: 2 });
      sim.control.counters.reset();
      await client.myself();
      // The simulator's own counters are the ground truth for what reached the site.
      const served = new Map<string, number>();
      for (const row of sim.control.counters.snapshot()) {
        for (const [status, count] of Object.entries(row.statuses)) served.set(status, (served.get(status) ?? 0) + count);
      }
      expect(served.get('429')).toBe(2);
      const text = await (await fetch(`${health.url}/metrics`)).text();
      expect(sample(text, 'jira_sync_jira_rate_limited_total', { site: host })).toBe(2);
      for (const [status, count] of served) expect(sample(text, 'jira_sync_jira_requests_total', { site: host, status })).toBe(count);
    } finally {
      stop();
    }
  });

  it('is ready when MongoDB, Kafka and Temporal answer, and not ready, naming each, when they cannot be reached', async () => {
    const ready = await fetch(`${health.url}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { mongodb: 'ok', kafka: 'ok', temporal: 'ok' } });
    expect(ready.status).toBe(200);

    const port = await closedPort();
    const unreachableMongo = new MongoClient(`mongodb://127.0.0.1:${port}`, { serverSelectionTimeoutMS: 500 });
    const unreachableTemporal = Connection.lazy({ address: `127.0.0.1:${port}`, connectTimeout: 500 });
    const broken = await startWorkerHealth({
      host: '127.0.0.1',
      port: 0,
      registry,
      db: unreachableMongo.db('admin'),
      kafka: createKafka({ brokers: [`127.0.0.1:${port}`], clientId: 'worker-metrics-test', logger }),
      connection: unreachableTemporal,
    });
    try {
      const response = await fetch(`${broken.url}/readyz`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as { status: string; checks: Record<string, string> };
      expect(body.status).toBe('not ready');
      for (const dependency of ['mongodb', 'kafka', 'temporal']) expect(body.checks[dependency]).not.toBe('ok');
      expect((await fetch(`${broken.url}/livez`)).status).toBe(200);
    } finally {
      await broken.close();
      await unreachableMongo.close();
      await unreachableTemporal.close();
    }
  });
});
