import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createDataConverter, searchAttributesFor, SEARCH_ATTRIBUTE_KEYS, workflowBundlerOptions, workflowIdFor } from '@jira-sync/temporal';
import type { Activities } from '@jira-sync/activities';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smokeWorkflow } from './smoke.workflow.js';

const require = createRequire(import.meta.url);
const address = '127.0.0.1:7233';
const encryption = { currentKeyId: 'test', keys: new Map([['test', randomBytes(32)]]) };
let bundle: WorkflowBundleWithSourceMap;
let connection: Connection;
let client: Client;

beforeAll(async () => {
  bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./index.ts'), ...workflowBundlerOptions() });
  connection = await Connection.connect({ address });
  client = new Client({ connection, namespace: 'default', dataConverter: createDataConverter(encryption) });
});

afterAll(async () => {
  await connection?.close();
});

describe('smokeWorkflow on the Temporal dev server', () => {
  it('runs on a real worker, calls its activity, and is findable by its search attributes', async () => {
    const taskQueue = `test-smoke-${randomUUID()}`;
    const calls: unknown[] = [];
    const activities: Pick<Activities, 'publishSmokeEvent'> = {
      publishSmokeEvent: async (input) => {
        calls.push(input);
        return { runId: 'r-1', topic: 'jira-sync.smoke.v1', partition: 0, offset: '42' };
      },
    };
    const workerConnection = await NativeConnection.connect({ address });
    const worker = await Worker.create({
      connection: workerConnection,
      taskQueue,
      workflowBundle: bundle,
      activities,
      dataConverter: createDataConverter(encryption),
    });
    const workflowId = workflowIdFor('smoke', 'tenant-a', 'conn-1', randomUUID());
    const result = await worker.runUntil(
      client.workflow.execute(smokeWorkflow, {
        taskQueue,
        workflowId,
        args: [{ runId: 'r-1', message: 'secret-looking message' }],
        typedSearchAttributes: searchAttributesFor('tenant-a', 'conn-1', 'smoke'),
      }),
    );
    await workerConnection.close();

    expect(result).toEqual({ runId: 'r-1', topic: 'jira-sync.smoke.v1', partition: 0, offset: '42' });
    expect(calls).toEqual([{ runId: 'r-1', message: 'secret-looking message' }]);
    const description = await client.workflow.getHandle(workflowId).describe();
    expect(description.status.name).toBe('COMPLETED');
    expect(description.typedSearchAttributes.get(SEARCH_ATTRIBUTE_KEYS.tenantId)).toBe('tenant-a');
  });

  it('stores its input encrypted in the server history', async () => {
    const taskQueue = `test-smoke-${randomUUID()}`;
    const workflowId = workflowIdFor('smoke', 'tenant-a', 'conn-2', randomUUID());
    const handle = await client.workflow.start(smokeWorkflow, { taskQueue, workflowId, args: [{ runId: 'r-2', message: 'plaintext-canary' }] });
    const history = await handle.fetchHistory();
    await handle.terminate('test done');
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
    const payload = started?.input?.payloads?.[0];
    expect(Buffer.from(payload?.metadata?.['encoding'] ?? []).toString()).toBe('binary/encrypted');
    expect(Buffer.from(payload?.data ?? []).toString('latin1')).not.toContain('plaintext-canary');
  });
});
