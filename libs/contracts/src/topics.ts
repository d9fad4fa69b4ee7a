/** Kafka topics the worker publishes to and the index app consumes; versioned so a schema break gets a new topic. */
export const TOPICS = {
  smoke: 'jira-sync.smoke.v1',
  records: 'jira-sync.records.v1',
} as const;

export type TTopicName = (typeof TOPICS)[keyof typeof TOPICS];

/**
 * How each topic is provisioned. Records are keyed by connector + record id, so six partitions let the
 * index app scale to six consumers while every record's events stay in order.
 */
export const TOPIC_SPECS: ReadonlyArray<{ topic: TTopicName; numPartitions: number }> = [
  { topic: TOPICS.smoke, numPartitions: 1 },
  { topic: TOPICS.records, numPartitions: 6 },
];
