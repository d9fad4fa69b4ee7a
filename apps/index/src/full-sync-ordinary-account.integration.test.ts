import type { TSyncResult } from '@jira-sync/contracts';
import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import type { ConnectorScope } from '@jira-sync/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groundTruthMismatches, readableMismatches } from './ground-truth.test-support.js';
import { readableByStore, sliceOfStore } from './record-slice.test-support.js';
import { startSyncStack, type SyncStack } from './sync-stack.test-support.js';

describe('a full sync of the demo preset with an ordinary account (no Administer Jira, no Administer Projects)', () => {
  let sim: JiraSimulator;
  let stack: SyncStack;
  let scope: ConnectorScope;
  let result: TSyncResult;
  let visibleProjects: string[];

  beforeAll(async () => {
    sim = await startSimulator({ preset: 'demo', seed: 1, searchLagMs: 0 });
    stack = await startSyncStack();
    const user = sim.credentials.apiUser;
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    visibleProjects = truth.projects.filter((project) => project.acl.readers?.includes(user.accountId)).map((project) => project.key).sort();
    scope = await stack.addConnector('ordinary', { siteUrl: sim.sites[0]!.siteUrl, authMethod: 'api_token' }, { method: 'api_token', email: user.email, apiToken: user.apiToken });
    [result] = (await stack.sync([scope])) as [TSyncResult];
  }, 900_000);

  afterAll(async () => {
    await stack?.close();
    await sim?.stop();
  });

  it('syncs only the projects the account can browse, and says for each which Jira permission to grant', () => {
    // The account reads some issues but not all: otherwise "never more than it can see" would prove nothing.
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    const readable = truth.issues.filter((issue) => issue.acl.readers?.includes(sim.credentials.apiUser.accountId)).length;
    expect(readable).toBeGreaterThan(0);
    expect(readable).toBeLessThan(truth.issues.length);
    expect(result.projects.map((project) => project.projectKey).sort()).toEqual(visibleProjects);
    for (const project of result.projects) {
      expect(project.closedAcls).toBe(project.issues);
      expect(project.errors.join(' ')).toContain(`grant the syncing account Administer Projects on ${project.projectKey} (or Administer Jira)`);
      expect(result.diagnostics.join(' ')).toContain(`Administer Projects on ${project.projectKey}`);
    }
  });

  it('equals the ground truth of what the ordinary account can read: people, projects, issues, blocks, comments and attachments, nothing more', async () => {
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    const options = { accountId: sim.credentials.apiUser.accountId, rolesReadable: false, schemeUnreadable: new Set(visibleProjects) };
    expect(await groundTruthMismatches(await sliceOfStore(stack.store, stack.content, scope), truth, options)).toEqual([]);
  }, 300_000);

  it('stores every record whose ACL it cannot resolve readable by no one, for every active account', async () => {
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    const records = [
      ...(await stack.store.projects.find(scope)).map((row) => ['project', row.projectId, row.acl] as const),
      ...(await stack.store.issues.find(scope)).map((row) => ['issue', row.issueId, row.acl] as const),
      ...(await stack.store.comments.find(scope)).map((row) => ['comment', row.commentId, row.acl] as const),
      ...(await stack.store.attachments.find(scope)).map((row) => ['attachment', row.attachmentId, row.acl] as const),
    ];
    expect(records.length).toBeGreaterThan(10);
    expect(records.filter(([, , acl]) => acl.browse.length > 0 || !acl.unresolved).map(([kind, id]) => `${kind} ${id}`)).toEqual([]);
    const closed = new Set(records.map(([kind, id]) => `${kind}:${id}`));
    const { accounts, mismatches } = await readableMismatches(readableByStore(stack.store, scope), truth, sim.credentials.apiUser.accountId, closed);
    expect(accounts).toBeGreaterThan(5);
    expect(mismatches).toEqual([]);
    for (const user of truth.users) expect(await stack.store.readableBy(scope, user.accountId, 'project')).toEqual([]);
  }, 300_000);
});
