import { parseEnv, TOPICS } from '@jira-sync/contracts';
import { z } from 'zod';

const ZIndexEnvSchema = z.object({
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error']).default('info'),
  /** /metrics, /livez and /readyz (0 picks a free port). */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9465),
  KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:9092'),
  KAFKA_GROUP_ID: z.string().min(1).default('jira-sync-index'),
  /** The record events topic and its dead-letter topic (a benchmark or test run passes its own). */
  KAFKA_RECORDS_TOPIC: z.string().min(1).default(TOPICS.records),
  KAFKA_RECORDS_DLQ_TOPIC: z.string().min(1).default(TOPICS.recordsDeadLetter),
  MONGODB_URI: z.string().min(1).default('mongodb://127.0.0.1:27017'),
  MONGODB_DB: z.string().min(1).default('jira_sync'),
  /** Record events written per store round trip; offsets are committed after each chunk. */
  INDEX_CHUNK_SIZE: z.coerce.number().int().min(1).max(5_000).default(200),
  /**
   * Tombstones (deleted records) older than this are purged hourly. Keep it above the records topic's retention plus
   * the longest sync run, so no event that could carry an older version of a deleted record can still arrive.
   */
  INDEX_TOMBSTONE_RETENTION_HOURS: z.coerce.number().int().min(1).default(336),
});

export type TIndexEnv = z.infer<typeof ZIndexEnvSchema> & { kafkaBrokers: string[] };

/** Reads the index app's configuration once; defaults point at the local stack. */
export function loadIndexEnv(source: NodeJS.ProcessEnv = process.env): TIndexEnv {
  const env = parseEnv('index', ZIndexEnvSchema, source);
  return { ...env, kafkaBrokers: env.KAFKA_BROKERS.split(',').map((broker) => broker.trim()) };
}
