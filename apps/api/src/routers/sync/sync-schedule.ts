import { syncWorkflowId, type TConnectorConfig, type TSyncConnectorInput } from '@jira-sync/contracts';
import { SEARCH_ATTRIBUTE_KEYS, searchAttributesFor } from '@jira-sync/temporal';
import { syncConnectorWorkflow } from '@jira-sync/workflows';
import { ScheduleNotFoundError, type ScheduleDescription } from '@temporalio/client';
import type { ApiContext } from '../../context.js';
import { filtersHashOf } from './sync-runs.js';

type TenantContext = ApiContext & { tenantId: string };

/** The id of a connector's Temporal Schedule, readable in the Temporal UI. */
export function syncScheduleId(tenantId: string, connectorId: string): string {
  return ['sync-schedule', tenantId, connectorId].map(encodeURIComponent).join(':');
}

export async function describeSchedule(ctx: TenantContext, connectorId: string): Promise<ScheduleDescription | undefined> {
  try {
    return await ctx.temporal.schedule.getHandle(syncScheduleId(ctx.tenantId, connectorId)).describe();
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) return undefined;
    throw error;
  }
}

function actionOf(ctx: TenantContext, config: TConnectorConfig) {
  return {
    type: 'startWorkflow' as const,
    workflowType: syncConnectorWorkflow,
    workflowId: syncWorkflowId(ctx.tenantId, config.connectorId),
    taskQueue: ctx.taskQueue,
    args: [{ tenantId: ctx.tenantId, connectorId: config.connectorId, mode: 'incremental' as const }] as [TSyncConnectorInput],
    typedSearchAttributes: [...searchAttributesFor(ctx.tenantId, config.connectorId, 'incremental'), { key: SEARCH_ATTRIBUTE_KEYS.syncStatus, value: 'running' }],
    memo: { siteUrl: config.siteUrl, filtersHash: filtersHashOf(config) },
  };
}

/** Creates or updates the connector's schedule (every `intervalMinutes`, a run skipped while one runs) and unpauses it. */
export async function upsertSchedule(ctx: TenantContext, config: TConnectorConfig, intervalMinutes: number): Promise<void> {
  const scheduleId = syncScheduleId(ctx.tenantId, config.connectorId);
  const spec = { intervals: [{ every: `${intervalMinutes} minutes` as const }] };
  const existing = await describeSchedule(ctx, config.connectorId);
  if (!existing) {
    await ctx.temporal.schedule.create({ scheduleId, spec, action: actionOf(ctx, config), policies: { overlap: 'SKIP' }, memo: { siteUrl: config.siteUrl } });
    return;
  }
  const handle = ctx.temporal.schedule.getHandle(scheduleId);
  await handle.update((previous) => ({ ...previous, spec, action: actionOf(ctx, config), state: { ...previous.state, paused: false } }));
}

/** Pauses the schedule (manual strategy): it stays visible in the Temporal UI but starts nothing. */
export async function pauseSchedule(ctx: TenantContext, connectorId: string): Promise<boolean> {
  const existing = await describeSchedule(ctx, connectorId);
  if (!existing) return false;
  if (!existing.state.paused) await ctx.temporal.schedule.getHandle(existing.scheduleId).pause('sync strategy set to manual');
  return true;
}

export async function deleteSchedule(ctx: TenantContext, connectorId: string): Promise<boolean> {
  const existing = await describeSchedule(ctx, connectorId);
  if (!existing) return false;
  await ctx.temporal.schedule.getHandle(existing.scheduleId).delete();
  return true;
}
