import { topicSpecsFor } from '@jira-sync/contracts';
import { createKafka, ensureTopics } from '@jira-sync/events';
import { createLogger } from '@jira-sync/logging';
import { createMetricsRegistry } from '@jira-sync/metrics';
import { AttachmentContentStore, connectStore, RecordStore } from '@jira-sync/store';
import { startConsumer } from './consumer.js';
import { loadIndexEnv } from './env.js';
import { registerConsumerLag } from './metrics/consumer-lag.js';
import { startIndexHealth } from './metrics/index-health.js';
import { createIndexMetrics } from './metrics/index-metrics.js';
import { startTombstonePurge } from './tombstone-purge.js';

const env = loadIndexEnv();
const logger = createLogger({ name: 'index', level: env.LOG_LEVEL });
const store = await connectStore({ uri: env.MONGODB_URI, dbName: env.MONGODB_DB, appName: 'jira-sync-index' });
const records = new RecordStore(store.db, store.capabilities);
await records.ensureIndexes();
const content = new AttachmentContentStore(store.db);
const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: 'jira-sync-index', logger });
await ensureTopics(kafka, topicSpecsFor({ records: env.KAFKA_RECORDS_TOPIC, recordsDeadLetter: env.KAFKA_RECORDS_DLQ_TOPIC }));
const registry = createMetricsRegistry('index');
const metrics = createIndexMetrics(registry);
registerConsumerLag(registry, { kafka, groupId: env.KAFKA_GROUP_ID, topics: [env.KAFKA_RECORDS_TOPIC] });
const health = await startIndexHealth({ host: env.METRICS_HOST, port: env.METRICS_PORT, registry, db: store.db, kafka });
logger.info({ url: health.url }, 'index metrics and health listening');
const stop = await startConsumer(kafka, {
  groupId: env.KAFKA_GROUP_ID,
  logger,
  chunkSize: env.INDEX_CHUNK_SIZE,
  metrics,
  records: { topic: env.KAFKA_RECORDS_TOPIC, deadLetterTopic: env.KAFKA_RECORDS_DLQ_TOPIC, deps: { store: records, content, logger } },
});
logger.info({ flavour: store.capabilities.flavour, db: env.MONGODB_DB }, 'index consuming');

const stopPurge = startTombstonePurge(records, logger, env.INDEX_TOMBSTONE_RETENTION_HOURS);

async function shutdown(signal: string): Promise<void> {
  logger.info({ signal }, 'index stopping');
  stopPurge();
  await stop();
  await store.close();
  process.exit(0);
}
process.once('SIGTERM', () => void shutdown('SIGTERM'));
process.once('SIGINT', () => void shutdown('SIGINT'));
