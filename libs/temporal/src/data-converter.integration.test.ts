import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client, Connection, WorkflowFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowBundlerOptions } from './bundler.js';
import { createDataConverter } from './data-converter.js';

const address = '127.0.0.1:7233';
const encryption = { currentKeyId: 'test', keys: new Map([['test', randomBytes(32)]]) };
const canary = `leaked-${randomUUID()}`;
let connection: Connection;
let client: Client;

beforeAll(async () => {
  connection = await Connection.connect({ address });
  client = new Client({ connection, namespace: 'default', dataConverter: createDataConverter(encryption) });
});

afterAll(async () => {
  await connection?.close();
});

describe('createDataConverter against the Temporal dev server', () => {
  it('keeps a failed activity’s message and stack out of the raw history, yet gives it back to the client', async () => {
    const taskQueue = `test-failure-${randomUUID()}`;
    const workflowBundle = await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('../test/failing-activity.workflow.ts', import.meta.url)),
      ...workflowBundlerOptions(),
    });
    const workerConnection = await NativeConnection.connect({ address });
    const worker = await Worker.create({
      connection: workerConnection,
      taskQueue,
      workflowBundle,
      dataConverter: createDataConverter(encryption),
      activities: {
        failWithSecret: async () => {
          throw ApplicationFailure.nonRetryable(`token ${canary} rejected`, 'Unauthorized');
        },
      },
    });
    const workflowId = `test-failure-${randomUUID()}`;
    const outcome = await worker
      .runUntil(client.workflow.execute('failingActivityWorkflow', { taskQueue, workflowId }))
      .then(() => undefined, (error: unknown) => error);
    await workerConnection.close();

    expect(outcome).toBeInstanceOf(WorkflowFailedError);
    const cause = (outcome as WorkflowFailedError).cause?.cause as Error | undefined;
    expect(cause?.message).toBe(`token ${canary} rejected`);

    // The raw history as the server stores it, read without the data converter.
    const raw = await connection.workflowService.getWorkflowExecutionHistory({ namespace: 'default', execution: { workflowId } });
    const eventTypes = (raw.history?.events ?? []).map((event) => String(event.eventType));
    expect(eventTypes.length).toBeGreaterThan(0);
    const bytes = Buffer.from(JSON.stringify(raw.history)).toString('latin1');
    expect(bytes).not.toContain(canary);
    expect(bytes).not.toContain('data-converter.integration.test');
    expect(bytes).toContain('Encoded failure');
  });
});
