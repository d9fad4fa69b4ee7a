import { z } from 'zod';
import { tenantProcedure } from '../../procedures.js';

const ZIssueApiKeyInputSchema = z.object({ name: z.string().trim().min(1, 'name must not be empty').max(200) });

/** Issues another key for the caller's tenant; the key is shown in this answer only (it is stored hashed). */
export const issueApiKey = tenantProcedure.input(ZIssueApiKeyInputSchema).mutation(({ ctx, input }) => ctx.apiKeys.issue(ctx.tenantId, input.name));
