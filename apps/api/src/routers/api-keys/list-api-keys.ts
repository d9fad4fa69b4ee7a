import { tenantProcedure } from '../../procedures.js';

/** The caller's tenant's keys: ids, names and dates, never a key or its hash. */
export const listApiKeys = tenantProcedure.query(({ ctx }) => ctx.apiKeys.list(ctx.tenantId));
