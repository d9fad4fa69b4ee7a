import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { MAX_RECORD_EVENT_BYTES } from '@jira-sync/contracts';
import { createKafka, createRecordPublisher, ensureTopics, waitForConsumerCaughtUp } from '@jira-sync/events';
import { createLogger } from '@jira-sync/logging';
import { connectStore, RecordStore, type StoreConnection } from '@jira-sync/store';
import type { IHeaders } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { startConsumer } from './consumer.js';
import { DEAD_LETTER_HEADERS } from './dead-letter.js';
import {
  attachmentEvent, commentEvent, deletedEvent, groupEvent, issueEvent, projectEvent, roleEvent, userEvent, type KeyedEvent,
} from './record-events.test-support.js';

const kafka = createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'index-records-test' });
const logger = createLogger({ name: 'test', destination: new Writable({ write: (_chunk, _e, done) => done() }) });
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const T0 = Date.parse('2026-11-01T10:00:00Z');
const at = (minutes: number) => T0 + minutes * 60_000;

/** One clean delivery: every type, an issue that drops a comment and an attachment, an issue and a user deleted. */
const clean: KeyedEvent[] = [
  userEvent('u1', at(0), 'Ada'),
  userEvent('u2', at(0), 'Bob'),
  groupEvent('g1', at(0), ['u1', 'u2']),
  roleEvent('p1', '10002', at(0), ['u1']),
  projectEvent('p1', at(0)),
  issueEvent('i1', at(1), 'Checkout fails', ['c1', 'c2'], ['a1']),
  commentEvent('c1', 'i1', at(1), 'first'),
  commentEvent('c2', 'i1', at(1), 'second'),
  attachmentEvent('a1', 'i1', at(1), 'grid-a1'),
  issueEvent('i1', at(5), 'Checkout fails on Safari', ['c1'], []),
  commentEvent('c1', 'i1', at(5), 'first, edited'),
  issueEvent('i2', at(2), 'Search is slow', ['c3'], ['a3']),
  commentEvent('c3', 'i2', at(2), 'on i2'),
  attachmentEvent('a3', 'i2', at(2), 'grid-a3'),
  deletedEvent('issue', 'i2', 'i2', at(6)),
  deletedEvent('user', 'u2', 'u2', at(6)),
  userEvent('u1', at(7), 'Ada Lovelace'),
];
/**
 * Older versions arriving after newer ones: of live records, of a comment its issue dropped, and of records already
 * deleted (their tombstones keep them out).
 */
const older: KeyedEvent[] = [
  userEvent('u1', at(3), 'Ada (old)'),
  issueEvent('i1', at(1), 'Checkout fails', ['c1', 'c2'], ['a1']),
  commentEvent('c1', 'i1', at(1), 'first'),
  commentEvent('c2', 'i1', at(1), 'second'),
  groupEvent('g1', at(-5), ['u1']),
  issueEvent('i2', at(2), 'Search is slow', ['c3'], ['a3']),
  commentEvent('c3', 'i2', at(2), 'on i2'),
  userEvent('u2', at(0), 'Bob'),
];

interface Pipeline {
  records: string;
  deadLetter: string;
  groupId: string;
  store: RecordStore;
  deletedContent: Set<string>;
}

async function startPipeline(): Promise<Pipeline> {
  const suffix = randomUUID();
  const records = `test.records.${suffix}`;
  const deadLetter = `test.records.dlq.${suffix}`;
  const configEntries = [{ name: 'max.message.bytes', value: String(MAX_RECORD_EVENT_BYTES) }];
  await ensureTopics(kafka, [{ topic: records, numPartitions: 3, configEntries }, { topic: deadLetter, numPartitions: 1, configEntries }]);
  const connection: StoreConnection = await connectStore({ uri: 'mongodb://127.0.0.1:27017', dbName: `test_index_${suffix.slice(0, 8)}` });
  cleanups.push(async () => {
    await connection.db.dropDatabase();
    await connection.close();
  });
  const store = new RecordStore(connection.db, connection.capabilities);
  await store.ensureIndexes();
  const deletedContent = new Set<string>();
  const groupId = `index-test-${suffix}`;
  const stop = await startConsumer(kafka, {
    groupId,
    logger,
    chunkSize: 5,
    records: { topic: records, deadLetterTopic: deadLetter, deps: { store, logger, content: { delete: async (id) => void deletedContent.add(id) } } },
  });
  cleanups.push(stop);
  return { records, deadLetter, groupId, store, deletedContent };
}

