import { syncWorkflowId, type TSyncResult } from '@jira-sync/contracts';
import { SEARCH_ATTRIBUTE_KEYS } from '@jira-sync/temporal';
import { z } from 'zod';
import { tenantProcedure } from '../../procedures.js';
import { ZIdSchema } from '../../schemas.js';
import { requireConnector } from '../connectors/connector-view.js';
import { listRuns, temporalUiLink } from './sync-runs.js';

const ZListSyncHistoryInputSchema = z.object({ connectorId: ZIdSchema, limit: z.number().int().min(1).max(50).default(10) });

/**
 * Past and current runs of a connector's sync (started by sync.start or by its schedule), open ones first, then newest
 * first, found by the TenantId/ConnectorId search attributes.
 */
export const listSyncHistory = tenantProcedure.input(ZListSyncHistoryInputSchema).query(async ({ ctx, input }) => {
  await requireConnector(ctx, input.connectorId);
  const runs = [];
  for (const execution of await listRuns(ctx, input.connectorId, input.limit)) {
    let outcome: Pick<TSyncResult, 'status' | 'projects' | 'diagnostics'> | undefined;
    if (execution.status.name === 'COMPLETED') {
      const result = (await ctx.temporal.workflow.getHandle(execution.workflowId, execution.runId).result()) as TSyncResult;
      outcome = { status: result.status, projects: result.projects, diagnostics: result.diagnostics };
    }
    runs.push({
      workflowId: execution.workflowId,
      runId: execution.runId,
      /** A schedule's runs carry a time suffix on the connector's workflow id. */
      startedBy: execution.workflowId === syncWorkflowId(ctx.tenantId, input.connectorId) ? ('api' as const) : ('schedule' as const),
      workflowStatus: execution.status.name,
      syncStatus: execution.typedSearchAttributes.get(SEARCH_ATTRIBUTE_KEYS.syncStatus),
      mode: execution.typedSearchAttributes.get(SEARCH_ATTRIBUTE_KEYS.syncMode),
      startedAt: execution.startTime,
      closedAt: execution.closeTime,
      projects: outcome?.projects.map(({ projectKey, status, issues, comments, attachments, closedAcls }) => ({ projectKey, status, issues, comments, attachments, closedAcls })),
      diagnostics: outcome?.diagnostics,
      temporalUiUrl: temporalUiLink(ctx, execution.workflowId, execution.runId),
    });
  }
  return runs;
});
