import {
  SEARCH_ATTRIBUTE_NAMES,
  projectSyncWorkflowId,
  type TProjectOutcome,
  type TSyncConnectorInput,
  type TSyncProgress,
  type TSyncResult,
  type TSyncStatus,
} from '@jira-sync/contracts';
import type { Activities, TProjectRef, TSyncStepInput } from '@jira-sync/activities';
import {
  ApplicationFailure,
  ChildWorkflowFailure,
  defineQuery,
  executeChild,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  upsertMemo,
  workflowInfo,
} from '@temporalio/workflow';
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import { projectProgressSignal } from './sync-messages.js';
import { syncProjectWorkflow } from './sync-project.workflow.js';

const retry = { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 5 } as const;
// Users and groups heartbeat as they page; listing projects and counting issues are short and do not.
const { syncUsers, syncGroups } = proxyActivities<Activities>({ startToCloseTimeout: '1 hour', heartbeatTimeout: '5 minutes', retry });
const { listProjects } = proxyActivities<Activities>({ startToCloseTimeout: '30 minutes', retry });
const { planSync, saveSyncState } = proxyActivities<Activities>({ startToCloseTimeout: '5 minutes', retry });
// The deletion step reads the audit log (short), or pages every reconciled project's ids (heartbeating as it goes).
const { readAuditDeletions } = proxyActivities<Activities>({ startToCloseTimeout: '10 minutes', retry });
const { reconcileDeletions } = proxyActivities<Activities>({ startToCloseTimeout: '1 hour', heartbeatTimeout: '5 minutes', retry });
const { countProjectIssues } = proxyActivities<Activities>({ startToCloseTimeout: '30 minutes', heartbeatTimeout: '5 minutes', retry: { ...retry, maximumAttempts: 3 } });

/** The progress query: step, per-project progress and errors so far. */
export const syncProgressQuery = defineQuery<TSyncProgress>('syncProgress');

const SYNC_STATUS = defineSearchAttributeKey(SEARCH_ATTRIBUTE_NAMES.syncStatus, SearchAttributeType.KEYWORD);
const IDENTITY = {
  tenantId: defineSearchAttributeKey(SEARCH_ATTRIBUTE_NAMES.tenantId, SearchAttributeType.KEYWORD),
  connectorId: defineSearchAttributeKey(SEARCH_ATTRIBUTE_NAMES.connectorId, SearchAttributeType.KEYWORD),
  syncMode: defineSearchAttributeKey(SEARCH_ATTRIBUTE_NAMES.syncMode, SearchAttributeType.KEYWORD),
};

function failureMessage(error: unknown): string {
  const cause = error instanceof ChildWorkflowFailure ? error.cause : error;
  const inner = cause instanceof ApplicationFailure || cause instanceof Error ? cause : undefined;
  const deepest = inner && 'cause' in inner && inner.cause instanceof Error ? inner.cause : inner;
  return deepest?.message ?? String(error);
}

/**
 * A connector's sync, in Jira's order: users -> groups and memberships -> projects (filtered) -> per project a child
 * workflow (roles, lead, issues, attachments) with bounded parallelism. One failed project does not stop the
 * others: the result lists every project's outcome.
 */
