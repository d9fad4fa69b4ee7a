import { Kafka, logLevel } from 'kafkajs';

export interface KafkaOptions {
  brokers: readonly string[];
  clientId: string;
}

/** A kafkajs client that logs warnings and errors only and retries broker connections a bounded number of times. */
export function createKafka(options: KafkaOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: logLevel.WARN,
    connectionTimeout: 5_000,
    retry: { initialRetryTime: 200, retries: 8 },
  });
}
