import { describe, expect, it } from 'vitest';
import { MAX_RECORD_EVENT_BYTES, TOPIC_SPECS, TOPICS, topicSpecsFor } from './topics.js';

describe('topic specs under configured names', () => {
  it('keeps the partitions and message limit of the default topics', () => {
    const specs = topicSpecsFor({ records: 'tenant-a.records', recordsDeadLetter: 'tenant-a.records.dlq' });
    expect(specs.map((spec) => spec.topic)).toEqual(['tenant-a.records', 'tenant-a.records.dlq']);
    expect(specs.map((spec) => spec.numPartitions)).toEqual(TOPIC_SPECS.map((spec) => spec.numPartitions));
    for (const spec of specs) expect(spec.configEntries).toContainEqual({ name: 'max.message.bytes', value: String(MAX_RECORD_EVENT_BYTES) });
  });

  it('provisions only the records topic when no dead-letter name is given', () => {
    expect(topicSpecsFor({ records: TOPICS.records })).toEqual([TOPIC_SPECS[0]]);
  });
});