/** Every stored record per kind, without the write time (which differs between two stores). */
async function snapshot(store: RecordStore): Promise<Record<string, unknown[]>> {
  const scope = { tenantId: 't1', connectorId: 'c1' };
  const result: Record<string, unknown[]> = {};
  for (const kind of ['users', 'groups', 'roles', 'projects', 'issues', 'comments', 'attachments'] as const) {
    const rows: object[] = await store[kind].find(scope);
    result[kind] = rows.map((row) => ({ ...row, storedAt: undefined }));
  }
  return result;
}

async function readAll(topic: string, count: number): Promise<Array<{ value: string; headers: IHeaders }>> {
  const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const seen: Array<{ value: string; headers: IHeaders }> = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`read ${seen.length} of ${count} messages from ${topic}`)), 30_000);
    void consumer.run({
      eachMessage: async ({ message }) => {
        seen.push({ value: message.value?.toString('utf8') ?? '', headers: message.headers ?? {} });
        if (seen.length >= count) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return seen;
}

describe('the index consumer on the real broker and database', () => {
  it('ends with the same store after redeliveries, older revisions and a poison message as after one clean delivery', async () => {
    const [once, dirty] = await Promise.all([startPipeline(), startPipeline()]);
    const publishOnce = await createRecordPublisher(kafka, { topic: once.records });
    const publishDirty = await createRecordPublisher(kafka, { topic: dirty.records });
    cleanups.push(() => publishOnce.disconnect(), () => publishDirty.disconnect());

    await publishOnce.publish(clean);
    await publishDirty.publish(clean);
    const raw = kafka.producer({ allowAutoTopicCreation: false });
    await raw.connect();
    cleanups.push(() => raw.disconnect());
    await raw.send({ topic: dirty.records, acks: -1, messages: [{ key: 'poison', value: '{"specversion": "1.0", truncated' }] });
    await publishDirty.publish([...clean, ...older]);
    await publishDirty.publish([...older].reverse());
    await raw.send({ topic: dirty.records, acks: -1, messages: [{ key: 'bad', value: JSON.stringify({ ...clean[0]?.event, subject: '' }) }] });
    await publishDirty.publish(clean);

    await waitForConsumerCaughtUp(kafka, { groupId: once.groupId, topic: once.records, timeoutMs: 60_000 });
    await waitForConsumerCaughtUp(kafka, { groupId: dirty.groupId, topic: dirty.records, timeoutMs: 60_000 });

    const expected = await snapshot(once.store);
    expect(await snapshot(dirty.store)).toEqual(expected);
    expect(expected['users']).toMatchObject([{ externalId: 'u1', displayName: 'Ada Lovelace' }]);
    expect(expected['issues']).toMatchObject([{ externalId: 'i1', summary: 'Checkout fails on Safari', revision: expect.stringMatching(/\./) }]);
    expect(expected['comments']).toMatchObject([{ externalId: 'c1', markdown: 'first, edited' }]);
    expect(expected['groups']).toMatchObject([{ externalId: 'g1', memberAccountIds: ['u1', 'u2'] }]);
    expect(expected['attachments']).toEqual([]);
    expect(expected['roles']).toHaveLength(1);
    expect(expected['projects']).toHaveLength(1);
    expect([...once.deletedContent].sort()).toEqual(['grid-a1', 'grid-a3']);
    expect([...dirty.deletedContent].sort()).toEqual(['grid-a1', 'grid-a3']);

    const dead = await readAll(dirty.deadLetter, 2);
    const poison = dead.find((entry) => entry.value === '{"specversion": "1.0", truncated');
    const invalid = dead.find((entry) => entry.value === JSON.stringify({ ...clean[0]?.event, subject: '' }));
    expect(String(poison?.headers[DEAD_LETTER_HEADERS.error])).toContain('not JSON');
    expect(String(poison?.headers[DEAD_LETTER_HEADERS.topic])).toBe(dirty.records);
    expect(String(invalid?.headers[DEAD_LETTER_HEADERS.error])).toContain('subject');
    expect(once.deadLetter).not.toBe(dirty.deadLetter);
  });
});
