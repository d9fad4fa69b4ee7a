import { randomUUID } from 'node:crypto';
import { MAX_RECORD_EVENT_BYTES, ZRecordEventSchema, recordEventKey, revisionOf, type TRecordEvent } from '@jira-sync/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidRecordEventError } from './events-errors.js';
import { runJsonConsumer } from './json-consumer.js';
import { createKafka } from './kafka-client.js';
import { createRecordPublisher, type RecordPublisher } from './record-publisher.js';
import { userEvent } from './record-event.test-support.js';
import { fetchTopicOffsets } from './topic-offsets.js';
import { ensureTopics } from './topics.js';
import { waitForConsumerCaughtUp } from './wait-for-consumer.js';

const kafka = createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'events-ordering-test' });
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function freshTopic(numPartitions: number): Promise<string> {
  const topic = `test.records.${randomUUID()}`;
  await ensureTopics(kafka, [{ topic, numPartitions, configEntries: [{ name: 'max.message.bytes', value: String(MAX_RECORD_EVENT_BYTES) }] }]);
  return topic;
}

async function publisherFor(topic: string): Promise<RecordPublisher> {
  const publisher = await createRecordPublisher(kafka, { topic });
  cleanups.push(() => publisher.disconnect());
  return publisher;
}

/** Version `version` of a user record: a newer revision and a new display name. */
function userVersion(accountId: string, version: number): { key: string; event: TRecordEvent } {
  const { key, event } = userEvent(accountId, `v${version}`);
  if (event.type !== 'com.jira-sync.user.upserted.v1') throw new Error('userEvent builds user events');
  return { key, event: { ...event, id: `${event.id}-${version}`, data: { ...event.data, revision: revisionOf(1_764_000_000_000 + version, 1) } } };
}

describe('record event keys on the real broker', () => {
  it('keys each event by tenant + connector + record, and keeps every event of a record on one partition, in order', async () => {
    const topic = await freshTopic(6);
    const publisher = await publisherFor(topic);
    const accounts = Array.from({ length: 24 }, (_, i) => `acc-${i}`);
    for (const version of [1, 2, 3]) await publisher.publish(accounts.map((accountId) => userVersion(accountId, version)));

    const received: Array<{ key: string | null; partition: number; offset: bigint; event: TRecordEvent }> = [];
    const groupId = `g-${randomUUID()}`;
    cleanups.push(
      await runJsonConsumer(kafka, {
        groupId,
        topics: [topic],
        handle: async (message) => void received.push({ key: message.key, partition: message.partition, offset: BigInt(message.offset), event: ZRecordEventSchema.parse(message.value) }),
      }),
    );
    await waitForConsumerCaughtUp(kafka, { groupId, topic, timeoutMs: 60_000 });

    expect(received).toHaveLength(accounts.length * 3);
    for (const { key, event } of received) expect(key).toBe(recordEventKey(event.data.tenantId, event.data.connectorId, event.subject));
    const byKey = new Map<string, typeof received>();
    for (const entry of received) byKey.set(entry.key!, [...(byKey.get(entry.key!) ?? []), entry]);
    expect(byKey.size).toBe(accounts.length);
    for (const entries of byKey.values()) {
      expect(new Set(entries.map((entry) => entry.partition)).size).toBe(1);
      const inOffsetOrder = [...entries].sort((a, b) => (a.offset < b.offset ? -1 : 1));
      expect(inOffsetOrder.map((entry) => entry.event.data.revision)).toEqual([1, 2, 3].map((version) => revisionOf(1_764_000_000_000 + version, 1)));
    }
    // The keys spread over the partitions: one partition for everything would pass the checks above trivially.
    expect(new Set(received.map((entry) => entry.partition)).size).toBeGreaterThan(1);
  });

  it("refuses an event whose key is not its own tenant + connector + a record, and sends nothing of the batch", async () => {
    const topic = await freshTopic(1);
    const publisher = await publisherFor(topic);
    const good = userEvent('acc-1');
    for (const key of ['other-tenant/c1/acc-1', 't1/other-connector/acc-1', recordEventKey('t1', 'c1', ''), 'acc-1']) {
      const attempt = publisher.publish([good, { ...userEvent('acc-2'), key }]);
      await expect(attempt).rejects.toBeInstanceOf(InvalidRecordEventError);
      await expect(attempt).rejects.toMatchObject({ index: 1, field: 'key' });
    }
    const admin = kafka.admin();
    await admin.connect();
    try {
      expect((await fetchTopicOffsets(admin, topic)).map((entry) => entry.high)).toEqual(['0']);
    } finally {
      await admin.disconnect();
    }
  });
});
