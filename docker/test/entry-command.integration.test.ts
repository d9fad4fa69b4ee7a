import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { MAX_RECORD_EVENT_BYTES } from '@jira-sync/contracts';
import { createKafka, ensureTopics } from '@jira-sync/events';
import { MongoClient } from 'mongodb';
import { afterAll, describe, expect, it } from 'vitest';
import { entryCommand, readStages } from './dockerfile.js';

/**
 * The images keep the repository layout under WORKDIR /app, so running an image's entry command from the repository
 * root runs exactly what the image runs: the output of the apps' nx build target (which this target depends on),
 * here against the local stack. NODE_ENV=production as in the images, with a fresh key ring.
 */
const repoRoot = join(import.meta.dirname, '..', '..');
const running: ChildProcess[] = [];
const databases: string[] = [];

afterAll(async () => {
  await Promise.all(running.map(stop));
  const mongo = await new MongoClient('mongodb://127.0.0.1:27017').connect();
  for (const name of databases) await mongo.db(name).dropDatabase();
  await mongo.close();
});

function imageCommand(app: string): string[] {
  const command = entryCommand(readStages(join(import.meta.dirname, '..', `${app}.Dockerfile`)).at(-1)!);
  expect(command[0]).toBe('node');
  expect(existsSync(join(repoRoot, command[1]!)), `${command[1]} is built (nx run @jira-sync/${app}:build)`).toBe(true);
  return command;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function start(command: string[], env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  // Only what an image has: PATH and the settings, no development leftovers from the test runner.
  const child = spawn(process.execPath, command.slice(1), { cwd: repoRoot, env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'production', ...env } });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  running.push(child);
  return { child, output: () => output };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  if (!(await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]))) {
    child.kill('SIGKILL');
    await exited;
  }
}

/** Polls /readyz until it answers 200; fails with the app's output if the process exits or the bound passes. */
async function waitReady(url: string, app: { child: ChildProcess; output: () => string }, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (app.child.exitCode !== null) throw new Error(`exited with ${app.child.exitCode}:\n${app.output()}`);
    const ready = await fetch(`${url}/readyz`).then((response) => response.ok, () => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`not ready within ${timeoutMs} ms:\n${app.output().slice(-4_000)}`);
    await sleep(500);
  }
}

describe('each image entry command runs the built app', () => {
  it('worker: starts, polls, and serves /readyz and /metrics with the Temporal SDK series', async () => {
    const [port, sdkPort] = [await freePort(), await freePort()];
    const db = `test_image_worker_${randomUUID().slice(0, 8)}`;
    databases.push(db);
    const app = start(imageCommand('worker'), {
      JIRA_SYNC_ENCRYPTION_KEYS: `image-test:${randomBytes(32).toString('base64')}`,
      TEMPORAL_TASK_QUEUE: `image-test-${randomUUID()}`,
      MONGODB_DB: db,
      METRICS_PORT: String(port),
      TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${sdkPort}`,
      LOG_LEVEL: 'warn',
    });
    const url = `http://127.0.0.1:${port}`;
    await waitReady(url, app, 150_000);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/^temporal_num_pollers\{/m);
    expect(metrics).toMatch(/^jira_sync_worker_issues_synced_total\{app="worker"\} 0$/m);
    await stop(app.child);
    expect(app.child.exitCode ?? app.child.signalCode).not.toBeNull();
  });

  it('index: starts consuming and serves /readyz and the consumer lag of its topics', async () => {
    const suffix = randomUUID();
    const topic = `test.image.records.${suffix}`;
    const deadLetter = `test.image.records.dlq.${suffix}`;
    const configEntries = [{ name: 'max.message.bytes', value: String(MAX_RECORD_EVENT_BYTES) }];
    await ensureTopics(createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'image-test' }), [
      { topic, numPartitions: 1, configEntries },
      { topic: deadLetter, numPartitions: 1, configEntries },
    ]);
    const port = await freePort();
    const db = `test_image_index_${suffix.slice(0, 8)}`;
    databases.push(db);
    const app = start(imageCommand('index'), {
      KAFKA_GROUP_ID: `image-test-${suffix}`,
      KAFKA_RECORDS_TOPIC: topic,
      KAFKA_RECORDS_DLQ_TOPIC: deadLetter,
      MONGODB_DB: db,
      METRICS_PORT: String(port),
      LOG_LEVEL: 'warn',
    });
    const url = `http://127.0.0.1:${port}`;
    await waitReady(url, app, 120_000);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    const lag = metrics.split('\n').filter((line) => line.startsWith('jira_sync_index_consumer_lag{') && line.includes(`topic="${topic}"`));
    expect(lag).toHaveLength(1);
    expect(lag[0]).toMatch(/ 0$/);
    await stop(app.child);
  });

  it('api: the built artifact loads and validates its configuration, failing closed with a readable message', async () => {
    const app = start(imageCommand('api'), { API_PORT: 'not-a-port' });
    const code = await new Promise<number | null>((resolve) => app.child.once('exit', (exitCode) => resolve(exitCode)));
    expect(code).not.toBe(0);
    expect(app.output()).toContain('api configuration is invalid');
    expect(app.output()).toContain('API_PORT');
  });
});
