import type { Consumer, Kafka } from 'kafkajs';

export interface JsonMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: unknown;
}

export interface JsonConsumerOptions {
  groupId: string;
  topics: readonly string[];
  fromBeginning?: boolean;
  /** Handles one message; a throw makes kafkajs retry it, so offsets advance only past handled messages. */
  handle: (message: JsonMessage) => Promise<void>;
  /** Called for a message whose value is not JSON: it is skipped, never retried forever. */
  onPoisonMessage?: (message: Omit<JsonMessage, 'value'> & { raw: string; error: Error }) => void;
}

/** Starts a consumer group member; the returned function stops it. */
export async function runJsonConsumer(kafka: Kafka, options: JsonConsumerOptions): Promise<() => Promise<void>> {
  const consumer: Consumer = kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
  await consumer.connect();
  await consumer.subscribe({ topics: [...options.topics], fromBeginning: options.fromBeginning ?? true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      const raw = message.value?.toString('utf8') ?? '';
      const base = { topic, partition, offset: message.offset, key: message.key?.toString('utf8') ?? null };
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch (error) {
        options.onPoisonMessage?.({ ...base, raw, error: error as Error });
        return;
      }
      await options.handle({ ...base, value });
    },
  });
  return () => consumer.disconnect();
}
