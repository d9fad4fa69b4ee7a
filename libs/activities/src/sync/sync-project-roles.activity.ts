import { loadProjectAccess, loadSiteAccess } from '../projects/load-project-access.js';
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
      const { client } = await deps.openConnector(input.tenantId, input.connectorId);
      const groups: Array<{ groupId: string; name: string }> = [];
      for await (const group of client.groups()) groups.push(group);
      const site = await loadSiteAccess(client, groups);
      const loaded = await loadProjectAccess(client, { id: input.projectId, key: input.projectKey }, site);
      const batcher = new EventBatcher(deps.recordPublisher);
      const roles = loaded.roles.map((role) => toRoleRecord(input.projectId, role, site.groupIdByName));
      let lead: string | undefined;
      for await (const project of client.projects({ keys: [input.projectKey], expand: ['lead'] })) {
        lead = (project as { lead?: { accountId?: string } }).lead?.accountId;
      }
      roles.push(toLeadRoleRecord(input.projectId, lead));
      for (const role of roles) await batcher.add(recordEvent(input, 'role', roleExternalId(role), role, { indexable: false, now: deps.now() }));
      await batcher.flush();
      return { roles: roles.length, problems: loaded.problems };
    });
  };
}
