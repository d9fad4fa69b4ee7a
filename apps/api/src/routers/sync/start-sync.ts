import { z } from 'zod';
import { tenantProcedure } from '../../procedures.js';
import { ZIdSchema } from '../../schemas.js';
import { requireConnector } from '../connectors/connector-view.js';
import { startOrAttach } from './sync-runs.js';

const ZStartSyncInputSchema = z.object({ connectorId: ZIdSchema, mode: z.enum(['auto', 'full']).default('auto') });

/** Starts a sync now (auto: incremental when nothing changed since a completed run; full on request). */
export const startSync = tenantProcedure.input(ZStartSyncInputSchema).mutation(async ({ ctx, input }) => {
  const config = await requireConnector(ctx, input.connectorId);
  return startOrAttach(ctx, config, input.mode);
});
