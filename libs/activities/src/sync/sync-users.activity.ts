import { Context } from '@temporalio/activity';
import { toUserRecord } from '../directory/map-directory.js';
import { openRunConnector } from '../projects/run-access.js';
import type { TActivityDeps } from './activity-deps.js';
import { EventBatcher } from './publish-in-batches.js';
import { recordEvent } from './record-events.js';
import type { TSyncStepInput } from './sync-context.js';
import { mapFailures } from './to-application-failure.js';

export interface TSyncUsersResult {
  users: number;
  active: number;
  /** Accounts whose email Jira hides from the syncing account (profile or organisation privacy). */
  hiddenEmails: number;
}

/** Step 1: every account of the site (active, inactive, apps, customers) as user records. */
export function createSyncUsers(deps: TActivityDeps) {
  return async function syncUsers(input: TSyncStepInput): Promise<TSyncUsersResult> {
    return mapFailures(async () => {
      const { client } = await openRunConnector(deps, input);
      const batcher = new EventBatcher(deps.recordPublisher);
      const result: TSyncUsersResult = { users: 0, active: 0, hiddenEmails: 0 };
      for await (const user of client.users({ pageSize: 1000 })) {
        const record = toUserRecord(user);
        result.users += 1;
        if (record.active) result.active += 1;
        if (!record.email && record.accountType === 'atlassian') result.hiddenEmails += 1;
        await batcher.add(recordEvent(input, 'user', record.accountId, record, { indexable: true, now: deps.now() }));
        if (result.users % 500 === 0) Context.current().heartbeat({ users: result.users });
      }
      await batcher.flush();
      return result;
    });
  };
}
