import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { createActivities, createConnectorOpener, createHashingAttachmentSink, type TConnectorOpenerOptions, type THashingAttachmentSink } from '@jira-sync/activities';
import { MAX_RECORD_EVENT_BYTES, syncWorkflowId, type TConnectorConfigInput, type TConnectorCredentials, type TRecordEvent, type TSyncMode, type TSyncResult } from '@jira-sync/contracts';
import { createKafka, createRecordPublisher, ensureTopics, fetchTopicOffsets, runJsonConsumer, waitForConsumerCaughtUp, type JsonMessage } from '@jira-sync/events';
import { createLogger } from '@jira-sync/logging';
import { AttachmentContentStore, ConnectorRepository, CredentialSealer, RecordStore, StoredIdsReader, SyncStateRepository, connectStore, type ConnectorScope, type StoreConnection } from '@jira-sync/store';
import { createDataConverter, workflowBundlerOptions } from '@jira-sync/temporal';
import { syncConnectorWorkflow } from '@jira-sync/workflows';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { startConsumer } from './consumer.js';

const require = createRequire(import.meta.url);
const kafka = createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'full-sync-test' });
// Warnings and errors of the index app reach the test's stderr: a stuck consumer says why.
const logger = createLogger({ name: 'index-under-test', level: 'warn', destination: process.stderr });
let bundle: ReturnType<typeof bundleWorkflowCode> | undefined;

/** The real path of a sync, Temporal -> worker activities -> Kafka -> index app -> FerretDB, on names of its own. */
export interface SyncStack {
  db: StoreConnection['db'];
  store: RecordStore;
  connectors: ConnectorRepository;
  content: AttachmentContentStore;
  topic: string;
  /** A connector under a tenant id no other test uses (`<prefix>-<random>`), with sealed credentials. */
  addConnector(prefix: string, config: Omit<TConnectorConfigInput, 'tenantId' | 'connectorId'>, credentials: TConnectorCredentials): Promise<ConnectorScope>;
  /** Runs a sync (full unless `mode` says otherwise) of each connector at once through one worker; resolves once the index app stored every event. */
  sync(scopes: readonly ConnectorScope[], mode?: TSyncMode): Promise<TSyncResult[]>;
  /** The type of every record event the activities published, in both modes (a count of what a sync sent). */
  publishedTypes: string[];
  /** Every message of the record topic as Kafka holds it (key and parsed value); index mode only. */
  readTopic(timeoutMs?: number): Promise<JsonMessage[]>;
  /** Memory mode: every event the activities published, and the sink that hashed the attachment bytes. */
  published: TRecordEvent[];
  sink: THashingAttachmentSink;
  close(): Promise<void>;
}

export interface SyncStackOptions {
  /** OAuth endpoints the worker's connector opener uses (the simulator's auth host and gateway). */
  oauth?: TConnectorOpenerOptions['oauth'];
  /**
   * `index` (default): events go through Kafka to the index app into FerretDB. `memory`: the activities' events are
   * kept in memory and attachment bytes only hashed, for sites too big to push through FerretDB in a test's time.
   */
  records?: 'index' | 'memory';
}

