import { createHash } from 'node:crypto';
import { SEARCH_ATTRIBUTE_NAMES, syncWorkflowId, type TConnectorConfig, type TSyncMode } from '@jira-sync/contracts';
import { SEARCH_ATTRIBUTE_KEYS, searchAttributesFor } from '@jira-sync/temporal';
import { syncConnectorWorkflow } from '@jira-sync/workflows';
import { WorkflowNotFoundError, type WorkflowExecutionDescription, type WorkflowExecutionInfo } from '@temporalio/client';
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

async function describeOrUndefined(ctx: TenantContext, workflowId: string, runId?: string): Promise<WorkflowExecutionDescription | undefined> {
  try {
    return await ctx.temporal.workflow.getHandle(workflowId, runId).describe();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return undefined;
    throw error;
  }
}

/** The visibility query for every run of the connector's sync, started by the api or by its schedule. */
export function syncRunsQuery(tenantId: string, connectorId: string): string {
  // Both ids match [a-z0-9-], so they are safe inside the quoted visibility query.
  return [`WorkflowType = '${syncConnectorWorkflow.name}'`, `${SEARCH_ATTRIBUTE_NAMES.tenantId} = '${tenantId}'`, `${SEARCH_ATTRIBUTE_NAMES.connectorId} = '${connectorId}'`].join(' AND ');
}

type TRunOrder = Pick<WorkflowExecutionInfo, 'workflowId' | 'runId' | 'status' | 'startTime'>;

/** Open runs first, then by start time, newest first. */
function newerFirst(a: TRunOrder, b: TRunOrder): number {
  const open = Number(b.status.name === 'RUNNING') - Number(a.status.name === 'RUNNING');
  return open !== 0 ? open : b.startTime.getTime() - a.startTime.getTime();
}

/**
 * The latest run of the connector's sync, or undefined when it never ran. Runs a Temporal Schedule starts carry a
 * time suffix on the workflow id, so they are found by their TenantId/ConnectorId search attributes; the api's own
 * id is also described directly, because visibility lags a run that just started.
 */
export async function describeLatestRun(ctx: TenantContext, connectorId: string): Promise<WorkflowExecutionDescription | undefined> {
  const [direct, listed] = await Promise.all([describeOrUndefined(ctx, syncWorkflowId(ctx.tenantId, connectorId)), listRuns(ctx, connectorId, 20)]);
  const candidates: TRunOrder[] = [...(direct ? [direct] : []), ...listed].sort(newerFirst);
  const latest = candidates[0];
  if (!latest || latest.runId === direct?.runId) return direct;
  return (await describeOrUndefined(ctx, latest.workflowId, latest.runId)) ?? direct;
}

/** Up to `limit` runs of the connector's sync from the visibility store, open ones first, then newest first. */
export async function listRuns(ctx: TenantContext, connectorId: string, limit: number): Promise<WorkflowExecutionInfo[]> {
  const runs: WorkflowExecutionInfo[] = [];
  for await (const execution of ctx.temporal.workflow.list({ query: syncRunsQuery(ctx.tenantId, connectorId), pageSize: Math.min(limit, 100) })) {
    runs.push(execution);
    if (runs.length >= limit) break;
  }
  return runs.sort(newerFirst);
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
  if (running && latest.workflowId !== workflowId) {
    // A run the schedule started (its id carries a time suffix): attach to it rather than sync twice at once.
    const mode = (latest.typedSearchAttributes.get(SEARCH_ATTRIBUTE_KEYS.syncMode) as TSyncMode | undefined) ?? 'incremental';
    return { workflowId: latest.workflowId, runId: latest.runId, mode, attached: true, temporalUiUrl: temporalUiLink(ctx, latest.workflowId, latest.runId) };
  }
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