export async function syncConnectorWorkflow(input: TSyncConnectorInput): Promise<TSyncResult> {
  const info = workflowInfo();
  const generation = Date.now();
  const step = { tenantId: input.tenantId, connectorId: input.connectorId, generation, syncRunId: info.runId };
  const progress: TSyncProgress = {
    tenantId: input.tenantId,
    connectorId: input.connectorId,
    mode: input.mode,
    generation,
    status: 'running',
    step: 'users',
    steps: ['users', 'groups', 'projects', 'issues'].map((name) => ({ step: name, status: 'pending' as const, count: 0 })),
    projects: [],
    errors: [],
  };
  setHandler(syncProgressQuery, () => progress);
  setHandler(projectProgressSignal, ({ projectKey, issuesDone }) => {
    const entry = progress.projects.find((candidate) => candidate.projectKey === projectKey);
    if (entry?.status !== 'running') return;
    entry.issuesDone = issuesDone;
    entry.issuesEstimated = Math.max(entry.issuesEstimated, issuesDone);
  });
  // Whoever starts the run may or may not pass these; set here, every run is findable by tenant, connector and mode.
  upsertSearchAttributes([
    { key: IDENTITY.tenantId, value: input.tenantId },
    { key: IDENTITY.connectorId, value: input.connectorId },
    { key: IDENTITY.syncMode, value: input.mode },
  ]);
  const setStatus = (status: TSyncStatus) => {
    progress.status = status;
    upsertSearchAttributes([{ key: SYNC_STATUS, value: status }]);
  };
  setStatus('running');
  const begin = (name: string) => {
    progress.step = name;
    const entry = progress.steps.find((candidate) => candidate.step === name);
    if (entry) entry.status = 'running';
    return entry;
  };
  const end = (entry: TSyncProgress['steps'][number] | undefined, count: number) => {
    if (entry) Object.assign(entry, { status: 'completed', count });
  };

  try {
    // Full or incremental, decided from the stored state (and the checkpoints cleared when the filters changed).
    const plan = await planSync({ ...step, mode: input.mode, ...(input.overlapMs !== undefined ? { overlapMs: input.overlapMs } : {}) });
    upsertMemo({ plannedMode: plan.mode, planReason: plan.reason });
    const usersStep = begin('users');
    const users = await syncUsers(step);
    end(usersStep, users.users);
    const groupsStep = begin('groups');
    const groups = await syncGroups(step);
    end(groupsStep, groups.groups);
    const projectsStep = begin('projects');
    const listed = await listProjects(step);
    end(projectsStep, listed.projects.length);
    const counted = await countIssues(step, listed.projects);
    upsertMemo({ ...(counted ? { siteUrl: counted.siteUrl } : {}), projects: listed.projects.map((project) => project.key) });

    const issuesStep = begin('issues');
    progress.projects = listed.projects.map((project, index) => ({
      projectKey: project.key,
      status: 'pending',
      issuesDone: 0,
      issuesEstimated: counted?.estimates[index]?.issues ?? 0,
    }));
    const outcomes = await runBounded(listed.projects, listed.projectConcurrency, async (project) => {
      const entry = progress.projects.find((candidate) => candidate.projectKey === project.key)!;
      entry.status = 'running';
      try {
        const outcome = await executeChild(syncProjectWorkflow, {
          workflowId: projectSyncWorkflowId(input.tenantId, input.connectorId, project.key),
          args: [
            {
              ...step,
              projectId: project.id,
              projectKey: project.key,
              ...(input.chunking ? { chunking: input.chunking } : {}),
              ...(plan.updatedFromMs[project.id] !== undefined ? { updatedFromMs: plan.updatedFromMs[project.id] } : {}),
              ...(input.overlapMs !== undefined ? { overlapMs: input.overlapMs } : {}),
            },
          ],
        });
        // Done, the real count replaces the estimate.
        Object.assign(entry, { status: 'completed', issuesDone: outcome.issues, issuesEstimated: outcome.issues });
        return outcome;
      } catch (error) {
        const message = `${project.key}: ${failureMessage(error)}`;
        entry.status = 'failed';
        progress.errors.push(message);
        return failedOutcome(project, message);
      }
    });
    end(issuesStep, outcomes.reduce((sum, outcome) => sum + outcome.issues, 0));

    // Deletions last, once every project's upserts are acknowledged: the index applies each issue's events in order.
    // Runs started before this step existed replay without it.
    const deletion = patched('sync-deletions-step') ? await deleteOutOfScope(step, plan.mode, listed.projects, outcomes, progress) : undefined;
    const failed = outcomes.some((outcome) => outcome.status === 'failed') || deletion?.error !== undefined;
    const diagnostics = [
      ...(deletion?.error ? [`deletions: ${deletion.error}`] : []),
      ...(users.hiddenEmails > 0 ? [`${users.hiddenEmails} accounts hide their email from the syncing account (Jira profile or organisation privacy); they are stored without one`] : []),
      ...listed.missing.map((key) => `project ${key} is in the filter but the syncing account cannot browse it (or it does not exist)`),
      ...outcomes.flatMap((outcome) => outcome.errors),
    ];
    // Each project saved its own checkpoint once its events were acknowledged; the connector's state goes last.
    await saveSyncState({ ...step, filtersHash: plan.filtersHash, fullSyncCompleted: plan.mode === 'full' && !failed });
    setStatus(failed ? 'partial' : 'completed');
    return { tenantId: input.tenantId, connectorId: input.connectorId, mode: plan.mode, generation, status: progress.status, users: users.users, groups: groups.groups, roles: 0, projects: outcomes, diagnostics: [...new Set(diagnostics)] };
  } catch (error) {
    setStatus('failed');
    progress.errors.push(failureMessage(error));
    throw error;
  }
}

/**
 * Deletes what Jira no longer shows in scope. An incremental run with a credential that may read the audit log takes
 * its issue deletions from there; otherwise, and on every full sync, the completed projects' ids are reconciled.
 * Stored projects this run did not list go whole either way. A failure here is reported, not thrown: the upserts stand.
 */
async function deleteOutOfScope(
  step: TSyncStepInput,
  mode: 'full' | 'incremental',
  projects: TProjectRef[],
  outcomes: TProjectOutcome[],
  progress: TSyncProgress,
): Promise<{ deleted: number; error?: string }> {
  const entry = { step: 'deletions', status: 'running' as TSyncProgress['steps'][number]['status'], count: 0 };
  progress.steps.push(entry);
  progress.step = 'deletions';
  try {
    const audited = mode === 'incremental' ? await readAuditDeletions(step) : undefined;
    const reconciled = await reconcileDeletions({
      ...step,
      projects: projects.map((project) => ({ id: project.id, key: project.key })),
      reconcileProjectIds: audited?.available ? [] : outcomes.filter((outcome) => outcome.status === 'completed').map((outcome) => outcome.projectId),
    });
    const deleted = (audited?.issuesDeleted ?? 0) + reconciled.issuesDeleted;
    Object.assign(entry, { status: 'completed', count: deleted });
    return { deleted };
  } catch (error) {
    const message = failureMessage(error);
    entry.status = 'failed';
    progress.errors.push(`deletions: ${message}`);
    return { deleted: 0, error: message };
  }
}

/** The site URL (for the memo) and each project's estimate; advisory: a run whose count fails still syncs, with estimates of 0. */
async function countIssues(step: TSyncStepInput, projects: TProjectRef[]): Promise<Awaited<ReturnType<Activities['countProjectIssues']>> | undefined> {
  try {
    return await countProjectIssues({ ...step, projects: projects.map((project) => ({ id: project.id, key: project.key })) });
  } catch {
    return undefined;
  }
}

function failedOutcome(project: TProjectRef, message: string): TProjectOutcome {
  return { projectId: project.id, projectKey: project.key, status: 'failed', issues: 0, comments: 0, attachments: 0, closedAcls: 0, errors: [message] };
}

/** Runs `work` over `items` with at most `limit` at once, keeping the input order in the result. */
async function runBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}
