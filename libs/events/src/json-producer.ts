import type { Kafka, Producer } from 'kafkajs';

export interface PublishedRecord {
  topic: string;
  partition: number;
  offset: string;
}

export interface JsonProducer {
  /** Publishes one JSON value under a key (events of one key stay in order on one partition). */
  publish(topic: string, key: string, value: unknown): Promise<PublishedRecord>;
  disconnect(): Promise<void>;
}

/** An idempotent producer that writes JSON values and waits for the in-sync replicas to acknowledge. */
export async function createJsonProducer(kafka: Kafka): Promise<JsonProducer> {
  const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  return {
    async publish(topic, key, value) {
      const [metadata] = await producer.send({
        topic,
        acks: -1,
        messages: [{ key, value: JSON.stringify(value) }],
      });
      if (!metadata) throw new Error(`Kafka returned no metadata for a send to ${topic}`);
      return { topic, partition: metadata.partition, offset: metadata.baseOffset ?? metadata.offset ?? '-1' };
    },
    disconnect: () => producer.disconnect(),
  };
}
