import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { tenantProcedure } from '../../procedures.js';

const ZRevokeApiKeyInputSchema = z.object({ keyId: z.string().min(1, 'keyId must not be empty').max(64) });

/** Revokes one of the tenant's keys at once; the next request with it answers UNAUTHORIZED. */
export const revokeApiKey = tenantProcedure.input(ZRevokeApiKeyInputSchema).mutation(async ({ ctx, input }) => {
  const revoked = await ctx.apiKeys.revoke(ctx.tenantId, input.keyId);
  if (!revoked) throw new TRPCError({ code: 'NOT_FOUND', message: `API key '${input.keyId}' does not exist in your tenant; list your keys with apiKeys.list` });
  return { keyId: input.keyId, revoked: true };
});
