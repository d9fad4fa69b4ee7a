import { RECORD_EVENT_TYPES, type TSyncResult } from '@jira-sync/contracts';
import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import { SyncStateRepository, type ConnectorScope } from '@jira-sync/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groundTruthMismatches } from './ground-truth.test-support.js';
import { sliceOfStore } from './record-slice.test-support.js';
import { startSyncStack, type SyncStack } from './sync-stack.test-support.js';

const ISSUE_BLOCK_TYPES: readonly string[] = [RECORD_EVENT_TYPES.issue, RECORD_EVENT_TYPES.comment, RECORD_EVENT_TYPES.attachment, RECORD_EVENT_TYPES.project];
const doc = (text: string) => ({ type: 'doc' as const, version: 1 as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** How many events of each issue-scoped type a slice of `publishedTypes` holds (users, groups and roles are re-read every run). */
function issueScoped(types: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const type of types) if (ISSUE_BLOCK_TYPES.includes(type)) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

describe('incremental syncs of the demo preset through Temporal, Kafka, the index app and the store (issue #9)', () => {
  let sim: JiraSimulator;
  let stack: SyncStack;
  let scope: ConnectorScope;
  let first: TSyncResult;

  beforeAll(async () => {
    sim = await startSimulator({ preset: 'demo', seed: 1, searchLagMs: 0 });
    stack = await startSyncStack();
    const admin = sim.credentials.admin;
    scope = await stack.addConnector('incr', { siteUrl: sim.sites[0]!.siteUrl, authMethod: 'api_token' }, { method: 'api_token', email: admin.email, apiToken: admin.apiToken });
    [first] = (await stack.sync([scope], 'auto')) as [TSyncResult];
  }, 900_000);

  afterAll(async () => {
    await stack?.close();
    await sim?.stop();
  });

  it('runs the first auto sync in full (no checkpoint yet) and saves a checkpoint per project', async () => {
    expect(first).toMatchObject({ status: 'completed', mode: 'full' });
    const checkpoints = await new SyncStateRepository(stack.db).listProjectCheckpoints(scope.tenantId, scope.connectorId);
    expect(checkpoints.map((checkpoint) => checkpoint.projectId).sort()).toEqual(first.projects.map((project) => project.projectId).sort());
    expect(checkpoints.every((checkpoint) => checkpoint.lastUpdatedMs > 0)).toBe(true);
  });

  it('after edits, an auto sync is incremental, republishes only the changed issues and leaves the store equal to the new ground truth', async () => {
    const cloudId = sim.sites[0]!.cloudId;
    const truth = sim.control.groundTruth(cloudId);
    const withComments = truth.issues.filter((issue) => truth.comments.filter((comment) => comment.issueId === issue.id && !comment.visibility).length >= 2);
    expect(withComments.length).toBeGreaterThanOrEqual(4);
    const [edited, commented, restricted, deleted] = withComments as [typeof truth.issues[number], typeof truth.issues[number], typeof truth.issues[number], typeof truth.issues[number]];
    const commentOf = (issueId: string) => truth.comments.find((comment) => comment.issueId === issueId && !comment.visibility)!;
    const secured = truth.issues.find((issue) => issue.securityLevelId)!;
    const unsecured = truth.issues.find((issue) => !issue.securityLevelId && issue.projectId === secured.projectId && ![edited, commented, restricted, deleted].includes(issue))!;
    // A group the syncing admin is in: the comment stays readable to it, and its ACL narrows to the group.
    const group = truth.groups.find((candidate) => candidate.memberAccountIds.includes(sim.credentials.admin.accountId) && candidate.memberAccountIds.length > 1)!;
    expect(group).toBeDefined();

    sim.control.issues.update(edited.id, { summary: 'Renamed by the incremental test' });
    sim.control.comments.add(commented.id, { body: doc('a new comment') });
    const restrictedComment = commentOf(restricted.id);
    sim.control.comments.update(restrictedComment.id, { visibility: { type: 'group', value: group.name, identifier: group.groupId } });
    const deletedComment = commentOf(deleted.id);
    sim.control.comments.delete(deletedComment.id);
    sim.control.issues.update(unsecured.id, { securityLevelId: secured.securityLevelId! });
    const changed = new Set([edited.id, commented.id, restricted.id, deleted.id, unsecured.id]);

    const before = stack.publishedTypes.length;
    const [second] = (await stack.sync([scope], 'auto')) as [TSyncResult];
    expect(second).toMatchObject({ status: 'completed', mode: 'incremental' });
    const sent = issueScoped(stack.publishedTypes.slice(before));
    // The query started at the checkpoints (minus the overlap): the changed issues, not every issue of the site again.
    expect(sent[RECORD_EVENT_TYPES.issue]).toBe(changed.size);
    expect(sent[RECORD_EVENT_TYPES.project]).toBeUndefined();

    const newTruth = sim.control.groundTruth(cloudId, { readers: true });
    const slice = await sliceOfStore(stack.store, stack.content, scope);
    expect(await groundTruthMismatches(slice, newTruth, { accountId: sim.credentials.admin.accountId })).toEqual([]);
    expect(slice.comments.find((comment) => comment.commentId === deletedComment.id)).toBeUndefined();
    expect(slice.issues.find((issue) => issue.issueId === edited.id)?.summary).toBe('Renamed by the incremental test');
    // Restricted to a group: the stored comment now carries a visibility layer it did not have.
    const narrowed = slice.comments.find((comment) => comment.commentId === restrictedComment.id);
    expect(narrowed?.acl.visibility.length).toBeGreaterThan(0);
  }, 900_000);

  it('publishes no issue, comment, attachment or project event on a second incremental with no changes', async () => {
    const before = stack.publishedTypes.length;
    const [third] = (await stack.sync([scope], 'auto')) as [TSyncResult];
    expect(third).toMatchObject({ status: 'completed', mode: 'incremental' });
    expect(issueScoped(stack.publishedTypes.slice(before))).toEqual({});
  }, 900_000);

  it('misses nothing when an update lands in the checkpoint\'s minute while search lags behind it: the next run after the lag finds it', async () => {
    const cloudId = sim.sites[0]!.cloudId;
    const syncState = new SyncStateRepository(stack.db);
    const truth = sim.control.groundTruth(cloudId);
    const target = truth.issues.find((issue) => !issue.securityLevelId)!;
    const checkpoint = (await syncState.getProjectCheckpoint(scope.tenantId, scope.connectorId, target.projectId))!;
    // The clock one millisecond after the checkpoint: the update's `updated` is in the checkpoint's minute, and search
    // serves the index as it was two minutes ago (less than the five-minute overlap).
    sim.control.clock.set(checkpoint.lastUpdatedMs + 1);
    sim.control.search.setLagShare(1);
    sim.control.search.setLagMs(120_000);
    sim.control.issues.update(target.id, { summary: 'Updated while search lags' });

    const [lagging] = (await stack.sync([scope], 'auto')) as [TSyncResult];
    expect(lagging).toMatchObject({ status: 'completed', mode: 'incremental' });
    const stale = await sliceOfStore(stack.store, stack.content, scope);
    expect(stale.issues.find((issue) => issue.issueId === target.id)?.summary).not.toBe('Updated while search lags');

    sim.control.clock.advance(121_000);
    const [caughtUp] = (await stack.sync([scope], 'auto')) as [TSyncResult];
    expect(caughtUp).toMatchObject({ status: 'completed', mode: 'incremental' });
    sim.control.search.setLagMs(0);
    const slice = await sliceOfStore(stack.store, stack.content, scope);
    expect(slice.issues.find((issue) => issue.issueId === target.id)?.summary).toBe('Updated while search lags');
    expect(await groundTruthMismatches(slice, sim.control.groundTruth(cloudId, { readers: true }), { accountId: sim.credentials.admin.accountId })).toEqual([]);
  }, 900_000);
});
