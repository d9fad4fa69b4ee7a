import { setTimeout as sleep } from 'node:timers/promises';
import kafkajs, { type Admin, type Kafka } from 'kafkajs';

// kafkajs is CommonJS and Node's ESM loader does not see these two as named exports.
const { ConfigResourceTypes, ConfigSource } = kafkajs;

export interface TopicSpec {
  topic: string;
  numPartitions: number;
  /** Topic-level settings such as `max.message.bytes`; applied on creation and reconciled on existing topics. */
  configEntries?: ReadonlyArray<{ name: string; value: string }>;
}

export interface EnsureTopicsResult {
  created: string[];
  /** Existing topics whose configuration differed from the spec and was changed. */
  reconfigured: string[];
}

/**
 * Creates missing topics (waiting for their leaders) and brings the config of existing ones in line with their
 * spec. Partition counts of existing topics are left alone: growing them would move keys to other partitions.
 */
export async function ensureTopics(kafka: Kafka, topics: readonly TopicSpec[]): Promise<string[]> {
  return (await reconcileTopics(kafka, topics)).created;
}

/** ensureTopics, also telling which existing topics had their configuration changed. */
export async function reconcileTopics(kafka: Kafka, topics: readonly TopicSpec[]): Promise<EnsureTopicsResult> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((spec) => !existing.has(spec.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        // kafkajs's own wait gives up on UNKNOWN_TOPIC_OR_PARTITION, which a busy KRaft broker answers for a topic
        // created a moment ago; waitForTopicLeaders polls through it.
        waitForLeaders: false,
        topics: missing.map((spec) => ({
          topic: spec.topic,
          numPartitions: spec.numPartitions,
          replicationFactor: -1,
          configEntries: [...(spec.configEntries ?? [])],
        })),
      });
      await waitForTopicLeaders(admin, missing.map((spec) => spec.topic));
    }
    const reconfigured: string[] = [];
    for (const spec of topics) {
      if (!existing.has(spec.topic) || !spec.configEntries?.length) continue;
      if (await alignTopicConfig(admin, spec.topic, spec.configEntries)) reconfigured.push(spec.topic);
    }
    return { created: missing.map((spec) => spec.topic), reconfigured };
  } finally {
    await admin.disconnect();
  }
}

/** Polls metadata until every partition of the topics has a leader; retriable metadata errors are polled through. */
async function waitForTopicLeaders(admin: Admin, topics: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { topics: described } = await admin.fetchTopicMetadata({ topics });
      const ready = described.length === topics.length && described.every((topic) => topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0));
      if (ready) return;
    } catch (error) {
      if ((error as { retriable?: unknown }).retriable !== true) throw error;
    }
    if (Date.now() >= deadline) throw new Error(`topics ${topics.join(', ')} have no leader for every partition after ${timeoutMs} ms; is the broker healthy?`);
    await sleep(100);
  }
}

async function alignTopicConfig(admin: Admin, topic: string, wanted: ReadonlyArray<{ name: string; value: string }>): Promise<boolean> {
  const described = await admin.describeConfigs({ includeSynonyms: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }] });
  const entries = described.resources[0]?.configEntries ?? [];
  const current = new Map(entries.map((entry) => [entry.configName, entry.configValue]));
  if (wanted.every((entry) => current.get(entry.name) === entry.value)) return false;
  // AlterConfigs replaces a topic's whole override set, so keep the overrides this spec does not mention.
  const merged = new Map(
    entries.filter((entry) => entry.configSource === ConfigSource.TOPIC_CONFIG && !entry.readOnly).map((entry) => [entry.configName, entry.configValue]),
  );
  for (const entry of wanted) merged.set(entry.name, entry.value);
  await admin.alterConfigs({
    validateOnly: false,
    resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configEntries: [...merged].map(([name, value]) => ({ name, value })) }],
  });
  return true;
}
