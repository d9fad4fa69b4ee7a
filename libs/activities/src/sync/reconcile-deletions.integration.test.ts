import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import { createApiTokenClient } from '@jira-sync/jira-client';
import { RECORD_EVENT_TYPES, ZConnectorConfigSchema, revisionOf, type TRecordEvent, type TRecordEventOf, type TSyncFilters } from '@jira-sync/contracts';
import type { StoredRef } from '@jira-sync/store';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createActivities } from '../create-activities.js';
import type { TStoredRecordsPort } from './activity-deps.js';
import type { TReadAuditDeletionsResult } from './read-audit-deletions.activity.js';
import type { TReconcileDeletionsResult } from './reconcile-deletions.activity.js';

const scope = { tenantId: 'acme', connectorId: 'jira' };
const step = { ...scope, generation: 2_000, syncRunId: 'run-deletions' };

interface Stored {
  issues: Array<StoredRef & { projectId: string }>;
  roles: Array<StoredRef & { projectId: string }>;
  projects: Array<StoredRef & { projectId: string }>;
}

/** The store as a finished sync left it, held in memory: what the port reads, nothing else. */
function storePort(stored: Stored): TStoredRecordsPort {
  async function* each(rows: StoredRef[]) {
    yield* rows;
  }
  return {
    liveIssues: () => each(stored.issues),
    rolesOfProject: (_scope, projectId) => each(stored.roles.filter((role) => role.projectId === projectId)),
    project: async (_scope, projectId) => stored.projects.find((project) => project.projectId === projectId),
    projectIds: async (_scope, options) => [...new Set([...stored.projects, ...stored.roles, ...(options?.issues === false ? [] : stored.issues)].map((row) => row.projectId))].sort(),
    issuesByIds: async (_scope, ids) => stored.issues.filter((issue) => ids.includes(issue.externalId)),
  };
}

function deletions(published: TRecordEvent[]): Array<TRecordEventOf<'deleted'>['data']> {
  return published.filter((event): event is TRecordEventOf<'deleted'> => event.type === RECORD_EVENT_TYPES.deleted).map((event) => event.data);
}

