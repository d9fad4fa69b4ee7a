import { randomUUID } from 'node:crypto';
import { syncWorkflowId } from '@jira-sync/contracts';
import { ScheduleNotFoundError } from '@temporalio/client';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncScheduleId } from './routers/sync/sync-schedule.js';
import { startApiHarness, type ApiHarness } from './testing/api-harness.test-support.js';

let api: ApiHarness;
let key: string;
const connectorId = 'scheduled';
// Temporal outlives the test's database: a tenant id of its own keeps earlier runs' workflows out of this one's.
const tenantId = `tenant-sched-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  api = await startApiHarness();
  key = (await api.caller(api.adminKey).tenants.create({ tenantId, name: 'Scheduled' })).apiKey.key;
  // No worker polls this harness's task queue: a run the schedule starts stays open until the test ends it.
  await api.caller(key).connectors.create({ connectorId, siteUrl: 'http://127.0.0.1:9', auth: { method: 'api_token', email: 'ops@example.com', apiToken: 'not-used' } });
});

afterAll(async () => {
  await api?.stop();
});

describe('configure: the sync strategy is a Temporal Schedule', () => {
  it('creates the schedule with the interval, says the next sync is full, and a triggered run shows in sync.status and sync.history', async () => {
    const saved = await api.caller(key).configure.save({ connectorId, strategy: 'scheduled', intervalMinutes: 30 });
    expect(saved).toMatchObject({ strategy: 'scheduled', intervalMinutes: 30, nextSync: 'full' });
    const handle = api.deps.temporal.schedule.getHandle(syncScheduleId(tenantId, connectorId));
    const described = await handle.describe();
    expect(described.state.paused).toBe(false);
    expect(described.spec.intervals?.[0]?.every).toBe(30 * 60 * 1000);
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowId: syncWorkflowId(tenantId, connectorId), taskQueue: api.taskQueue });
    await handle.trigger();
    // Temporal suffixes the ids of scheduled runs with their time: status and history find them by search attributes.
    const caller = api.caller(key);
    let status = await caller.sync.status({ connectorId });
    for (let attempt = 0; attempt < 120 && status.state !== 'running'; attempt++) {
      await sleep(500);
      status = await caller.sync.status({ connectorId });
    }
    expect(status.state).toBe('running');
    expect(status.workflowId).not.toBe(syncWorkflowId(tenantId, connectorId));
    expect(status.workflowId?.startsWith(syncWorkflowId(tenantId, connectorId))).toBe(true);
    expect(status.mode).toBe('incremental');
    const history = await caller.sync.history({ connectorId });
    expect(history.map(({ workflowId, runId, startedBy, workflowStatus }) => ({ workflowId, runId, startedBy, workflowStatus }))).toEqual([
      { workflowId: status.workflowId, runId: status.runId, startedBy: 'schedule', workflowStatus: 'RUNNING' },
    ]);
    // A start while the scheduled run is open attaches to it instead of syncing twice at once.
    expect(await caller.sync.start({ connectorId })).toMatchObject({ workflowId: status.workflowId, runId: status.runId, attached: true });
    await api.deps.temporal.workflow.getHandle(status.workflowId!, status.runId).terminate('test over');
    expect(await caller.sync.status({ connectorId })).toMatchObject({ state: 'terminated', runId: status.runId });
  });

  it('rejects a too-short interval with the field named', async () => {
    await expect(api.caller(key).configure.save({ connectorId, strategy: 'scheduled', intervalMinutes: 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('every 5 minutes') });
  });

  it('re-marks the stored records when only the indexing filters change, without calling Jira, and says so', async () => {
    const scope = { tenantId, connectorId };
    const { records } = api.deps;
    await records.issues.raw.insertMany([{ ...scope, externalId: 'i1', indexable: true }, { ...scope, externalId: 'i2', indexable: true }]);
    await records.comments.raw.insertMany([{ ...scope, externalId: 'c1', issueId: 'i1', indexable: true }]);
    await records.attachments.raw.insertMany([{ ...scope, externalId: 'a1', issueId: 'i1', indexable: true }, { ...scope, externalId: 'a2', deleted: true, indexable: true }]);
    const marks = async () => ({
      issues: (await records.issues.raw.find(scope).sort({ externalId: 1 }).toArray()).map((doc) => doc['indexable']),
      comments: (await records.comments.raw.find(scope).toArray()).map((doc) => doc['indexable']),
      attachments: (await records.attachments.raw.find(scope).sort({ externalId: 1 }).toArray()).map((doc) => doc['indexable']),
    });
    // The site URL answers nothing (port 9): a Jira call would fail the save.
    const saved = await api.caller(key).configure.save({ connectorId, strategy: 'manual', indexingFilters: { issues: true, attachments: false } });
    expect(saved.indexing).toMatchObject({ changed: true, remarked: { issues: 0, comments: 0, attachments: 1 }, message: expect.stringContaining('without calling Jira') });
    expect(saved.connector.indexingFilters).toEqual({ issues: true, attachments: false });
    expect(await marks()).toEqual({ issues: [true, true], comments: [true], attachments: [false, true] });
    const issuesOff = await api.caller(key).configure.save({ connectorId, strategy: 'manual', indexingFilters: { issues: false, attachments: false } });
    expect(issuesOff.indexing.remarked).toEqual({ issues: 2, comments: 1, attachments: 0 });
    expect(await marks()).toEqual({ issues: [false, false], comments: [false], attachments: [false, true] });
    const unchanged = await api.caller(key).configure.save({ connectorId, strategy: 'manual', indexingFilters: { issues: false, attachments: false } });
    expect(unchanged.indexing).toMatchObject({ changed: false, message: 'indexing filters unchanged' });
    await api.caller(key).configure.save({ connectorId, strategy: 'manual', indexingFilters: { issues: true, attachments: true } });
    expect(await marks()).toEqual({ issues: [true, true], comments: [true], attachments: [true, true] });
  });

  it('pauses it for manual, updates it with a new interval, and deleting the connector deletes it', async () => {
    await api.caller(key).configure.save({ connectorId, strategy: 'manual' });
    const handle = api.deps.temporal.schedule.getHandle(syncScheduleId(tenantId, connectorId));
    expect((await handle.describe()).state.paused).toBe(true);
    await api.caller(key).configure.save({ connectorId, strategy: 'scheduled', intervalMinutes: 120 });
    const updated = await handle.describe();
    expect(updated.state.paused).toBe(false);
    expect(updated.spec.intervals?.[0]?.every).toBe(120 * 60 * 1000);
    const deleted = await api.caller(key).connectors.delete({ connectorId });
    expect(deleted.scheduleDeleted).toBe(true);
    await expect(handle.describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
  });
});
