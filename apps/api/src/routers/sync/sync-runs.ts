import { createHash } from 'node:crypto';
import { syncWorkflowId, type TConnectorConfig, type TSyncMode } from '@jira-sync/contracts';
import { SEARCH_ATTRIBUTE_KEYS, searchAttributesFor } from '@jira-sync/temporal';
import { syncConnectorWorkflow } from '@jira-sync/workflows';
import { WorkflowNotFoundError, type WorkflowExecutionDescription } from '@temporalio/client';
import type { ApiContext } from '../../context.js';

type TenantContext = ApiContext & { tenantId: string };

/** A fingerprint of the sync filters, kept in the run's memo: a different one means the next sync must be full. */
export function filtersHashOf(config: TConnectorConfig): string {
  return createHash('sha256').update(JSON.stringify(config.syncFilters)).digest('hex').slice(0, 16);
}

export function temporalUiLink(ctx: ApiContext, workflowId: string, runId?: string): string {
  const base = `${ctx.temporalUiUrl}/namespaces/${encodeURIComponent(ctx.namespace)}/workflows/${encodeURIComponent(workflowId)}`;
  return runId ? `${base}/${encodeURIComponent(runId)}` : base;
}

/** The latest run of the connector's sync, or undefined when it never ran. */
export async function describeLatestRun(ctx: TenantContext, connectorId: string): Promise<WorkflowExecutionDescription | undefined> {
  try {
    return await ctx.temporal.workflow.getHandle(syncWorkflowId(ctx.tenantId, connectorId)).describe();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return undefined;
    throw error;
  }
}

/**
 * `auto` is incremental after a completed run with the same sync filters, full otherwise (first run, filters
 * changed, or the last run did not complete).
 */
export function chooseMode(requested: 'auto' | 'full', config: TConnectorConfig, latest: WorkflowExecutionDescription | undefined): TSyncMode {
  if (requested === 'full' || !latest || latest.status.name !== 'COMPLETED') return 'full';
  return latest.memo?.['filtersHash'] === filtersHashOf(config) ? 'incremental' : 'full';
}

/** Starts the connector's sync, or attaches to the one already running under the same workflow id. */
export async function startOrAttach(ctx: TenantContext, config: TConnectorConfig, requested: 'auto' | 'full') {
  const workflowId = syncWorkflowId(ctx.tenantId, config.connectorId);
  const latest = await describeLatestRun(ctx, config.connectorId);
  const running = latest?.status.name === 'RUNNING';
  const mode: TSyncMode = running ? ((latest.typedSearchAttributes.get(SEARCH_ATTRIBUTE_KEYS.syncMode) as TSyncMode | undefined) ?? 'full') : chooseMode(requested, config, latest);
  const handle = await ctx.temporal.workflow.start(syncConnectorWorkflow, {
    taskQueue: ctx.taskQueue,
    workflowId,
    args: [{ tenantId: ctx.tenantId, connectorId: config.connectorId, mode }],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    typedSearchAttributes: [...searchAttributesFor(ctx.tenantId, config.connectorId, mode), { key: SEARCH_ATTRIBUTE_KEYS.syncStatus, value: 'running' }],
    memo: { siteUrl: config.siteUrl, filtersHash: filtersHashOf(config) },
  });
  const runId = handle.firstExecutionRunId;
  return { workflowId, runId, mode, attached: running && latest.runId === runId, temporalUiUrl: temporalUiLink(ctx, workflowId, runId) };
}

/** Stops a running sync (terminate: nothing of it must continue); false when none was running. */
export async function terminateIfRunning(ctx: TenantContext, connectorId: string, reason: string): Promise<boolean> {
  const latest = await describeLatestRun(ctx, connectorId);
  if (latest?.status.name !== 'RUNNING') return false;
  await ctx.temporal.workflow.getHandle(latest.workflowId, latest.runId).terminate(reason);
  return true;
}
