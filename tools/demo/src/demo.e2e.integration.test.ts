import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from './api-client.js';
import { startApps, type RunningApps } from './app-processes.js';
import { findFreePort } from './free-port.js';

let apps: RunningApps;
const isolation = randomUUID().slice(0, 8);

beforeAll(async () => {
  // Own task queue, consumer group and database, so the test never meets a developer's running apps.
  apps = await startApps({
    env: { TEMPORAL_TASK_QUEUE: `e2e-${isolation}`, KAFKA_GROUP_ID: `e2e-${isolation}`, MONGODB_DB: `e2e_${isolation}`, LOG_LEVEL: 'warn' },
    apiPort: await findFreePort(),
    logDir: mkdtempSync(join(tmpdir(), 'jira-sync-e2e-')),
  });
}, 180_000);

afterAll(async () => {
  await apps?.stop();
});

describe('the smoke path across real processes and servers', () => {
  it('carries a message from the api through Temporal, the worker and Kafka into MongoDB via the index app', async () => {
    const api = createApiClient(apps.apiUrl);
    const message = `e2e ${isolation}`;
    const outcome = await api.smoke.run.mutate({ message, tenantId: 'e2e' });
    expect(outcome.workflowId).toMatch(/^smoke:e2e:smoke:/);
    expect(outcome.stored).toMatchObject({ message, topic: 'jira-sync.smoke.v1', offset: outcome.published.offset });
    expect(outcome.temporalUiUrl).toContain('http://127.0.0.1:8233/namespaces/default/workflows/');
  }, 120_000);
});