/** Starts a store, a topic, the index consumer and a Temporal client; each `sync` call runs a fresh worker. */
export async function startSyncStack(options: SyncStackOptions = {}): Promise<SyncStack> {
  const cleanups: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    const suffix = randomUUID();
    const encryption = { currentKeyId: 'test', keys: new Map([['test', randomBytes(32)]]) };
    const connection = await connectStore({ uri: 'mongodb://127.0.0.1:27017', dbName: `test_full_${suffix.slice(0, 8)}` });
    cleanups.push(async () => {
      await connection.db.dropDatabase();
      await connection.close();
    });
    const store = new RecordStore(connection.db, connection.capabilities);
    await store.ensureIndexes();
    const connectors = new ConnectorRepository(connection.db, new CredentialSealer(encryption));
    await connectors.ensureIndexes();
    const content = new AttachmentContentStore(connection.db);

    const topic = `test.records.${suffix}`;
    const groupId = `full-sync-${suffix}`;
    const memory = options.records === 'memory';
    const published: TRecordEvent[] = [];
    const publishedTypes: string[] = [];
    const sink = createHashingAttachmentSink();
    let recordPublisher: { publish(events: ReadonlyArray<{ key: string; event: TRecordEvent }>): Promise<void> } = { publish: async (events) => void published.push(...events.map((entry) => entry.event)) };
    if (!memory) {
      const configEntries = [{ name: 'max.message.bytes', value: String(MAX_RECORD_EVENT_BYTES) }];
      await ensureTopics(kafka, [{ topic, numPartitions: 3, configEntries }, { topic: `${topic}.dlq`, numPartitions: 1, configEntries }]);
      // Small chunks: the consumer heartbeats between chunks, and FerretDB on a busy 2-core machine can take longer than
      // the 30 s session timeout for a chunk of 200 (even 20) events, so the group rebalanced before it ever committed.
      cleanups.push(await startConsumer(kafka, { groupId, logger, chunkSize: 5, records: { topic, deadLetterTopic: `${topic}.dlq`, deps: { store, logger, content } } }));
      const kafkaPublisher = await createRecordPublisher(kafka, { topic });
      cleanups.push(() => kafkaPublisher.disconnect());
      recordPublisher = kafkaPublisher;
    }
    {
      const inner = recordPublisher;
      recordPublisher = { publish: async (events) => (await inner.publish(events), void publishedTypes.push(...events.map((entry) => entry.event.type))) };
    }
    const clientConnection = await Connection.connect({ address: '127.0.0.1:7233' });
    cleanups.push(() => clientConnection.close());
    const client = new Client({ connection: clientConnection, dataConverter: createDataConverter(encryption) });
    bundle ??= bundleWorkflowCode({ workflowsPath: require.resolve('@jira-sync/workflows'), ...workflowBundlerOptions() });
    const activities = createActivities({
      recordPublisher,
      attachments: memory ? sink : content,
      openConnector: createConnectorOpener({ connectors, allowInsecureLoopback: true, ...(options.oauth ? { oauth: options.oauth } : {}) }),
      now: () => new Date(),
      syncState: new SyncStateRepository(connection.db),
      storedRecords: new StoredIdsReader(store),
    });

    return {
      db: connection.db,
      store,
      connectors,
      content,
      topic,
      published,
      publishedTypes,
      sink,
      close,
      async addConnector(prefix, config, credentials) {
        const scope = { tenantId: `${prefix}-${randomUUID().slice(0, 8)}`, connectorId: 'jira' };
        await connectors.create({ ...config, ...scope }, credentials);
        return scope;
      },
      async sync(scopes, mode = 'full') {
        const taskQueue = `test-full-sync-${randomUUID()}`;
        const workerConnection = await NativeConnection.connect({ address: '127.0.0.1:7233' });
        try {
          const worker = await Worker.create({ connection: workerConnection, taskQueue, workflowBundle: await bundle!, activities, dataConverter: createDataConverter(encryption) });
          const runs = scopes.map((scope) =>
            client.workflow.execute(syncConnectorWorkflow, {
              taskQueue,
              workflowId: `${syncWorkflowId(scope.tenantId, scope.connectorId)}:${randomUUID()}`,
              args: [{ ...scope, mode }],
            }),
          );
          const results = await worker.runUntil(Promise.all(runs));
          // A bound, not a speed claim: FerretDB on a busy machine may need minutes.
          if (!memory) await waitForConsumerCaughtUp(kafka, { groupId, topic, timeoutMs: 600_000 });
          return results;
        } finally {
          await workerConnection.close();
        }
      },
      readTopic: (timeoutMs = 60_000) => readWholeTopic(topic, timeoutMs),
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function readWholeTopic(topic: string, timeoutMs: number): Promise<JsonMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await fetchTopicOffsets(admin, topic).finally(() => admin.disconnect());
  const total = ends.reduce((sum, end) => sum + Number(BigInt(end.high) - BigInt(end.low)), 0);
  const messages: JsonMessage[] = [];
  const stop = await runJsonConsumer(kafka, { groupId: `read-${randomUUID()}`, topics: [topic], fromBeginning: true, handle: async (message) => void messages.push(message) });
  try {
    const deadline = Date.now() + timeoutMs;
    while (messages.length < total) {
      if (Date.now() > deadline) throw new Error(`read ${messages.length} of ${total} messages of ${topic} in ${timeoutMs} ms`);
      await sleep(200);
    }
  } finally {
    await stop();
  }
  return messages;
}
