import { randomUUID } from 'node:crypto';
import { MAX_RECORD_EVENT_BYTES, ZRecordEventSchema, type TRecordEvent } from '@jira-sync/contracts';
import kafkajs from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { ConsumerLagTimeoutError, InvalidRecordEventError, RecordEventTooLargeError } from './events-errors.js';
import { runJsonConsumer, type JsonMessage } from './json-consumer.js';
import { createKafka } from './kafka-client.js';
import { createRecordPublisher, type RecordPublisher } from './record-publisher.js';
import { userEvent } from './record-event.test-support.js';
import { fetchTopicOffsets } from './topic-offsets.js';
import { ensureTopics, reconcileTopics } from './topics.js';
import { waitForConsumerCaughtUp } from './wait-for-consumer.js';

const kafka = createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'events-records-test' });
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const maxBytes = { name: 'max.message.bytes', value: String(MAX_RECORD_EVENT_BYTES) };

async function freshTopic(numPartitions = 3): Promise<string> {
  const topic = `test.records.${randomUUID()}`;
  await ensureTopics(kafka, [{ topic, numPartitions, configEntries: [maxBytes] }]);
  return topic;
}

async function publisherFor(topic: string): Promise<RecordPublisher> {
  const publisher = await createRecordPublisher(kafka, { topic });
  cleanups.push(() => publisher.disconnect());
  return publisher;
}

async function endOffsetTotal(topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return (await fetchTopicOffsets(admin, topic)).reduce((sum, entry) => sum + Number(entry.high), 0);
  } finally {
    await admin.disconnect();
  }
}

async function topicConfig(topic: string, name: string): Promise<string | undefined> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const described = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: kafkajs.ConfigResourceTypes.TOPIC, name: topic, configNames: [name] }] });
    return described.resources[0]?.configEntries.find((entry) => entry.configName === name)?.configValue;
  } finally {
    await admin.disconnect();
  }
}

describe('ensureTopics with config entries on the real broker', () => {
  it('creates a topic with its config and changes an existing topic whose config differs, keeping other overrides', async () => {
    const topic = `test.config.${randomUUID()}`;
    await ensureTopics(kafka, [{ topic, numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: '2097152' }, { name: 'retention.ms', value: '3600000' }] }]);
    expect(await topicConfig(topic, 'max.message.bytes')).toBe('2097152');

    const result = await reconcileTopics(kafka, [{ topic, numPartitions: 1, configEntries: [maxBytes] }]);
    expect(result).toEqual({ created: [], reconfigured: [topic] });
    expect(await topicConfig(topic, 'max.message.bytes')).toBe(String(MAX_RECORD_EVENT_BYTES));
    expect(await topicConfig(topic, 'retention.ms')).toBe('3600000');

    expect(await reconcileTopics(kafka, [{ topic, numPartitions: 1, configEntries: [maxBytes] }])).toEqual({ created: [], reconfigured: [] });
  });
});

describe('the record publisher on the real broker', () => {
  it('delivers every event of a batch, gzip-compressed, and a consumer reads them back as valid record events', async () => {
    const topic = await freshTopic();
    const publisher = await publisherFor(topic);
    const events = Array.from({ length: 1200 }, (_, i) => userEvent(`acc-${i}`));
    await publisher.publish(events);
    expect(await endOffsetTotal(topic)).toBe(1200);

    const groupId = `g-${randomUUID()}`;
    const seen = new Set<string>();
    const stop = await runJsonConsumer(kafka, {
      groupId,
      topics: [topic],
      handle: async (message: JsonMessage) => {
        seen.add(ZRecordEventSchema.parse(message.value).subject);
      },
    });
    cleanups.push(stop);
    await waitForConsumerCaughtUp(kafka, { groupId, topic, timeoutMs: 60_000 });
    expect(seen.size).toBe(1200);
  });

  it('refuses a batch holding one invalid event, names the field, and sends nothing of it', async () => {
    const topic = await freshTopic();
    const publisher = await publisherFor(topic);
    const bad = userEvent('acc-bad');
    const broken = { ...bad, event: { ...bad.event, data: { ...bad.event.data, revision: 'yesterday' } } as TRecordEvent };
    const attempt = publisher.publish([userEvent('acc-1'), broken, userEvent('acc-2')]);
    await expect(attempt).rejects.toBeInstanceOf(InvalidRecordEventError);
    await expect(attempt).rejects.toMatchObject({ index: 1, field: 'data.revision', retryable: false });
    expect(await endOffsetTotal(topic)).toBe(0);
  });

  it('refuses an event over the size limit with a typed error naming the record and the limit instead of dropping it', async () => {
    const topic = await freshTopic();
    const publisher = await publisherFor(topic);
    const huge = userEvent('acc-huge', 'x'.repeat(MAX_RECORD_EVENT_BYTES));
    const attempt = publisher.publish([userEvent('acc-small'), huge]);
    await expect(attempt).rejects.toBeInstanceOf(RecordEventTooLargeError);
    await expect(attempt).rejects.toMatchObject({ index: 1, limit: MAX_RECORD_EVENT_BYTES, subject: 'acc-huge', retryable: false, context: { type: 'com.jira-sync.user.upserted.v1', key: 't1/c1/acc-huge' } });
    // The message names the record and the limit, so a sync's outcome can report it as it is.
    await expect(attempt).rejects.toThrow(
      new RegExp(`^record event #1 \\(com\\.jira-sync\\.user\\.upserted\\.v1, subject acc-huge, key t1/c1/acc-huge\\) is \\d{8} bytes serialised, over the ${MAX_RECORD_EVENT_BYTES}-byte limit`),
    );
    expect(await endOffsetTotal(topic)).toBe(0);
  });

  it('accepts an event of several MiB, far above the broker default, within the topic limit', async () => {
    const topic = await freshTopic(1);
    const publisher = await publisherFor(topic);
    await publisher.publish([userEvent('acc-big', 'y'.repeat(6 * 1024 * 1024)), userEvent('acc-next')]);
    expect(await endOffsetTotal(topic)).toBe(2);
  });
});

describe('waitForConsumerCaughtUp', () => {
  it('gives up after its timeout with the lag per partition when the group never consumed', async () => {
    const topic = await freshTopic(2);
    await (await publisherFor(topic)).publish([userEvent('acc-1')]);
    const attempt = waitForConsumerCaughtUp(kafka, { groupId: `idle-${randomUUID()}`, topic, timeoutMs: 500, pollMs: 100 });
    await expect(attempt).rejects.toBeInstanceOf(ConsumerLagTimeoutError);
  });

  it('resolves at once for a topic with no messages', async () => {
    const topic = await freshTopic(2);
    await expect(waitForConsumerCaughtUp(kafka, { groupId: `idle-${randomUUID()}`, topic, timeoutMs: 5_000 })).resolves.toBeUndefined();
  });
});
