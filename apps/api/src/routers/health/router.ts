import { router } from '../../trpc.js';
import { checkHealth } from './check-health.js';

export const healthRouter = router({ check: checkHealth });