describe('the deletion step against jira-sim (demo preset)', () => {
  let sim: JiraSimulator | undefined;
  afterEach(async () => {
    await sim?.stop();
    sim = undefined;
  });

  async function setUp(options: { as: 'apiUser' | 'admin'; projects?: TSyncFilters['projects']; auditIssueDeletes?: boolean }) {
    sim = await startSimulator({ preset: 'demo', seed: 1, searchLagMs: 0, switches: { auditIssueDeletes: options.auditIssueDeletes ?? false } });
    const site = sim.sites[0]!;
    const credential = sim.credentials[options.as];
    const config = ZConnectorConfigSchema.parse({ ...scope, siteUrl: site.siteUrl, authMethod: 'api_token', syncFilters: options.projects ? { projects: options.projects } : {} });
    const truth = sim.control.groundTruth(site.cloudId, { readers: true });
    // What a sync of this account stored: every issue it can read, each project's record and a role.
    const visible = truth.issues.filter((issue) => issue.acl.readers?.includes(credential.accountId));
    const stored: Stored = {
      issues: visible.map((issue) => ({ externalId: issue.id, revision: revisionOf(issue.updated, 1_000), projectId: issue.projectId })),
      roles: truth.projects.map((project) => ({ externalId: `${project.id}:10002`, revision: revisionOf(0, 1_000), projectId: project.id })),
      projects: truth.projects.map((project) => ({ externalId: project.id, revision: revisionOf(1, 1_000), projectId: project.id })),
    };
    const published: TRecordEvent[] = [];
    const keys: string[] = [];
    const activities = createActivities({
      now: () => new Date(),
      openConnector: async () => ({ config, client: createApiTokenClient({ siteUrl: site.siteUrl, email: credential.email, apiToken: credential.apiToken, allowInsecureLoopback: true }) }),
      recordPublisher: {
        publish: async (events) => {
          published.push(...events.map((entry) => entry.event));
          keys.push(...events.map((entry) => entry.key));
        },
      },
      storedRecords: storePort(stored),
      syncState: {
        getConnectorState: async () => ({ filtersHash: 'h', generation: Date.now() - 60_000, lastFullSyncAt: null }),
        setConnectorState: async () => undefined,
        getProjectCheckpoint: async () => null,
        setProjectCheckpoint: async () => undefined,
        listProjectCheckpoints: async () => [],
        clearProjectCheckpoints: async () => 0,
      },
    });
    const projectOf = (key: string) => truth.projects.find((project) => project.key === key)!;
    const issueOf = (key: string) => truth.issues.find((issue) => issue.key === key)!;
    return { sim, site, truth, stored, visible, published, keys, activities, projectOf, issueOf };
  }

  /** Lists `projectKeys` and reconciles them all, or only `reconcileKeys` (the others' syncs did not complete). */
  const reconcile = async (t: Awaited<ReturnType<typeof setUp>>, projectKeys: string[], reconcileKeys = projectKeys) => {
    const projects = projectKeys.map((key) => ({ id: t.projectOf(key).id, key }));
    const reconcileProjectIds = reconcileKeys.map((key) => t.projectOf(key).id);
    return (await new MockActivityEnvironment().run(t.activities.reconcileDeletions, { ...step, projects, reconcileProjectIds })) as TReconcileDeletionsResult;
  };

  it('without admin: an issue deleted in Jira is deleted by exact id (PLAT-1 goes, PLAT-10..19 stay), keyed like its upserts', async () => {
    const t = await setUp({ as: 'apiUser', projects: { operator: 'in', keys: ['PLAT', 'HELP'] } });
    const gone = t.issueOf('PLAT-1');
    expect(t.truth.issues.some((issue) => issue.key === 'PLAT-10')).toBe(true);
    t.sim.control.issues.delete('PLAT-1');

    const audit = (await new MockActivityEnvironment().run(t.activities.readAuditDeletions, step)) as TReadAuditDeletionsResult;
    expect(audit.available).toBe(false);
    const result = await reconcile(t, ['PLAT', 'HELP']);

    const sec = t.projectOf('SEC').id;
    const secIssues = t.stored.issues.filter((issue) => issue.projectId === sec).map((issue) => issue.externalId);
    const issueIds = deletions(t.published).filter((deletion) => deletion.kind === 'issue').map((deletion) => deletion.externalId);
    const subtasks = t.truth.issues.filter((issue) => issue.parentId === gone.id && issue.issueType === 'Subtask' && t.visible.includes(issue)).map((issue) => issue.id);
    // SEC is stored but this run did not list it, so it goes whole; of the listed projects only PLAT-1 (and its sub-tasks).
    expect(issueIds.sort()).toEqual([gone.id, ...subtasks, ...secIssues].sort());
    expect(deletions(t.published).filter((deletion) => deletion.kind !== 'issue').map((deletion) => `${deletion.kind}:${deletion.externalId}`).sort()).toEqual([`project:${sec}`, `role:${sec}:10002`]);
    expect(deletions(t.published).every((deletion) => deletion.revision > revisionOf(0, 1_000))).toBe(true);
    expect(t.keys).toContain(`acme/jira/issue:${gone.id}`);
    expect(result).toMatchObject({ projectsRemoved: [sec], issuesDeleted: issueIds.length, kept: 0 });
    expect(result.idsRead).toBe(t.visible.filter((issue) => issue.projectId !== sec).length - 1 - subtasks.length);
  });

  it('with admin: the audit log names the deleted issue by its id; an ordinary account is told it may not read it', async () => {
    const t = await setUp({ as: 'admin', auditIssueDeletes: true });
    const gone = t.issueOf('HELP-2');
    t.sim.control.issues.delete('HELP-2');

    const audit = (await new MockActivityEnvironment().run(t.activities.readAuditDeletions, step)) as TReadAuditDeletionsResult;
    expect(audit).toMatchObject({ available: true, issuesDeleted: 1 });
    expect(deletions(t.published)).toEqual([expect.objectContaining({ kind: 'issue', externalId: gone.id, reason: 'deleted in Jira (audit log)' })]);
  });

  it('an issue moved to a project outside the filter is deleted; one moved inside the filter stays', async () => {
    const t = await setUp({ as: 'apiUser', projects: { operator: 'in', keys: ['PLAT'] } });
    const out = t.issueOf('PLAT-3');
    t.sim.control.issues.move('PLAT-3', { toProjectKey: 'HELP' });
    const outcome = await reconcile(t, ['PLAT']);
    expect(deletions(t.published).filter((deletion) => deletion.kind === 'issue' && deletion.externalId === out.id)).toHaveLength(1);
    expect(outcome.kept).toBe(0);

    const inside = await setUp({ as: 'apiUser', projects: { operator: 'in', keys: ['PLAT', 'HELP'] } });
    const moved = inside.issueOf('PLAT-4');
    inside.sim.control.issues.move('PLAT-4', { toProjectKey: 'HELP' });
    const kept = await reconcile(inside, ['PLAT', 'HELP']);
    expect(deletions(inside.published).some((deletion) => deletion.externalId === moved.id)).toBe(false);
    // HELP's own ids name it, so it is not even a candidate.
    expect(kept.kept).toBe(0);

    // Moved into a listed project whose sync did not complete (not reconciled): missing from the ids read, re-read
    // with bulkfetch, and kept.
    const unreconciled = await setUp({ as: 'apiUser', projects: { operator: 'in', keys: ['PLAT', 'HELP'] } });
    const movedAgain = unreconciled.issueOf('PLAT-5');
    unreconciled.sim.control.issues.move('PLAT-5', { toProjectKey: 'HELP' });
    const reread = await reconcile(unreconciled, ['PLAT', 'HELP'], ['PLAT']);
    expect(deletions(unreconciled.published).some((deletion) => deletion.externalId === movedAgain.id)).toBe(false);
    expect(reread.kept).toBe(1);
  });

  it('a project removed from the filter goes whole: its issues, roles and project record', async () => {
    const t = await setUp({ as: 'apiUser', projects: { operator: 'in', keys: ['PLAT'] } });
    const help = t.projectOf('HELP');
    const result = await reconcile(t, ['PLAT']);
    const helpIssues = t.stored.issues.filter((issue) => issue.projectId === help.id).map((issue) => issue.externalId);
    expect(helpIssues.length).toBeGreaterThan(0);
    const deleted = deletions(t.published);
    expect(deleted.filter((deletion) => deletion.kind === 'issue').map((deletion) => deletion.externalId)).toEqual(expect.arrayContaining(helpIssues));
    expect(deleted).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'project', externalId: help.id }), expect.objectContaining({ kind: 'role', externalId: `${help.id}:10002` })]));
    expect(result.projectsRemoved).toContain(help.id);
    // PLAT is untouched: every stored PLAT issue is still in Jira.
    expect(deleted.some((deletion) => t.stored.issues.some((issue) => issue.externalId === deletion.externalId && issue.projectId === t.projectOf('PLAT').id))).toBe(false);
  });
});
