import { router } from '../../trpc.js';
import { runSmoke } from './run-smoke.js';

export const smokeRouter = router({ run: runSmoke });
