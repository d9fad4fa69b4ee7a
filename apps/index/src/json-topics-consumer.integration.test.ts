import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { createJsonProducer, createKafka, ensureTopics, waitForConsumerCaughtUp, type JsonMessage } from '@jira-sync/events';
import { createLogger } from '@jira-sync/logging';
import { afterAll, describe, expect, it } from 'vitest';
import { startConsumer } from './consumer.js';

const kafka = createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'index-json-test' });
const logged: string[] = [];
const logger = createLogger({ name: 'test', destination: new Writable({ write: (chunk: Buffer, _e, done) => (logged.push(chunk.toString()), done()) }) });
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('the index consumer on a JSON topic (the smoke path)', () => {
  it('hands each JSON message to its handler, skips one that is not JSON, and commits past both', async () => {
    const topic = `test.smoke.${randomUUID()}`;
    await ensureTopics(kafka, [{ topic, numPartitions: 1 }]);
    const handled: JsonMessage[] = [];
    const groupId = `index-json-${randomUUID()}`;
    cleanups.push(await startConsumer(kafka, { groupId, logger, jsonHandlers: { [topic]: async (message) => void handled.push(message) } }));

    const producer = await createJsonProducer(kafka);
    cleanups.push(() => producer.disconnect());
    const raw = kafka.producer({ allowAutoTopicCreation: false });
    await raw.connect();
    cleanups.push(() => raw.disconnect());
    await raw.send({ topic, acks: -1, messages: [{ key: 'k', value: 'not json' }] });
    await producer.publish(topic, 'run-1', { runId: 'run-1', message: 'hi' });

    await waitForConsumerCaughtUp(kafka, { groupId, topic, timeoutMs: 60_000 });
    expect(handled).toMatchObject([{ topic, key: 'run-1', offset: '1', value: { runId: 'run-1', message: 'hi' } }]);
    expect(logged.join('')).toContain('skipping a message that is not JSON');
  });
});
