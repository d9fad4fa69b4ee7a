import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { createActivities, createConnectorOpener } from '@jira-sync/activities';
import { MAX_RECORD_EVENT_BYTES, syncWorkflowId, type TSyncResult } from '@jira-sync/contracts';
import { createKafka, createRecordPublisher, ensureTopics, waitForConsumerCaughtUp } from '@jira-sync/events';
import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import { createLogger } from '@jira-sync/logging';
import { AttachmentContentStore, ConnectorRepository, CredentialSealer, RecordStore, connectStore, type StoreConnection } from '@jira-sync/store';
import { createDataConverter, workflowBundlerOptions } from '@jira-sync/temporal';
import { syncConnectorWorkflow } from '@jira-sync/workflows';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsumer } from './consumer.js';

const require = createRequire(import.meta.url);
const encryption = { currentKeyId: 'test', keys: new Map([['test', randomBytes(32)]]) };
const kafka = createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'full-sync-test' });
const logger = createLogger({ name: 'test', destination: new Writable({ write: (_chunk, _e, done) => done() }) });
const scope = { tenantId: 'acme', connectorId: 'jira' };

describe('a full sync of the demo preset through Temporal, Kafka, the index app and the store', () => {
  const cleanups: Array<() => Promise<void>> = [];
  let sim: JiraSimulator;
  let store: RecordStore;
  let result: TSyncResult;

  beforeAll(async () => {
    sim = await startSimulator({ preset: 'demo', seed: 1, searchLagMs: 0 });
    cleanups.push(() => sim.stop());
    const suffix = randomUUID();
    const connection: StoreConnection = await connectStore({ uri: 'mongodb://127.0.0.1:27017', dbName: `test_full_${suffix.slice(0, 8)}` });
    cleanups.push(async () => {
      await connection.db.dropDatabase();
      await connection.close();
    });
    store = new RecordStore(connection.db, connection.capabilities);
    await store.ensureIndexes();
    const connectors = new ConnectorRepository(connection.db, new CredentialSealer(encryption));
    await connectors.ensureIndexes();
    const admin = sim.credentials.admin;
    await connectors.create({ ...scope, siteUrl: sim.sites[0]!.siteUrl, authMethod: 'api_token' }, { method: 'api_token', email: admin.email, apiToken: admin.apiToken });

    const topic = `test.records.${suffix}`;
    const configEntries = [{ name: 'max.message.bytes', value: String(MAX_RECORD_EVENT_BYTES) }];
    await ensureTopics(kafka, [{ topic, numPartitions: 3, configEntries }, { topic: `${topic}.dlq`, numPartitions: 1, configEntries }]);
    const content = new AttachmentContentStore(connection.db);
    const groupId = `full-sync-${suffix}`;
    const stop = await startConsumer(kafka, { groupId, logger, records: { topic, deadLetterTopic: `${topic}.dlq`, deps: { store, logger, content } } });
    cleanups.push(stop);
    const recordPublisher = await createRecordPublisher(kafka, { topic });
    cleanups.push(() => recordPublisher.disconnect());

    const taskQueue = `test-full-sync-${suffix}`;
    const workerConnection = await NativeConnection.connect({ address: '127.0.0.1:7233' });
    const worker = await Worker.create({
      connection: workerConnection,
      taskQueue,
      workflowBundle: await bundleWorkflowCode({ workflowsPath: require.resolve('@jira-sync/workflows'), ...workflowBundlerOptions() }),
      activities: createActivities({
        publisher: { publish: async () => ({ topic: '', partition: 0, offset: '0' }), disconnect: async () => undefined },
        recordPublisher,
        attachments: content,
        openConnector: createConnectorOpener({ connectors, allowInsecureLoopback: true }),
        now: () => new Date(),
      }),
      dataConverter: createDataConverter(encryption),
    });
    const clientConnection = await Connection.connect({ address: '127.0.0.1:7233' });
    cleanups.push(() => clientConnection.close());
    const client = new Client({ connection: clientConnection, dataConverter: createDataConverter(encryption) });
    result = await worker.runUntil(
      client.workflow.execute(syncConnectorWorkflow, {
        taskQueue,
        workflowId: `${syncWorkflowId(scope.tenantId, scope.connectorId)}:${suffix}`,
        args: [{ ...scope, mode: 'full' }],
      }),
    );
    await workerConnection.close();
    await waitForConsumerCaughtUp(kafka, { groupId, topic, timeoutMs: 60_000 });
  }, 300_000);

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('completes every project with no fail-closed record', () => {
    expect(result.status).toBe('completed');
    expect(result.projects.map((project) => project.status)).toEqual(result.projects.map(() => 'completed'));
    expect(result.projects.reduce((sum, project) => sum + project.closedAcls, 0)).toBe(0);
  });

  it('stores the ground truth issues, comments and attachments the admin can read', async () => {
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    const adminId = sim.credentials.admin.accountId;
    const ids = async (kind: 'issues' | 'comments' | 'attachments') => ((await store[kind].find(scope)) as Array<{ externalId: string }>).map((row) => row.externalId).sort();
    const visible = (list: Array<{ id: string; acl: { readers?: string[] } }>) => list.filter((item) => item.acl.readers?.includes(adminId)).map((item) => item.id).sort();
    expect(await ids('issues')).toEqual(visible(truth.issues));
    expect(await ids('comments')).toEqual(visible(truth.comments));
    expect(await ids('attachments')).toEqual(visible(truth.attachments));
  });

  it("answers 'records this account may read' with exactly the ground truth for every active account", async () => {
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    const adminId = sim.credentials.admin.accountId;
    const mismatches: string[] = [];
    const kinds = [
      ['issue', truth.issues],
      ['comment', truth.comments],
      ['attachment', truth.attachments],
    ] as const;
    const active = truth.users.filter((user) => user.active);
    expect(active.length).toBeGreaterThan(5);
    for (const user of active) {
      for (const [kind, list] of kinds) {
        const expected = list.filter((item) => item.acl.readers?.includes(adminId) && item.acl.readers.includes(user.accountId)).map((item) => item.id).sort();
        const ours = await store.readableBy(scope, user.accountId, kind);
        if (JSON.stringify(ours) !== JSON.stringify(expected)) mismatches.push(`${user.accountId} ${kind}: ${ours.length} vs ${expected.length}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
