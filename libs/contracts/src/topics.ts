/** Kafka topics the worker publishes to and the index app consumes; versioned so a schema break gets a new topic. */
export const TOPICS = {
  records: 'jira-sync.records.v1',
  /** Record events the index app could not apply, with the error, so the partition keeps flowing. */
  recordsDeadLetter: 'jira-sync.records.dlq.v1',
} as const;

export type TTopicName = (typeof TOPICS)[keyof typeof TOPICS];

/**
 * Largest record event (key + value) the records topic accepts: its max.message.bytes, which the publisher checks before
 * sending. Producers keep each record 1 MiB under both this and MongoDB's 16 MiB document limit (activities'
 * fit-record.ts), so an event that is published can also be stored.
 */
export const MAX_RECORD_EVENT_BYTES = 16 * 1024 * 1024;

export interface TTopicSpec {
  topic: string;
  numPartitions: number;
  configEntries?: Array<{ name: string; value: string }>;
}

/**
 * How each topic is provisioned. Records are keyed by tenant + connector + record, so six partitions let the
 * index app scale to six consumers while every record's events stay in order.
 */
export const TOPIC_SPECS: readonly TTopicSpec[] = [
  { topic: TOPICS.records, numPartitions: 6, configEntries: [{ name: 'max.message.bytes', value: String(MAX_RECORD_EVENT_BYTES) }] },
  { topic: TOPICS.recordsDeadLetter, numPartitions: 1, configEntries: [{ name: 'max.message.bytes', value: String(MAX_RECORD_EVENT_BYTES) }] },
];

/**
 * The specs under the names an app is configured with (KAFKA_RECORDS_TOPIC, KAFKA_RECORDS_DLQ_TOPIC), so a renamed
 * topic is provisioned with the same partitions and message limit instead of being auto-created with the broker's
 * defaults (one partition, a 1 MB message limit).
 */
export function topicSpecsFor(names: { records: string; recordsDeadLetter?: string }): TTopicSpec[] {
  const [records, deadLetter] = TOPIC_SPECS as [TTopicSpec, TTopicSpec];
  return [{ ...records, topic: names.records }, ...(names.recordsDeadLetter ? [{ ...deadLetter, topic: names.recordsDeadLetter }] : [])];
}
