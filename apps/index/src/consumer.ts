import { TOPIC_SPECS } from '@jira-sync/contracts';
import { ensureTopics, runJsonConsumer, type JsonMessage } from '@jira-sync/events';
import type { Logger } from '@jira-sync/logging';
import type { Kafka } from 'kafkajs';

export type MessageHandler = (message: JsonMessage) => Promise<void>;

/** Subscribes the index app's consumer group to every topic it has a handler for. */
export async function startConsumer(kafka: Kafka, options: { groupId: string; logger: Logger; handlers: Record<string, MessageHandler> }) {
  const topics = Object.keys(options.handlers);
  await ensureTopics(kafka, TOPIC_SPECS);
  return runJsonConsumer(kafka, {
    groupId: options.groupId,
    topics,
    handle: async (message) => {
      const handler = options.handlers[message.topic];
      if (handler) await handler(message);
    },
    onPoisonMessage: ({ topic, offset, error }) => options.logger.error({ topic, offset, err: error }, 'skipping a message that is not JSON'),
  });
}
