import { ZIssueChunkingSchema, type TIssueChunking, type TProjectOutcome } from '@jira-sync/contracts';
import type { Activities, TIssuesCursor, TSyncStepInput } from '@jira-sync/activities';
import { continueAsNew, getExternalWorkflowHandle, proxyActivities, workflowInfo } from '@temporalio/workflow';
import { projectProgressSignal } from './sync-messages.js';

// Retries live in jira-client (429 waits, transient errors inside a call); the activity policy only covers what
// escapes it (a worker crash, a broker outage, a rate limit that outlasted the client's budget: its wait becomes
// nextRetryDelay). The roles step does not heartbeat, so it has no heartbeat timeout, only a start-to-close one.
const { syncProjectRoles } = proxyActivities<Activities>({
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 5 },
});
// The issues step heartbeats its position after every page and on a timer while a page waits inside jira-client
// (at most a minute per request), so a two-minute heartbeat timeout notices a dead worker without cutting those waits
// short; a retry resumes from the last heartbeat, which makes more attempts cheap.
const { saveProjectCheckpoint } = proxyActivities<Activities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 8 },
});
const { syncProjectIssues } = proxyActivities<Activities>({
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 8 },
});

/** What a project workflow carries into its next run when it continues as new. */
export interface TProjectCarry {
  rolesProblems: string[];
  issuesProblems: string[];
  cursor: TIssuesCursor;
}

export interface TSyncProjectInput extends TSyncStepInput {
  projectId: string;
  projectKey: string;
  chunking?: Partial<TIssueChunking>;
  /** Incremental: the project's query bound (its checkpoint minus the overlap); absent: every issue. */
  updatedFromMs?: number;
  overlapMs?: number;
  /** Set by continue-as-new: the roles step is done and the issues stand at `cursor`. */
  carry?: TProjectCarry;
}

async function reportProgress(projectKey: string, issuesDone: number): Promise<void> {
  const parent = workflowInfo().parent;
  if (!parent) return;
  try {
    await getExternalWorkflowHandle(parent.workflowId).signal(projectProgressSignal, { projectKey, issuesDone });
  } catch {
    // Progress is advisory: a parent that is gone (terminated, reset) must not fail the project.
  }
}

/**
 * One project of a sync: its roles and lead, then its issues, comments and attachments in chunks of pages (each chunk
 * one activity that returns its cursor), then the project record. Tells the parent its progress after each chunk and
 * continues as new after `activitiesPerRun` chunks, or sooner when Temporal suggests it, carrying only the cursor.
 */
export async function syncProjectWorkflow(input: TSyncProjectInput): Promise<TProjectOutcome> {
  const chunking = ZIssueChunkingSchema.parse(input.chunking ?? {});
  const { carry } = input;
  const step = { tenantId: input.tenantId, connectorId: input.connectorId, generation: input.generation, syncRunId: input.syncRunId, projectId: input.projectId, projectKey: input.projectKey };
  const rolesProblems = carry ? carry.rolesProblems : (await syncProjectRoles(step)).problems;
  const issuesProblems = new Set(carry?.issuesProblems ?? []);
  let cursor = carry?.cursor;
  for (let chunk = 0; ; chunk++) {
    if (cursor && (chunk >= chunking.activitiesPerRun || workflowInfo().continueAsNewSuggested)) {
      await continueAsNew<typeof syncProjectWorkflow>({ ...input, carry: { rolesProblems, issuesProblems: [...issuesProblems], cursor } });
    }
    const result = await syncProjectIssues({
      ...step,
      maxPages: chunking.pagesPerActivity,
      ...(cursor ? { cursor } : {}),
      ...(input.updatedFromMs !== undefined ? { updatedFromMs: input.updatedFromMs } : {}),
      ...(input.overlapMs !== undefined ? { overlapMs: input.overlapMs } : {}),
    });
    for (const problem of result.problems) issuesProblems.add(problem);
    await reportProgress(input.projectKey, result.issues);
    if (!result.cursor) {
      // The activity returned only after Kafka acknowledged the project's last events: now the checkpoint may move.
      await saveProjectCheckpoint({
        ...step,
        maxUpdatedMs: result.maxUpdatedMs,
        recent: result.recent,
        ...(input.overlapMs !== undefined ? { overlapMs: input.overlapMs } : {}),
      });
      return {
        projectId: input.projectId,
        projectKey: input.projectKey,
        status: 'completed',
        issues: result.issues,
        comments: result.comments,
        attachments: result.attachments,
        closedAcls: result.closedAcls,
        errors: [...new Set([...rolesProblems, ...issuesProblems])],
      };
    }
    cursor = result.cursor;
  }
}
