import { router } from '../trpc.js';
import { healthRouter } from './health/router.js';
import { smokeRouter } from './smoke/router.js';

export const appRouter = router({
  health: healthRouter,
  smoke: smokeRouter,
});

export type AppRouter = typeof appRouter;
