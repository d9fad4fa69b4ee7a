import { setTimeout as sleep } from 'node:timers/promises';
import type { Kafka } from 'kafkajs';
import { ConsumerLagTimeoutError } from './events-errors.js';
import { fetchTopicOffsets } from './topic-offsets.js';

export interface WaitForConsumerOptions {
  groupId: string;
  topic: string;
  timeoutMs: number;
  /** How often offsets are read again; 200 ms unless told. */
  pollMs?: number;
}

/** Resolves once the group's committed offset reached the topic's end offset on every partition; throws after timeoutMs. */
export async function waitForConsumerCaughtUp(kafka: Kafka, options: WaitForConsumerOptions): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + options.timeoutMs;
    for (;;) {
      let lag: Record<number, string>;
      try {
        lag = await readLag(admin, options.groupId, options.topic);
      } catch (error) {
        // A topic created a moment ago may not have its leaders in every broker's metadata yet: poll again.
        if ((error as { retriable?: unknown }).retriable !== true || Date.now() >= deadline) throw error;
        lag = { [-1]: 'unknown' };
      }
      if (Object.keys(lag).length === 0) return;
      if (Date.now() >= deadline) throw new ConsumerLagTimeoutError(options.groupId, options.topic, options.timeoutMs, lag);
      await sleep(options.pollMs ?? 200);
    }
  } finally {
    await admin.disconnect();
  }
}

/** Partitions whose committed offset is behind the end offset, with how far behind. */
async function readLag(admin: ReturnType<Kafka['admin']>, groupId: string, topic: string): Promise<Record<number, string>> {
  const ends = await fetchTopicOffsets(admin, topic);
  const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
  const committedByPartition = new Map((committed?.partitions ?? []).map((entry) => [entry.partition, BigInt(entry.offset)]));
  const lag: Record<number, string> = {};
  for (const end of ends) {
    const high = BigInt(end.high);
    const low = BigInt(end.low);
    // -1 means nothing committed yet; an empty partition (low == high) needs no commit to be caught up.
    const at = committedByPartition.get(end.partition) ?? -1n;
    const position = at < 0n ? low : at;
    if (position < high) lag[end.partition] = String(high - position);
  }
  return lag;
}
