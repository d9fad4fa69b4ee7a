import { setTimeout as sleep } from 'node:timers/promises';
import type { Admin } from 'kafkajs';

export interface TopicOffsetsOptions {
  /** Attempts before the last retriable error is thrown; 10 unless told. */
  attempts?: number;
  /** Wait between attempts, doubled each time from this; 100 ms unless told. */
  initialDelayMs?: number;
}

/**
 * `admin.fetchTopicOffsets`, retried while the broker answers with a retriable error. kafkajs retries only an unknown
 * topic there and bails on the rest, so a topic created a moment ago fails with "not the leader for that
 * topic-partition" until its leader reaches the admin client's metadata; reading the topic's metadata again refreshes it.
 */
export async function fetchTopicOffsets(admin: Admin, topic: string, options: TopicOffsetsOptions = {}): Promise<Awaited<ReturnType<Admin['fetchTopicOffsets']>>> {
  const attempts = options.attempts ?? 10;
  let delayMs = options.initialDelayMs ?? 100;
  for (let attempt = 1; ; attempt++) {
    try {
      return await admin.fetchTopicOffsets(topic);
    } catch (error) {
      if ((error as { retriable?: unknown }).retriable !== true || attempt >= attempts) throw error;
      await sleep(delayMs);
      delayMs = Math.min(delayMs * 2, 2_000);
      await admin.fetchTopicMetadata({ topics: [topic] }).catch(() => undefined);
    }
  }
}
