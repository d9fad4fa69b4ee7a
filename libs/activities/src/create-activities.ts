import type { TActivityDeps } from './sync/activity-deps.js';
import { createCountProjectIssues } from './sync/count-project-issues.activity.js';
import { createListProjects } from './sync/list-projects.activity.js';
import { createReadAuditDeletions } from './sync/read-audit-deletions.activity.js';
import { createReconcileDeletions } from './sync/reconcile-deletions.activity.js';
import { createPlanSync, createSaveProjectCheckpoint, createSaveSyncState } from './sync/sync-checkpoint.activity.js';
import { createSyncGroups } from './sync/sync-groups.activity.js';
import { createSyncProjectIssues } from './sync/sync-project-issues.activity.js';
import { createSyncProjectRoles } from './sync/sync-project-roles.activity.js';
import { createSyncUsers } from './sync/sync-users.activity.js';
import { SyncRunCache } from './sync/site-cache.js';

export type ActivityDeps = Partial<TActivityDeps> & Pick<TActivityDeps, 'now'>;

function requireSyncDeps(deps: ActivityDeps): TActivityDeps {
  const { openConnector, recordPublisher } = deps;
  const missing = () => {
    throw new Error('the worker was started without the sync dependencies (openConnector, recordPublisher)');
  };
  return {
    openConnector: openConnector ?? missing,
    recordPublisher: recordPublisher ?? { publish: missing },
    ...(deps.attachments ? { attachments: deps.attachments } : {}),
    now: deps.now,
    runCache: deps.runCache ?? new SyncRunCache(),
    ...(deps.syncState ? { syncState: deps.syncState } : {}),
    ...(deps.storedRecords ? { storedRecords: deps.storedRecords } : {}),
    ...(deps.contentConcurrency ? { contentConcurrency: deps.contentConcurrency } : {}),
  };
}

/** Builds every activity of jira-sync from its dependencies; the worker registers the result as is. */
export function createActivities(deps: ActivityDeps) {
  const sync = requireSyncDeps(deps);
  return {
    syncUsers: createSyncUsers(sync),
    syncGroups: createSyncGroups(sync),
    listProjects: createListProjects(sync),
    syncProjectRoles: createSyncProjectRoles(sync),
    syncProjectIssues: createSyncProjectIssues(sync),
    countProjectIssues: createCountProjectIssues(sync),
    planSync: createPlanSync(sync),
    saveProjectCheckpoint: createSaveProjectCheckpoint(sync),
    saveSyncState: createSaveSyncState(sync),
    readAuditDeletions: createReadAuditDeletions(sync),
    reconcileDeletions: createReconcileDeletions(sync),
  };
}

/** The activity interface workflows proxy (import it as a type only). */
export type Activities = ReturnType<typeof createActivities>;
