import type { TSyncProgress, TSyncResult } from '@jira-sync/contracts';
import { SEARCH_ATTRIBUTE_KEYS } from '@jira-sync/temporal';
import { syncProgressQuery } from '@jira-sync/workflows';
import { WorkflowFailedError } from '@temporalio/client';
import { tenantProcedure } from '../../procedures.js';
import { ZConnectorRefSchema } from '../../schemas.js';
import { requireConnector } from '../connectors/connector-view.js';
import { describeLatestRun, temporalUiLink } from './sync-runs.js';

export type TSyncState = 'never_run' | 'running' | 'completed' | 'failed' | 'cancelled' | 'terminated' | 'timed_out' | 'unknown';

export interface TSyncStatusView {
  state: TSyncState;
  workflowId?: string;
  runId?: string;
  mode?: string;
  startedAt?: Date;
  closedAt?: Date;
  progress?: TSyncProgress;
  result?: TSyncResult;
  error?: string;
  temporalUiUrl?: string;
}

function failureText(error: unknown): string {
  if (error instanceof WorkflowFailedError) {
    const cause = error.cause;
    const inner = cause?.cause;
    return inner instanceof Error ? inner.message : (cause?.message ?? error.message);
  }
  return error instanceof Error ? error.message : String(error);
}

/** The latest sync of a connector: live progress (the workflow's query) while it runs, its result once it ended. */
export const getSyncStatus = tenantProcedure.input(ZConnectorRefSchema).query(async ({ ctx, input }): Promise<TSyncStatusView> => {
  await requireConnector(ctx, input.connectorId);
  const latest = await describeLatestRun(ctx, input.connectorId);
  if (!latest) return { state: 'never_run' };
  const handle = ctx.temporal.workflow.getHandle(latest.workflowId, latest.runId);
  const base = {
    workflowId: latest.workflowId,
    runId: latest.runId,
    mode: latest.typedSearchAttributes.get(SEARCH_ATTRIBUTE_KEYS.syncMode),
    startedAt: latest.startTime,
    closedAt: latest.closeTime,
    temporalUiUrl: temporalUiLink(ctx, latest.workflowId, latest.runId),
  };
  switch (latest.status.name) {
    case 'RUNNING': {
      // The query needs a worker: before one picks the run up (or while none polls), say so instead of failing.
      const progress = await handle.query(syncProgressQuery).catch(() => undefined);
      return progress
        ? { ...base, state: 'running', progress }
        : { ...base, state: 'running', error: `no worker answered the progress query yet; check that a worker polls task queue '${ctx.taskQueue}'` };
    }
    case 'COMPLETED':
      return { ...base, state: 'completed', result: (await handle.result()) as TSyncResult };
    case 'FAILED':
      return { ...base, state: 'failed', error: await handle.result().then(() => 'failed', failureText) };
    case 'CANCELLED':
      return { ...base, state: 'cancelled' };
    case 'TERMINATED':
      return { ...base, state: 'terminated' };
    case 'TIMED_OUT':
      return { ...base, state: 'timed_out' };
    default:
      return { ...base, state: 'unknown' };
  }
});
