import type { TProjectOutcome } from '@jira-sync/contracts';
import type { Activities, TSyncStepInput } from '@jira-sync/activities';
import { proxyActivities } from '@temporalio/workflow';

// Retries live in jira-client (429 waits, transient errors inside a call); the activity policy only covers what
// escapes it (a worker crash, a broker outage). Timeouts are long enough for jira-client's own waits, and the
// heartbeat timeout notices a dead worker well before the start-to-close timeout.
const { syncProjectRoles, syncProjectIssues } = proxyActivities<Activities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 5 },
});

export interface TSyncProjectInput extends TSyncStepInput {
  projectId: string;
  projectKey: string;
}

/** One project of a sync: its roles and lead, then its issues, comments and attachments, then the project record. */
export async function syncProjectWorkflow(input: TSyncProjectInput): Promise<TProjectOutcome> {
  const roles = await syncProjectRoles(input);
  const issues = await syncProjectIssues(input);
  return {
    projectId: input.projectId,
    projectKey: input.projectKey,
    status: 'completed',
    issues: issues.issues,
    comments: issues.comments,
    attachments: issues.attachments,
    closedAcls: issues.closedAcls,
    errors: [...new Set([...roles.problems, ...issues.problems])],
  };
}
