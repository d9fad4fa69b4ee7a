import { router } from '../trpc.js';
import { apiKeysRouter } from './api-keys/router.js';
import { configureRouter } from './configure/router.js';
import { connectorsRouter } from './connectors/router.js';
import { healthRouter } from './health/router.js';
import { oauthRouter } from './oauth/router.js';
import { recordsRouter } from './records/router.js';
import { syncRouter } from './sync/router.js';
import { tenantsRouter } from './tenants/router.js';

export const appRouter = router({
  health: healthRouter,
  tenants: tenantsRouter,
  apiKeys: apiKeysRouter,
  connectors: connectorsRouter,
  oauth: oauthRouter,
  configure: configureRouter,
  sync: syncRouter,
  records: recordsRouter,
});

export type AppRouter = typeof appRouter;
