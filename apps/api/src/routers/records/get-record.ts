import { NOT_DELETED } from '@jira-sync/store';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { tenantProcedure } from '../../procedures.js';
import { ZIdSchema } from '../../schemas.js';
import { requireConnector } from '../connectors/connector-view.js';
import { collectionOf, RECORD_KINDS } from './record-query.js';

const ZGetRecordInputSchema = z.object({ connectorId: ZIdSchema, kind: z.enum(RECORD_KINDS), externalId: z.string().min(1).max(200) });

/** One stored record by its Jira id (an issue id, comment id, account id ...); a deleted record's tombstone is NOT_FOUND. */
export const getRecord = tenantProcedure.input(ZGetRecordInputSchema).query(async ({ ctx, input }) => {
  await requireConnector(ctx, input.connectorId);
  const record = await collectionOf(ctx, input.kind).findOne({ tenantId: ctx.tenantId, connectorId: input.connectorId, externalId: input.externalId, ...NOT_DELETED }, { projection: { _id: 0 } });
  if (!record) throw new TRPCError({ code: 'NOT_FOUND', message: `no ${input.kind} '${input.externalId}' is stored for connector '${input.connectorId}'; list them with records.list` });
  return record;
});
