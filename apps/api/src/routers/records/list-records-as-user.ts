import { NOT_DELETED, principalsOf, readableFilter } from '@jira-sync/store';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { tenantProcedure } from '../../procedures.js';
import { requireConnector } from '../connectors/connector-view.js';
import { collectionOf, pageOf, ZPageSchema } from './record-query.js';

const ZAsUserInputSchema = ZPageSchema.extend({
  kind: z.enum(['issue', 'comment', 'attachment', 'project']).default('issue'),
  accountId: z.string().min(1).max(128).optional(),
  email: z.email('must be an email address').optional(),
}).refine((input) => (input.accountId === undefined) !== (input.email === undefined), { message: 'give exactly one of accountId or email', path: ['accountId'] });

/** The records one Jira account may read (every ACL layer admits it); an inactive or unknown account reads nothing. */
export const listRecordsAsUser = tenantProcedure.input(ZAsUserInputSchema).query(async ({ ctx, input }) => {
  await requireConnector(ctx, input.connectorId);
  const scope = { tenantId: ctx.tenantId, connectorId: input.connectorId };
  let accountId = input.accountId;
  if (accountId === undefined) {
    const user = await ctx.records.users.raw.findOne({ ...scope, ...NOT_DELETED, email: { $regex: `^${escapeRegex(input.email ?? '')}$`, $options: 'i' } }, { projection: { accountId: 1 } });
    if (!user) {
      throw new TRPCError({
        code: 'NOT_FOUND',
        message: `no synced account has the email '${input.email}'; accounts that hide their email cannot be matched by it (see the connector's diagnostics), so ask by accountId`,
      });
    }
    accountId = String(user['accountId']);
  }
  const principals = await principalsOf(ctx.records, scope, accountId);
  if (principals.length === 0) return { accountId, items: [], nextCursor: undefined };
  const page = await pageOf(collectionOf(ctx, input.kind), readableFilter(scope, principals), input.cursor, input.limit);
  return { accountId, ...page };
});

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
