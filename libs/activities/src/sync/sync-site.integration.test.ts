import { startSimulator, type JiraSimulator } from '@jira-sync/jira-sim';
import { createApiTokenClient } from '@jira-sync/jira-client';
import {
  RECORD_EVENT_TYPES,
  ZConnectorConfigSchema,
  ZRecordEventSchema,
  type TAttachmentRecord,
  type TCommentRecord,
  type TGroupRecord,
  type TIssueRecord,
  type TRecordEvent,
  type TRoleRecord,
  type TUserRecord,
} from '@jira-sync/contracts';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principalsOfAccount, readersOf, type TDirectory } from '../acl/expand-readers.js';
import { createActivities } from '../create-activities.js';
import { createHashingAttachmentSink } from './hashing-attachment-sink.js';
import type { TKeyedEvent } from './record-events.js';

function recordsOf<T>(events: TRecordEvent[], type: string): T[] {
  return events.filter((event) => event.type === type).map((event) => (event.data as unknown as { record: T }).record);
}

describe('the sync activities on the demo preset (admin API token)', () => {
  let sim: JiraSimulator;
  const published: TKeyedEvent[] = [];
  const sink = createHashingAttachmentSink({ gridFsId: (attachmentId) => `test-${attachmentId}` });
  let outcomes: Array<{ key: string; closedAcls: number; problems: string[] }> = [];

  beforeAll(async () => {
    sim = await startSimulator({ preset: 'demo', seed: 1, searchLagMs: 0 });
    const site = sim.sites[0]!;
    const admin = sim.credentials.admin;
    const config = ZConnectorConfigSchema.parse({ tenantId: 'acme', connectorId: 'jira', siteUrl: site.siteUrl, authMethod: 'api_token' });
    const activities = createActivities({
      now: () => new Date(),
      openConnector: async () => ({
        config,
        client: createApiTokenClient({ siteUrl: site.siteUrl, email: admin.email, apiToken: admin.apiToken, allowInsecureLoopback: true }),
      }),
      recordPublisher: { publish: async (events) => void published.push(...events) },
      attachments: sink,
    });
    const env = new MockActivityEnvironment();
    const input = { tenantId: 'acme', connectorId: 'jira', generation: 1_000, syncRunId: 'run-1' };
    await env.run(activities.syncUsers, input);
    await env.run(activities.syncGroups, input);
    const { projects } = (await env.run(activities.listProjects, input)) as Awaited<ReturnType<typeof activities.listProjects>>;
    for (const project of projects) {
      await env.run(activities.syncProjectRoles, { ...input, projectId: project.id, projectKey: project.key });
      const result = (await env.run(activities.syncProjectIssues, { ...input, projectId: project.id, projectKey: project.key })) as Awaited<ReturnType<typeof activities.syncProjectIssues>>;
      outcomes.push({ key: project.key, closedAcls: result.closedAcls, problems: result.problems });
    }
    outcomes = outcomes.sort((left, right) => left.key.localeCompare(right.key));
  }, 180_000);
  afterAll(async () => sim?.stop());

  it('publishes only events that pass the contract', () => {
    expect(published.length).toBeGreaterThan(100);
    const invalid = published.flatMap(({ event }) => {
      const parsed = ZRecordEventSchema.safeParse(event);
      return parsed.success ? [] : parsed.error.issues.map((issue) => `${event.type} ${event.subject}: ${issue.path.join(".")} ${issue.message}`);
    });
    expect(invalid).toEqual([]);
    expect(outcomes.every((outcome) => outcome.closedAcls === 0 && outcome.problems.length === 0)).toBe(true);
  });

  it('equals the ground truth of users, groups, issues, comments and attachments the admin can read', () => {
    const events = published.map(({ event }) => event);
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    const adminId = sim.credentials.admin.accountId;
    const users = recordsOf<TUserRecord>(events, RECORD_EVENT_TYPES.user);
    expect(users.map((user) => user.accountId).sort()).toEqual(truth.users.map((user) => user.accountId).sort());
    for (const user of truth.users) {
      const ours = users.find((candidate) => candidate.accountId === user.accountId)!;
      expect(ours.email).toBe(user.emailVisible ? user.email : undefined);
      expect(ours.active).toBe(user.active);
    }
    const groups = recordsOf<TGroupRecord>(events, RECORD_EVENT_TYPES.group);
    expect(groups.map((group) => [group.groupId, group.memberAccountIds]).sort()).toEqual(truth.groups.map((group) => [group.groupId, group.memberAccountIds]).sort());

    const issues = recordsOf<TIssueRecord>(events, RECORD_EVENT_TYPES.issue);
    const visible = truth.issues.filter((issue) => issue.acl.readers?.includes(adminId));
    expect(issues.map((issue) => [issue.issueId, issue.key, issue.summary, Date.parse(issue.updated)]).sort()).toEqual(
      visible.map((issue) => [issue.id, issue.key, issue.summary, issue.updated]).sort(),
    );
    expect(issues.filter((issue) => issue.securityLevel).map((issue) => [issue.issueId, issue.securityLevel!.id]).sort()).toEqual(
      visible.filter((issue) => issue.securityLevelId).map((issue) => [issue.id, issue.securityLevelId]).sort(),
    );
    const comments = recordsOf<TCommentRecord>(events, RECORD_EVENT_TYPES.comment);
    const visibleComments = truth.comments.filter((comment) => comment.acl.readers?.includes(adminId));
    expect(comments.map((comment) => [comment.commentId, comment.issueId, comment.visibility?.identifier ?? null]).sort()).toEqual(
      visibleComments.map((comment) => [comment.id, comment.issueId, comment.visibility?.identifier ?? null]).sort(),
    );
    const attachments = recordsOf<TAttachmentRecord>(events, RECORD_EVENT_TYPES.attachment);
    const visibleAttachments = truth.attachments.filter((attachment) => attachment.acl.readers?.includes(adminId));
    expect(attachments.map((attachment) => [attachment.attachmentId, attachment.issueId, attachment.commentId ?? null, attachment.size]).sort()).toEqual(
      visibleAttachments.map((attachment) => [attachment.id, attachment.issueId, attachment.commentId ?? null, attachment.size]).sort(),
    );
    expect(attachments.every((attachment) => attachment.content.state === 'stored' && attachment.content.sha256 === sink.stored.get(attachment.attachmentId)?.sha256)).toBe(true);
  });

  it('gives every active account exactly the issues, comments and attachments the ground truth lets it read', () => {
    const events = published.map(({ event }) => event);
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    const directory: TDirectory = {
      users: recordsOf<TUserRecord>(events, RECORD_EVENT_TYPES.user),
      groups: recordsOf<TGroupRecord>(events, RECORD_EVENT_TYPES.group),
      roles: recordsOf<TRoleRecord>(events, RECORD_EVENT_TYPES.role),
    };
    const principals = new Map(directory.users.map((user) => [user.accountId, principalsOfAccount(directory, user.accountId)]));
    const expected = (list: Array<{ id: string; acl: { readers?: string[] } }>) => new Map(list.map((item) => [item.id, item.acl.readers ?? []]));
    const checks: Array<[string, Array<{ id: string; acl: TIssueRecord['acl'] }>, Map<string, string[]>]> = [
      ['issue', recordsOf<TIssueRecord>(events, RECORD_EVENT_TYPES.issue).map((record) => ({ id: record.issueId, acl: record.acl })), expected(truth.issues)],
      ['comment', recordsOf<TCommentRecord>(events, RECORD_EVENT_TYPES.comment).map((record) => ({ id: record.commentId, acl: record.acl })), expected(truth.comments)],
      ['attachment', recordsOf<TAttachmentRecord>(events, RECORD_EVENT_TYPES.attachment).map((record) => ({ id: record.attachmentId, acl: record.acl })), expected(truth.attachments)],
    ];
    const mismatches: string[] = [];
    for (const [kind, records, truthReaders] of checks) {
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) {
        const ours = readersOf(record.acl, directory, principals);
        if (JSON.stringify(ours) !== JSON.stringify(truthReaders.get(record.id))) mismatches.push(`${kind} ${record.id}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
