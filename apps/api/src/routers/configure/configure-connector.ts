import { ZIndexingFiltersSchema, ZSyncFiltersSchema } from '@jira-sync/contracts';
import { z } from 'zod';
import { mapErrors } from '../../errors.js';
import { tenantProcedure } from '../../procedures.js';
import { ZIdSchema } from '../../schemas.js';
import { connectorView, requireConnector } from '../connectors/connector-view.js';
import { chooseMode, describeLatestRun } from '../sync/sync-runs.js';
import { pauseSchedule, upsertSchedule } from '../sync/sync-schedule.js';
import { reevaluateIndexing, type TIndexingReevaluation } from './reevaluate-indexing.js';

const ZConfigureInputSchema = z.object({
  connectorId: ZIdSchema,
  strategy: z.enum(['manual', 'scheduled']),
  intervalMinutes: z.number().int().min(5, 'sync at most every 5 minutes').max(7 * 24 * 60, 'sync at least once a week').default(60),
  syncFilters: ZSyncFiltersSchema.optional(),
  indexingFilters: ZIndexingFiltersSchema.optional(),
});

/**
 * Saves the sync strategy and filters. Scheduled syncs are a Temporal Schedule (created or updated here, paused for
 * manual); the answer says whether the next sync will be full (sync filters changed, or no completed run) or
 * incremental. Changed indexing filters re-mark the stored records at once (a store update, no Jira call).
 */
export const configureConnector = tenantProcedure.input(ZConfigureInputSchema).mutation(({ ctx, input }) =>
  mapErrors(async () => {
    const before = await requireConnector(ctx, input.connectorId);
    const patch = { ...(input.syncFilters ? { syncFilters: input.syncFilters } : {}), ...(input.indexingFilters ? { indexingFilters: input.indexingFilters } : {}) };
    const config = await ctx.connectors.updateConfig(ctx.tenantId, input.connectorId, patch);
    const indexing = await reevaluateIndexing(ctx.records, { tenantId: ctx.tenantId, connectorId: input.connectorId }, before.indexingFilters, config.indexingFilters);
    if (input.strategy === 'scheduled') await upsertSchedule(ctx, config, input.intervalMinutes);
    else await pauseSchedule(ctx, input.connectorId);
    const nextSync = chooseMode('auto', config, await describeLatestRun(ctx, input.connectorId));
    return {
      connector: connectorView(config),
      strategy: input.strategy,
      intervalMinutes: input.strategy === 'scheduled' ? input.intervalMinutes : undefined,
      nextSync,
      indexing: { ...indexing, message: indexingMessage(indexing, nextSync) },
    };
  }),
);

function indexingMessage(indexing: TIndexingReevaluation, nextSync: string): string {
  if (!indexing.changed) return 'indexing filters unchanged';
  const { issues, comments, attachments } = indexing.remarked;
  const remarked = `re-evaluated the indexing marks of the stored records without calling Jira: ${issues} issues, ${comments} comments and ${attachments} attachments changed`;
  return nextSync === 'full' ? `${remarked}; the next sync is full anyway` : `${remarked}; the next sync stays incremental`;
}
