import { randomBytes, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createDataConverter, SEARCH_ATTRIBUTE_KEYS, workflowBundlerOptions, workflowIdFor } from '@jira-sync/temporal';
import type { Activities, TIssuesCursor, TSyncProjectIssuesInput, TSyncProjectIssuesResult } from '@jira-sync/activities';
import { projectSyncWorkflowId, type TSyncConnectorInput, type TSyncResult } from '@jira-sync/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncConnectorWorkflow, syncProgressQuery } from './index.js';

const require = createRequire(import.meta.url);
const address = '127.0.0.1:7233';
const encryption = { currentKeyId: 'test', keys: new Map([['test', randomBytes(32)]]) };
const siteUrl = 'https://acme.atlassian.net';
const ISSUES_PER_PAGE = 10;
let bundle: WorkflowBundleWithSourceMap;
let connection: Connection;
let client: Client;

beforeAll(async () => {
  bundle = await bundleWorkflowCode({ workflowsPath: require.resolve('./index.ts'), ...workflowBundlerOptions() });
  connection = await Connection.connect({ address });
  client = new Client({ connection, namespace: 'default', dataConverter: createDataConverter(encryption) });
}, 120_000);

afterAll(async () => {
  await connection?.close();
});

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

interface TIssueCall {
  projectKey: string;
  startPage: number;
  maxPages: number | undefined;
  updatedFromMs?: number | undefined;
}

/**
 * Stub activities over fake projects of `pages` pages of ten issues each. The issues stub pages as the real one does:
 * from its input cursor, at most `maxPages`, returning a cursor while pages are left. `beforeChunk` lets a test hold
 * a chunk at a known point.
 */
function stubActivities(pages: Record<string, number>, options: { failing?: string; beforeChunk?: (call: TIssueCall) => Promise<void>; updatedFromMs?: Record<string, number> } = {}) {
  const calls: string[] = [];
  const issueCalls: TIssueCall[] = [];
  const saved: { checkpoints: Array<{ projectId: string; maxUpdatedMs: number }>; states: Array<{ filtersHash: string; fullSyncCompleted: boolean }> } = { checkpoints: [], states: [] };
  const keys = Object.keys(pages);
  const activities: Partial<Activities> = {
    planSync: async () =>
      options.updatedFromMs
        ? { mode: 'incremental', reason: 'stub', filtersHash: 'h1', updatedFromMs: options.updatedFromMs }
        : { mode: 'full', reason: 'stub', filtersHash: 'h1', updatedFromMs: {} },
    saveProjectCheckpoint: async (input) => (saved.checkpoints.push({ projectId: input.projectId, maxUpdatedMs: input.maxUpdatedMs }), null),
    saveSyncState: async (input) => void saved.states.push({ filtersHash: input.filtersHash, fullSyncCompleted: input.fullSyncCompleted }),
    // The deletions step (issue #9): nothing is stored by these stubs, so nothing is out of scope.
    readAuditDeletions: async () => ({ available: false, reason: 'stub', deletionsListed: 0, issuesDeleted: 0 }),
    reconcileDeletions: async () => ({ projectsRemoved: [], issuesDeleted: 0, rolesDeleted: 0, idsRead: 0, kept: 0 }),
    syncUsers: async () => (calls.push('users'), { users: 7, active: 6, hiddenEmails: 0 }),
    syncGroups: async () => (calls.push('groups'), { groups: 2, memberships: 5 }),
    listProjects: async () => (
      calls.push('projects'), { projects: keys.map((key, index) => ({ id: String(10_000 + index), key, name: key })), filteredOut: [], missing: [], projectConcurrency: 1 }
    ),
    countProjectIssues: async (input) => (
      calls.push('count'), { siteUrl, estimates: input.projects.map((project) => ({ projectKey: project.key, issues: pages[project.key]! * ISSUES_PER_PAGE + 5 })) }
    ),
    syncProjectRoles: async (input) => (calls.push(`roles ${input.projectKey}`), { roles: 3, problems: [] }),
    syncProjectIssues: async (input: TSyncProjectIssuesInput): Promise<TSyncProjectIssuesResult> => {
      const call = { projectKey: input.projectKey, startPage: input.cursor?.pages ?? 0, maxPages: input.maxPages, updatedFromMs: input.updatedFromMs };
      issueCalls.push(call);
      calls.push(`issues ${input.projectKey} from page ${call.startPage}`);
      await options.beforeChunk?.(call);
      if (input.projectKey === options.failing) throw ApplicationFailure.nonRetryable(`grant Browse Projects on ${input.projectKey} to the syncing account`, 'JiraPermission');
      const total = pages[input.projectKey]!;
      const end = Math.min(total, call.startPage + (input.maxPages ?? total));
      const counts = { issues: end * ISSUES_PER_PAGE, comments: end * 2, attachments: end, attachmentBytes: 0, closedAcls: 0, maxUpdatedMs: end };
      const cursor: TIssuesCursor = { ...counts, pages: end, pageToken: `page-${end}`, extraBrowse: [] };
      return { ...counts, recent: [], unchanged: 0, problems: [], ...(end < total ? { cursor } : {}) };
    },
  };
  return { activities, calls, issueCalls, saved };
}

