import { createActivities, createConnectorOpener } from '@jira-sync/activities';
import { topicSpecsFor } from '@jira-sync/contracts';
import { createKafka, createRecordPublisher, ensureTopics } from '@jira-sync/events';
import { createLogger } from '@jira-sync/logging';
import { createMetricsRegistry } from '@jira-sync/metrics';
import { AttachmentContentStore, ConnectorRepository, CredentialSealer, RecordStore, StoredIdsReader, SyncStateRepository, connectStore } from '@jira-sync/store';
import { createDataConverter } from '@jira-sync/temporal';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { loadWorkerEnv } from './env.js';
import { activityMetricsInterceptor } from './metrics/activity-metrics.interceptor.js';
import { observeJiraRequests } from './metrics/jira-request-metrics.js';
import { temporalSdkMetrics } from './metrics/temporal-sdk-metrics.js';
import { startWorkerHealth } from './metrics/worker-health.js';
import { createWorkerMetrics } from './metrics/worker-metrics.js';
import { defaultWorkflowBundlePath, workflowSource } from './workflow-bundle.js';

const env = loadWorkerEnv();
const logger = createLogger({ name: 'worker', level: env.LOG_LEVEL });
const sdkMetrics = temporalSdkMetrics(env.TEMPORAL_METRICS_ADDRESS);
// Route the SDK's own lines (and the replay-safe workflow logger's) through pino.
Runtime.install({
  logger: new DefaultLogger('INFO', (entry) => {
    const level = entry.level === 'WARN' ? 'warn' : entry.level === 'ERROR' ? 'error' : entry.level === 'INFO' ? 'info' : 'debug';
    logger[level]({ ...entry.meta, component: 'temporal' }, entry.message);
  }),
  telemetryOptions: sdkMetrics.telemetryOptions,
});
const registry = createMetricsRegistry('worker');
const metrics = createWorkerMetrics(registry);
const stopObservingJira = observeJiraRequests(metrics);
const store = await connectStore({ uri: env.MONGODB_URI.reveal(), dbName: env.MONGODB_DB, appName: 'jira-sync-worker' });
const connectors = new ConnectorRepository(store.db, new CredentialSealer({ currentKeyId: env.encryption.currentKeyId, keys: new Map(env.encryption.keys) }));
const kafka = createKafka({ brokers: env.kafkaBrokers, clientId: 'jira-sync-worker', logger });
await ensureTopics(kafka, topicSpecsFor({ records: env.KAFKA_RECORDS_TOPIC }));
const recordPublisher = await createRecordPublisher(kafka, { topic: env.KAFKA_RECORDS_TOPIC });
const connection = await NativeConnection.connect({ address: env.TEMPORAL_ADDRESS });
const worker = await Worker.create({
  connection,
  namespace: env.TEMPORAL_NAMESPACE,
  taskQueue: env.TEMPORAL_TASK_QUEUE,
  ...workflowSource(env.WORKFLOW_BUNDLE_PATH ?? defaultWorkflowBundlePath(), logger),
  activities: createActivities({
    recordPublisher,
    attachments: new AttachmentContentStore(store.db),
    openConnector: createConnectorOpener({
      connectors,
      allowInsecureLoopback: env.JIRA_ALLOW_INSECURE_LOOPBACK,
      oauth: { ...(env.JIRA_OAUTH_AUTH_URL ? { authBaseUrl: env.JIRA_OAUTH_AUTH_URL } : {}), ...(env.JIRA_OAUTH_GATEWAY_URL ? { apiGatewayUrl: env.JIRA_OAUTH_GATEWAY_URL } : {}) },
    }),
    now: () => new Date(),
    syncState: new SyncStateRepository(store.db),
    storedRecords: new StoredIdsReader(new RecordStore(store.db, store.capabilities)),
  }),
  dataConverter: createDataConverter(env.encryption),
  interceptors: { activity: [activityMetricsInterceptor(metrics)] },
});
const health = await startWorkerHealth({ host: env.METRICS_HOST, port: env.METRICS_PORT, registry, sdkMetrics: sdkMetrics.scrape, db: store.db, kafka, connection, worker });
logger.info({ url: health.url }, 'worker metrics and health listening');
logger.info({ taskQueue: env.TEMPORAL_TASK_QUEUE, temporal: env.TEMPORAL_ADDRESS }, 'worker polling');
await worker.run();
stopObservingJira();
await health.close();
await recordPublisher.disconnect();
await store.close();
await connection.close();
logger.info('worker stopped');
