import type { TSyncResult } from '@jira-sync/contracts';
import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import type { ConnectorScope } from '@jira-sync/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groundTruthMismatches, readableMismatches } from './ground-truth.test-support.js';
import { readableByStore, sliceOfStore } from './record-slice.test-support.js';
import { startSyncStack, type SyncStack } from './sync-stack.test-support.js';

describe('a full sync of the demo preset through Temporal, Kafka, the index app and the store', () => {
  let sim: JiraSimulator;
  let stack: SyncStack;
  let scope: ConnectorScope;
  let result: TSyncResult;

  beforeAll(async () => {
    sim = await startSimulator({ preset: 'demo', seed: 1, searchLagMs: 0 });
    stack = await startSyncStack();
    const admin = sim.credentials.admin;
    scope = await stack.addConnector('acme', { siteUrl: sim.sites[0]!.siteUrl, authMethod: 'api_token' }, { method: 'api_token', email: admin.email, apiToken: admin.apiToken });
    [result] = (await stack.sync([scope])) as [TSyncResult];
  }, 900_000);

  afterAll(async () => {
    await stack?.close();
    await sim?.stop();
  });

  it('completes every project with no fail-closed record', () => {
    expect(result.status).toBe('completed');
    expect(result.projects.map((project) => project.status)).toEqual(result.projects.map(() => 'completed'));
    expect(result.projects.reduce((sum, project) => sum + project.closedAcls, 0)).toBe(0);
  });

  it('equals the ground truth of everything the admin can read: people, projects, roles, issues, blocks, comments and attachments', async () => {
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    expect(await groundTruthMismatches(await sliceOfStore(stack.store, stack.content, scope), truth, { accountId: sim.credentials.admin.accountId })).toEqual([]);
  }, 300_000);

  it("answers 'records this account may read' with exactly the ground truth for every active account", async () => {
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    const { accounts, mismatches } = await readableMismatches(readableByStore(stack.store, scope), truth, sim.credentials.admin.accountId);
    expect(accounts).toBeGreaterThan(5);
    expect(mismatches).toEqual([]);
  }, 300_000);
});