async function withWorker<T>(activities: Partial<Activities>, body: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `test-sync-${randomUUID()}`;
  const workerConnection = await NativeConnection.connect({ address });
  try {
    const worker = await Worker.create({ connection: workerConnection, taskQueue, workflowBundle: bundle, activities, dataConverter: createDataConverter(encryption) });
    return await worker.runUntil(body(taskQueue));
  } finally {
    await workerConnection.close();
  }
}

/** The runs of a workflow id, newest first, following each run's start event back to the run it continued. */
async function runsOf(workflowId: string): Promise<string[]> {
  const runs: string[] = [];
  for (let runId: string | undefined = (await client.workflow.getHandle(workflowId).describe()).runId; runId && runs.length < 20; ) {
    runs.push(runId);
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    runId = history.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
  }
  return runs;
}

function start(taskQueue: string, input: TSyncConnectorInput): Promise<WorkflowHandle<typeof syncConnectorWorkflow>> {
  // Started without search attributes on purpose: the workflow sets them itself, whoever starts it.
  return client.workflow.start(syncConnectorWorkflow, { taskQueue, workflowId: workflowIdFor('sync', input.tenantId, input.connectorId, randomUUID()), args: [input] });
}

describe('syncConnectorWorkflow with its project children on the Temporal dev server', () => {
  it('runs users, groups, projects and counts first, then each project in chunks, continuing a long project as new with the right outcome', async () => {
    const stub = stubActivities({ ALPHA: 5, BETA: 1 });
    const input = { tenantId: 'tenant-a', connectorId: `conn-${randomUUID()}`, mode: 'full' as const, chunking: { pagesPerActivity: 1, activitiesPerRun: 2 } };
    // Queries need a worker: take the final progress before it stops.
    const { result, handle, progress } = await withWorker(stub.activities, async (taskQueue) => {
      const started = await start(taskQueue, input);
      return { result: await started.result(), handle: started, progress: await started.query(syncProgressQuery) };
    });

    expect(stub.calls).toEqual([
      'users',
      'groups',
      'projects',
      'count',
      'roles ALPHA',
      ...[0, 1, 2, 3, 4].map((page) => `issues ALPHA from page ${page}`),
      'roles BETA',
      'issues BETA from page 0',
    ]);
    // Five one-page chunks, two per run: the project workflow ran three times (continued as new twice) and never
    // repeated its roles step or a page; the short project ran once.
    expect(stub.issueCalls.every((call) => call.maxPages === 1)).toBe(true);
    expect(await runsOf(projectSyncWorkflowId(input.tenantId, input.connectorId, 'ALPHA'))).toHaveLength(3);
    expect(await runsOf(projectSyncWorkflowId(input.tenantId, input.connectorId, 'BETA'))).toHaveLength(1);

    expect(result).toMatchObject<Partial<TSyncResult>>({ status: 'completed', users: 7, groups: 2, diagnostics: [] });
    expect(result.projects).toEqual([
      { projectId: '10000', projectKey: 'ALPHA', status: 'completed', issues: 50, comments: 10, attachments: 5, closedAcls: 0, errors: [] },
      { projectId: '10001', projectKey: 'BETA', status: 'completed', issues: 10, comments: 2, attachments: 1, closedAcls: 0, errors: [] },
    ]);
    expect(progress.projects).toEqual([
      { projectKey: 'ALPHA', status: 'completed', issuesDone: 50, issuesEstimated: 50 },
      { projectKey: 'BETA', status: 'completed', issuesDone: 10, issuesEstimated: 10 },
    ]);
    expect(progress.steps.map((step) => [step.step, step.status, step.count])).toEqual([
      ['users', 'completed', 7],
      ['groups', 'completed', 2],
      ['projects', 'completed', 2],
      ['issues', 'completed', 60],
      ['deletions', 'completed', 0],
    ]);

    const description = await handle.describe();
    expect(description.typedSearchAttributes.get(SEARCH_ATTRIBUTE_KEYS.tenantId)).toBe('tenant-a');
    expect(description.typedSearchAttributes.get(SEARCH_ATTRIBUTE_KEYS.connectorId)).toBe(input.connectorId);
    expect(description.typedSearchAttributes.get(SEARCH_ATTRIBUTE_KEYS.syncMode)).toBe('full');
    expect(description.typedSearchAttributes.get(SEARCH_ATTRIBUTE_KEYS.syncStatus)).toBe('completed');
    expect(description.memo).toEqual({ siteUrl, projects: ['ALPHA', 'BETA'], plannedMode: 'full', planReason: 'stub' });
    // Each project's checkpoint once, after its last chunk (ALPHA's five pages), then the connector's state.
    expect(stub.saved.checkpoints).toEqual([
      { projectId: '10000', maxUpdatedMs: 5 },
      { projectId: '10001', maxUpdatedMs: 1 },
    ]);
    expect(stub.saved.states).toEqual([{ filtersHash: 'h1', fullSyncCompleted: true }]);
    expect(stub.issueCalls.every((call) => call.updatedFromMs === undefined)).toBe(true);
  });

  it('runs an incremental plan: each project with a checkpoint queries from its bound, one without reads everything (issue #9)', async () => {
    const stub = stubActivities({ ALPHA: 2, BETA: 1 }, { updatedFromMs: { '10000': 1_700_000_000_000 } });
    const input = { tenantId: 'tenant-a', connectorId: `conn-${randomUUID()}`, mode: 'auto' as const, chunking: { pagesPerActivity: 1, activitiesPerRun: 1 } };
    const result = await withWorker(stub.activities, async (taskQueue) => (await start(taskQueue, input)).result());

    expect(result).toMatchObject({ status: 'completed', mode: 'incremental' });
    // The bound survives continue-as-new (one chunk per run).
    expect(stub.issueCalls.map((call) => [call.projectKey, call.startPage, call.updatedFromMs])).toEqual([
      ['ALPHA', 0, 1_700_000_000_000],
      ['ALPHA', 1, 1_700_000_000_000],
      ['BETA', 0, undefined],
    ]);
    expect(stub.saved.states).toEqual([{ filtersHash: 'h1', fullSyncCompleted: false }]);
  });

  it('finishes the other projects when one fails, and reports the failure a person acts on', async () => {
    const stub = stubActivities({ ALPHA: 1, BETA: 2, GAMMA: 1 }, { failing: 'BETA' });
    const input = { tenantId: 'tenant-a', connectorId: `conn-${randomUUID()}`, mode: 'full' as const };
    const { result, progress, status } = await withWorker(stub.activities, async (taskQueue) => {
      const handle = await start(taskQueue, input);
      const done = await handle.result();
      return { result: done, progress: await handle.query(syncProgressQuery), status: (await handle.describe()).typedSearchAttributes.get(SEARCH_ATTRIBUTE_KEYS.syncStatus) };
    });

    expect(result.status).toBe('partial');
    expect(status).toBe('partial');
    expect(result.projects.map((project) => [project.projectKey, project.status, project.issues])).toEqual([
      ['ALPHA', 'completed', 10],
      ['BETA', 'failed', 0],
      ['GAMMA', 'completed', 10],
    ]);
    expect(result.projects[1]!.errors).toEqual(['BETA: grant Browse Projects on BETA to the syncing account']);
    expect(result.diagnostics).toEqual(['BETA: grant Browse Projects on BETA to the syncing account']);
    expect(progress.errors).toEqual(['BETA: grant Browse Projects on BETA to the syncing account']);
    expect(progress.projects.map((project) => project.status)).toEqual(['completed', 'failed', 'completed']);
    // Without chunking options the defaults apply: the whole of a small project in one call.
    expect(stub.issueCalls.every((call) => call.maxPages === 20)).toBe(true);
    // The failed project keeps its old checkpoint: nothing saved for it; the run is not a completed full sync.
    expect(stub.saved.checkpoints.map((checkpoint) => checkpoint.projectId)).toEqual(['10000', '10002']);
    expect(stub.saved.states).toEqual([{ filtersHash: 'h1', fullSyncCompleted: false }]);
  });

  it('answers the progress query mid-run with the step, per-project issues done of the estimate, and pending projects', async () => {
    const reached = deferred<TIssueCall>();
    const release = deferred();
    const stub = stubActivities(
      { ALPHA: 3, BETA: 1 },
      {
        beforeChunk: async (call) => {
          if (call.projectKey !== 'ALPHA' || call.startPage !== 2) return;
          reached.resolve(call);
          await release.promise;
        },
      },
    );
    const input = { tenantId: 'tenant-a', connectorId: `conn-${randomUUID()}`, mode: 'full' as const, chunking: { pagesPerActivity: 1, activitiesPerRun: 10 } };
    const { mid, status, result, final } = await withWorker(stub.activities, async (taskQueue) => {
      const handle = await start(taskQueue, input);
      // ALPHA's third chunk is running: its first two are done and reported to the parent.
      await reached.promise;
      const midProgress = await handle.query(syncProgressQuery);
      const midStatus = (await handle.describe()).typedSearchAttributes.get(SEARCH_ATTRIBUTE_KEYS.syncStatus);
      release.resolve();
      const done = await handle.result();
      return { mid: midProgress, status: midStatus, result: done, final: await handle.query(syncProgressQuery) };
    });

    expect(status).toBe('running');
    expect(mid).toMatchObject({ status: 'running', step: 'issues', errors: [] });
    expect(mid.steps.map((step) => step.status)).toEqual(['completed', 'completed', 'completed', 'running']);
    expect(mid.projects).toEqual([
      { projectKey: 'ALPHA', status: 'running', issuesDone: 20, issuesEstimated: 35 },
      { projectKey: 'BETA', status: 'pending', issuesDone: 0, issuesEstimated: 15 },
    ]);
    expect(result.status).toBe('completed');
    expect(final.projects).toEqual([
      { projectKey: 'ALPHA', status: 'completed', issuesDone: 30, issuesEstimated: 30 },
      { projectKey: 'BETA', status: 'completed', issuesDone: 10, issuesEstimated: 10 },
    ]);
  });
});
