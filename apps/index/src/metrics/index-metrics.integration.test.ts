import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { MAX_RECORD_EVENT_BYTES } from '@jira-sync/contracts';
import { createKafka, createRecordPublisher, ensureTopics, waitForConsumerCaughtUp } from '@jira-sync/events';
import { createLogger } from '@jira-sync/logging';
import { createMetricsRegistry } from '@jira-sync/metrics';
import { connectStore, RecordStore } from '@jira-sync/store';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startConsumer } from '../consumer.js';
import { issueEvent, userEvent } from '../record-events.test-support.js';
import { registerConsumerLag } from './consumer-lag.js';
import { startIndexHealth } from './index-health.js';
import { createIndexMetrics } from './index-metrics.js';

const logger = createLogger({ name: 'test', destination: new Writable({ write: (_chunk, _e, done) => done() }) });
const kafka = createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'index-metrics-test', logger });
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Sum of the samples of one series whose lines carry every given label. */
function total(text: string, name: string, labels: Record<string, string>): number {
  return text
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) && Object.entries(labels).every(([key, value]) => line.includes(`${key}="${value}"`)))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

describe('index metrics on the running broker and database', () => {
  it('reports consumer lag before consuming, then events consumed, dead-lettered and write times, with the lag back to zero', async () => {
    const suffix = randomUUID();
    const topic = `test.records.${suffix}`;
    const deadLetterTopic = `test.records.dlq.${suffix}`;
    const groupId = `index-metrics-${suffix}`;
    const configEntries = [{ name: 'max.message.bytes', value: String(MAX_RECORD_EVENT_BYTES) }];
    await ensureTopics(kafka, [{ topic, numPartitions: 2, configEntries }, { topic: deadLetterTopic, numPartitions: 1, configEntries }]);
    const connection = await connectStore({ uri: 'mongodb://127.0.0.1:27017', dbName: `test_metrics_${suffix.slice(0, 8)}` });
    cleanups.push(async () => {
      await connection.db.dropDatabase();
      await connection.close();
    });
    const store = new RecordStore(connection.db, connection.capabilities);
    await store.ensureIndexes();

    const registry = createMetricsRegistry('index');
    const metrics = createIndexMetrics(registry);
    cleanups.push(registerConsumerLag(registry, { kafka, groupId, topics: [topic] }));
    const health = await startIndexHealth({ host: '127.0.0.1', port: 0, registry, db: connection.db, kafka });
    cleanups.push(() => health.close());
    const scrape = async () => (await fetch(`${health.url}/metrics`)).text();

    const publisher = await createRecordPublisher(kafka, { topic });
    cleanups.push(() => publisher.disconnect());
    const T0 = Date.parse('2026-11-01T10:00:00Z');
    await publisher.publish([userEvent('u1', T0, 'Ada'), userEvent('u2', T0, 'Bob'), issueEvent('i1', T0, 'Checkout fails', [], [])]);
    const raw = kafka.producer({ allowAutoTopicCreation: false });
    await raw.connect();
    cleanups.push(() => raw.disconnect());
    await raw.send({ topic, acks: -1, messages: [{ key: 'poison', value: 'not json at all' }] });

    expect(total(await scrape(), 'jira_sync_index_consumer_lag', { topic })).toBe(4);

    const stop = await startConsumer(kafka, {
      groupId,
      logger,
      metrics,
      records: { topic, deadLetterTopic, deps: { store, logger, content: { delete: async () => undefined } } },
    });
    cleanups.push(stop);
    await waitForConsumerCaughtUp(kafka, { groupId, topic, timeoutMs: 60_000 });

    const text = await scrape();
    expect(total(text, 'jira_sync_index_events_consumed_total', { topic })).toBe(4);
    expect(total(text, 'jira_sync_index_events_dead_lettered_total', { topic })).toBe(1);
    expect(total(text, 'jira_sync_index_write_duration_seconds_count', { outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(total(text, 'jira_sync_index_write_duration_seconds_count', { outcome: 'error' })).toBe(0);
    expect(total(text, 'jira_sync_index_consumer_lag', { topic })).toBe(0);
  });

  it('is ready when MongoDB and Kafka answer, and not ready, naming both, when they cannot be reached', async () => {
    const registry = createMetricsRegistry('index');
    const mongo = await new MongoClient('mongodb://127.0.0.1:27017').connect();
    cleanups.push(() => mongo.close());
    const healthy = await startIndexHealth({ host: '127.0.0.1', port: 0, registry, db: mongo.db('admin'), kafka });
    cleanups.push(() => healthy.close());
    const ready = await fetch(`${healthy.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { mongodb: 'ok', kafka: 'ok' } });

    const port = await closedPort();
    const unreachable = new MongoClient(`mongodb://127.0.0.1:${port}`, { serverSelectionTimeoutMS: 500 });
    cleanups.push(() => unreachable.close());
    const broken = await startIndexHealth({
      host: '127.0.0.1',
      port: 0,
      registry,
      db: unreachable.db('admin'),
      kafka: createKafka({ brokers: [`127.0.0.1:${port}`], clientId: 'index-metrics-test', logger }),
    });
    cleanups.push(() => broken.close());
    const response = await fetch(`${broken.url}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; checks: Record<string, string> };
    expect(body.status).toBe('not ready');
    expect(body.checks['mongodb']).not.toBe('ok');
    expect(body.checks['kafka']).not.toBe('ok');
  });
});
