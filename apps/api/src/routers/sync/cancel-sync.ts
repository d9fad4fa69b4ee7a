import { tenantProcedure } from '../../procedures.js';
import { ZConnectorRefSchema } from '../../schemas.js';
import { requireConnector } from '../connectors/connector-view.js';
import { describeLatestRun } from './sync-runs.js';

/** Asks the running sync to stop (Temporal cancellation: activities stop at their next heartbeat). */
export const cancelSync = tenantProcedure.input(ZConnectorRefSchema).mutation(async ({ ctx, input }) => {
  await requireConnector(ctx, input.connectorId);
  const latest = await describeLatestRun(ctx, input.connectorId);
  if (latest?.status.name !== 'RUNNING') return { cancelled: false, reason: 'no sync of this connector is running' };
  await ctx.temporal.workflow.getHandle(latest.workflowId, latest.runId).cancel();
  return { cancelled: true, runId: latest.runId };
});
