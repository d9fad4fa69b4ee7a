/** Kafka topics the worker publishes to and the index app consumes; versioned so a schema break gets a new topic. */
export const TOPICS = {
  smoke: 'jira-sync.smoke.v1',
  records: 'jira-sync.records.v1',
} as const;

export type TTopicName = (typeof TOPICS)[keyof typeof TOPICS];
