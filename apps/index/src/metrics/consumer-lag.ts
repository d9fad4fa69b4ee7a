import { fetchTopicOffsets } from '@jira-sync/events';
import { Gauge, type Registry } from '@jira-sync/metrics';
import type { Kafka } from 'kafkajs';

export interface ConsumerLagOptions {
  kafka: Kafka;
  groupId: string;
  topics: readonly string[];
}

/**
 * `jira_sync_index_consumer_lag{topic,partition}`: how many messages each partition's end offset is ahead of the
 * group's committed offset, read from Kafka when Prometheus scrapes (so a stuck consumer shows a growing lag, which a
 * value updated only by the consumer itself never would). Returns the function that releases the admin client.
 */
export function registerConsumerLag(registry: Registry, options: ConsumerLagOptions): () => Promise<void> {
  const admin = options.kafka.admin();
  let connected: Promise<void> | undefined;
  new Gauge({
    name: 'jira_sync_index_consumer_lag',
    help: 'Messages between the end of each partition and the consumer group committed offset.',
    labelNames: ['topic', 'partition'],
    registers: [registry],
    async collect() {
      connected ??= admin.connect().catch((error: unknown) => {
        connected = undefined;
        throw error;
      });
      try {
        await connected;
        for (const topic of options.topics) {
          const [ends, [committed]] = await Promise.all([fetchTopicOffsets(admin, topic, { attempts: 3 }), admin.fetchOffsets({ groupId: options.groupId, topics: [topic] })]);
          const at = new Map((committed?.partitions ?? []).map((entry) => [entry.partition, BigInt(entry.offset)]));
          for (const end of ends) {
            const high = BigInt(end.high);
            const position = at.get(end.partition) ?? -1n;
            // -1: nothing committed yet, so everything from the low watermark on is still to consume.
            const lag = high - (position < 0n ? BigInt(end.low) : position);
            this.set({ topic, partition: String(end.partition) }, Number(lag > 0n ? lag : 0n));
          }
        }
      } catch {
        // Kafka unreachable: keep the last values; /readyz reports the broker.
      }
    },
  });
  return async () => {
    if (connected) await admin.disconnect();
  };
}
