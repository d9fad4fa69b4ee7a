import { router } from '../../trpc.js';
import { cancelSync } from './cancel-sync.js';
import { getSyncStatus } from './get-sync-status.js';
import { listSyncHistory } from './list-sync-history.js';
import { startSync } from './start-sync.js';

export const syncRouter = router({ start: startSync, status: getSyncStatus, cancel: cancelSync, history: listSyncHistory });
