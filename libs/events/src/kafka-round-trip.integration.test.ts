import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { runJsonConsumer, type JsonMessage } from './json-consumer.js';
import { createJsonProducer } from './json-producer.js';
import { createKafka } from './kafka-client.js';
import { ensureTopics } from './topics.js';

const kafka = createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'events-test' });
const stops: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const stop of stops) await stop();
});

describe('Kafka round trip on the real broker', () => {
  it('creates its topic, then delivers a produced JSON value to a consumer group with its key', async () => {
    const topic = `test.round-trip.${randomUUID()}`;
    expect(await ensureTopics(kafka, [{ topic, numPartitions: 2 }])).toEqual([topic]);
    expect(await ensureTopics(kafka, [{ topic, numPartitions: 2 }])).toEqual([]);

    const received = new Promise<JsonMessage>((resolve) => {
      void runJsonConsumer(kafka, { groupId: `g-${randomUUID()}`, topics: [topic], handle: async (m) => resolve(m) }).then((stop) =>
        stops.push(stop),
      );
    });
    const producer = await createJsonProducer(kafka);
    stops.push(() => producer.disconnect());
    const published = await producer.publish(topic, 'issue-10001', { summary: 'Main order flow broken', n: 1 });

    const message = await received;
    expect(message).toMatchObject({ topic, key: 'issue-10001', value: { summary: 'Main order flow broken', n: 1 } });
    expect(message.offset).toBe(published.offset);
    expect(message.partition).toBe(published.partition);
  });

  it('refuses to publish to a topic nobody created', async () => {
    const producer = await createJsonProducer(kafka);
    stops.push(() => producer.disconnect());
    await expect(producer.publish(`test.missing.${randomUUID()}`, 'k', {})).rejects.toThrow();
    // The client's own retries (8, backing off to 30 s each) run their course before the refusal: about 80 s.
  }, 180_000);
});
