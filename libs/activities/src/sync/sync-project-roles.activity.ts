import { openRunAccess } from '../projects/run-access.js';
import { roleExternalId, toLeadRoleRecord, toRoleRecord } from '../directory/map-directory.js';
import type { TActivityDeps } from './activity-deps.js';
import { EventBatcher } from './publish-in-batches.js';
import { recordEvent } from './record-events.js';
import type { TSyncStepInput } from './sync-context.js';
import { mapFailures } from './to-application-failure.js';

/** Steps 4 and 5: a project's roles with their actors, and its lead as a one-member role. */
export function createSyncProjectRoles(deps: TActivityDeps) {
  return async function syncProjectRoles(input: TSyncStepInput & { projectId: string; projectKey: string }): Promise<{ roles: number; problems: string[] }> {
    return mapFailures(async () => {
      const run = await openRunAccess(deps, input);
      const site = await run.site();
      const loaded = await run.project({ id: input.projectId, key: input.projectKey });
      const batcher = new EventBatcher(deps.recordPublisher);
      const roles = loaded.roles.map((role) => toRoleRecord(input.projectId, role, site.groupIdByName));
      const details = await run.details(input.projectKey);
      roles.push(toLeadRoleRecord(input.projectId, (details as { lead?: { accountId?: string } } | undefined)?.lead?.accountId));
      for (const role of roles) await batcher.add(recordEvent(input, 'role', roleExternalId(role), role, { indexable: false, now: deps.now() }));
      await batcher.flush();
      return { roles: roles.length, problems: loaded.problems };
    });
  };
}
