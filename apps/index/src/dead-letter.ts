import { CompressionTypes, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';

/** Headers a dead-lettered message carries besides its original key, value and headers. */
export const DEAD_LETTER_HEADERS = {
  error: 'jira-sync-dlq-error',
  topic: 'jira-sync-dlq-topic',
  partition: 'jira-sync-dlq-partition',
  offset: 'jira-sync-dlq-offset',
} as const;

export interface DeadLetterSink {
  /** Resolves once the dead-letter topic acknowledged every message. */
  send(origin: { topic: string; partition: number }, entries: ReadonlyArray<{ message: KafkaMessage; error: string }>): Promise<void>;
  disconnect(): Promise<void>;
}

/** Copies messages the index app cannot apply to the dead-letter topic unchanged, with where they came from and why. */
export async function createDeadLetterSink(kafka: Kafka, topic: string): Promise<DeadLetterSink> {
  const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  return {
    async send(origin, entries) {
      if (entries.length === 0) return;
      await producer.send({
        topic,
        acks: -1,
        compression: CompressionTypes.GZIP,
        messages: entries.map(({ message, error }) => ({
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            [DEAD_LETTER_HEADERS.error]: error,
            [DEAD_LETTER_HEADERS.topic]: origin.topic,
            [DEAD_LETTER_HEADERS.partition]: String(origin.partition),
            [DEAD_LETTER_HEADERS.offset]: message.offset,
          },
        })),
      });
    },
    disconnect: () => producer.disconnect(),
  };
}
