import { router } from '../../trpc.js';
import { createTenant } from './create-tenant.js';

export const tenantsRouter = router({ create: createTenant });
