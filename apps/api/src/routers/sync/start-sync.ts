import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { tenantProcedure } from '../../procedures.js';
import { ZIdSchema } from '../../schemas.js';
import { requireConnector } from '../connectors/connector-view.js';
import { startOrAttach } from './sync-runs.js';

const ZStartSyncInputSchema = z.object({ connectorId: ZIdSchema, mode: z.enum(['auto', 'full']).default('auto') });

/**
 * Starts a sync now (auto: incremental when nothing changed since a completed run; full on request). An OAuth connector
 * still waiting for its consent is refused here, with what to do, rather than started into a run that fails at its
 * first Jira call.
 */
export const startSync = tenantProcedure.input(ZStartSyncInputSchema).mutation(async ({ ctx, input }) => {
  const config = await requireConnector(ctx, input.connectorId);
  if (config.authMethod === 'oauth' && config.authStatus === 'needs_authorization') {
    throw new TRPCError({
      code: 'PRECONDITION_FAILED',
      message: `connector '${config.connectorId}' needs authorization before it can sync: call oauth.start({ connectorId: '${config.connectorId}' }) and finish the consent in a browser`,
    });
  }
  return startOrAttach(ctx, config, input.mode);
});
