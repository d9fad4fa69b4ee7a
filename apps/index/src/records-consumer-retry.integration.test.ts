import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createKafka, createRecordPublisher, ensureTopics, waitForConsumerCaughtUp } from '@jira-sync/events';
import { createLogger } from '@jira-sync/logging';
import { connectStore, RecordStore } from '@jira-sync/store';
import { afterAll, describe, expect, it } from 'vitest';
import { startConsumer } from './consumer.js';
import type { RecordStorePort } from './record-store.port.js';
import { userEvent } from './record-events.test-support.js';

const kafka = createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'index-retry-test' });
const logger = createLogger({ name: 'test', destination: new Writable({ write: (_chunk, _e, done) => done() }) });
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('the index consumer when the store fails for a moment', () => {
  it('lets kafkajs redeliver the chunk and writes it once the store answers, skipping nothing', async () => {
    const suffix = randomUUID();
    const topic = `test.records.${suffix}`;
    await ensureTopics(kafka, [{ topic, numPartitions: 1 }, { topic: `${topic}.dlq`, numPartitions: 1 }]);
    const connection = await connectStore({ uri: 'mongodb://127.0.0.1:27017', dbName: `test_index_${suffix.slice(0, 8)}` });
    cleanups.push(async () => {
      await connection.db.dropDatabase();
      await connection.close();
    });
    const records = new RecordStore(connection.db, connection.capabilities);
    await records.ensureIndexes();
    let failures = 2;
    const flaky: RecordStorePort = {
      ...records,
      issues: records.issues,
      users: {
        upsertMany: async (rows) => {
          if (failures-- > 0) throw Object.assign(new Error('connection reset by the database'), { retryable: true });
          return records.users.upsertMany(rows as Parameters<typeof records.users.upsertMany>[0]);
        },
        deleteMany: (keys) => records.users.deleteMany(keys),
        find: (scope, filter) => records.users.find(scope, filter),
      },
    };
    const groupId = `index-retry-${suffix}`;
    cleanups.push(
      await startConsumer(kafka, { groupId, logger, records: { topic, deadLetterTopic: `${topic}.dlq`, deps: { store: flaky, logger, content: { delete: async () => true } } } }),
    );
    const publisher = await createRecordPublisher(kafka, { topic });
    cleanups.push(() => publisher.disconnect());
    await publisher.publish([userEvent('u1', 1_000, 'Ada'), userEvent('u2', 1_000, 'Bob')]);

    await waitForConsumerCaughtUp(kafka, { groupId, topic, timeoutMs: 60_000 });
    expect(failures).toBeLessThan(0);
    expect((await records.users.find({ tenantId: 't1', connectorId: 'c1' })).map((row) => row.externalId)).toEqual(['u1', 'u2']);
  });
});
