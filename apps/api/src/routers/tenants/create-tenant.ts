import { z } from 'zod';
import { mapErrors } from '../../errors.js';
import { adminProcedure } from '../../procedures.js';
import { ZIdSchema } from '../../schemas.js';

const ZCreateTenantInputSchema = z.object({
  tenantId: ZIdSchema,
  name: z.string().trim().min(1, 'name must not be empty').max(200),
});

/** Creates a tenant and its first API key (administrator only); the key is in this answer and nowhere else. */
export const createTenant = adminProcedure.input(ZCreateTenantInputSchema).mutation(({ ctx, input }) =>
  mapErrors(async () => {
    const tenant = await ctx.tenants.create(input.tenantId, input.name);
    const apiKey = await ctx.apiKeys.issue(tenant.tenantId, 'initial');
    return { tenant, apiKey };
  }),
);
