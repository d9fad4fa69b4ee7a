import { Context } from '@temporalio/activity';
import type { TGroupRecord } from '@jira-sync/contracts';
import type { TGroup } from '@jira-sync/jira-client';
import { openRunConnector, RUN_READS } from '../projects/run-access.js';
import type { TActivityDeps } from './activity-deps.js';
import { EventBatcher } from './publish-in-batches.js';
import { recordEvent } from './record-events.js';
import type { TSyncStepInput } from './sync-context.js';
import { mapFailures } from './to-application-failure.js';

/** Step 2: every group with all its members (inactive included: activity is the user record's to say). */
export function createSyncGroups(deps: TActivityDeps) {
  return async function syncGroups(input: TSyncStepInput): Promise<{ groups: number; memberships: number }> {
    return mapFailures(async () => {
      const { client } = await openRunConnector(deps, input);
      const batcher = new EventBatcher(deps.recordPublisher);
      let groups = 0;
      let memberships = 0;
      const listed: TGroup[] = [];
      for await (const group of client.groups()) {
        listed.push(group);
        const members: string[] = [];
        for await (const member of client.groupMembers(group.groupId, { includeInactiveUsers: true })) members.push(member.accountId);
        const record: TGroupRecord = { groupId: group.groupId, name: group.name, memberAccountIds: [...new Set(members)].sort() };
        await batcher.add(recordEvent(input, 'group', record.groupId, record, { indexable: true, now: deps.now() }));
        groups += 1;
        memberships += record.memberAccountIds.length;
        Context.current().heartbeat({ groups });
      }
      await batcher.flush();
      // The project steps of this run index groups by name: they take this listing instead of paging it again.
      deps.runCache?.offer(input, RUN_READS.groups, listed);
      return { groups, memberships };
    });
  };
}
