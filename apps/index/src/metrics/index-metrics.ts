import { Counter, Histogram, type Registry } from '@jira-sync/metrics';

/** What the consumer reports as it goes; every member optional to call sites through `IndexConsumerOptions.metrics`. */
export interface IndexMetrics {
  /** Messages taken off a topic (applied, skipped or dead-lettered), by topic. */
  eventsConsumed: Counter<'topic'>;
  /** Record events copied to the dead-letter topic, by the topic they came from. */
  deadLettered: Counter<'topic'>;
  /** One store round trip per chunk of record events, by outcome (ok, error). */
  writeSeconds: Histogram<'outcome'>;
}

/** Registers the index app's series on `registry` (consumer lag is its own gauge, read from Kafka on scrape). */
export function createIndexMetrics(registry: Registry): IndexMetrics {
  const registers = [registry];
  return {
    eventsConsumed: new Counter({ name: 'jira_sync_index_events_consumed_total', help: 'Messages consumed, by topic.', labelNames: ['topic'], registers }),
    deadLettered: new Counter({
      name: 'jira_sync_index_events_dead_lettered_total',
      help: 'Record events copied to the dead-letter topic, by source topic.',
      labelNames: ['topic'],
      registers,
    }),
    writeSeconds: new Histogram({
      name: 'jira_sync_index_write_duration_seconds',
      help: 'Store round trip per chunk of record events, by outcome.',
      labelNames: ['outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
  };
}
