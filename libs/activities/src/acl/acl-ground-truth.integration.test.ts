import { startSimulator, type JiraSimulator, type PresetName } from '@jira-sync/jira-sim';
import { createApiTokenClient, type JiraClient, type TJiraUser } from '@jira-sync/jira-client';
import type { TAcl, TGroupRecord, TRoleRecord } from '@jira-sync/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toLeadRoleRecord, toRoleRecord, toUserRecord } from '../directory/map-directory.js';
import { loadProjectAccess, loadSiteAccess } from '../projects/load-project-access.js';
import { commentAcl, issueAcl, projectAcl } from './resolve-acl.js';
import { principalsOfAccount, readersOf, type TDirectory } from './expand-readers.js';

const ACL_FIELDS = ['reporter', 'assignee', 'security', 'comment', 'customfield_10033', 'customfield_10034'];

async function resolveSite(client: JiraClient) {
  const users: TJiraUser[] = [];
  for await (const user of client.users()) users.push(user);
  const groups: TGroupRecord[] = [];
  for await (const group of client.groups()) {
    const members: string[] = [];
    for await (const member of client.groupMembers(group.groupId, { includeInactiveUsers: true })) members.push(member.accountId);
    groups.push({ groupId: group.groupId, name: group.name, memberAccountIds: members.sort() });
  }
  const site = await loadSiteAccess(client, groups);
  const roles: TRoleRecord[] = [];
  const acls = { projects: new Map<string, TAcl>(), issues: new Map<string, TAcl>(), comments: new Map<string, TAcl>() };
  for await (const project of client.projects({ expand: ['lead'] })) {
    const loaded = await loadProjectAccess(client, project, site);
    roles.push(...loaded.roles.map((role) => toRoleRecord(project.id, role, site.groupIdByName)));
    const lead = (project as { lead?: { accountId?: string } }).lead?.accountId;
    roles.push(toLeadRoleRecord(project.id, lead));
    const issueAcls: TAcl[] = [];
    for await (const issue of client.searchIssues({ jql: `project = ${project.id}`, fields: ACL_FIELDS })) {
      const fields = issue.fields ?? {};
      const acl = issueAcl(loaded.access, fields);
      acls.issues.set(issue.id, acl);
      issueAcls.push(acl);
      for await (const comment of client.comments(issue.id)) acls.comments.set(comment.id, commentAcl(loaded.access, acl, comment.visibility));
    }
    acls.projects.set(project.id, projectAcl(loaded.access, issueAcls));
  }
  const directory: TDirectory = { users: users.map(toUserRecord), groups, roles };
  const principals = new Map(directory.users.map((user) => [user.accountId, principalsOfAccount(directory, user.accountId)]));
  return { directory, principals, acls };
}

describe.each<PresetName>(['demo', 'small'])('ACLs resolved from the %s preset', (preset) => {
  let sim: JiraSimulator;
  let resolved: Awaited<ReturnType<typeof resolveSite>>;
  beforeAll(async () => {
    sim = await startSimulator({ preset, seed: 1, searchLagMs: 0 });
    const admin = sim.credentials.admin;
    const client = createApiTokenClient({ siteUrl: sim.sites[0]!.siteUrl, email: admin.email, apiToken: admin.apiToken, allowInsecureLoopback: true });
    resolved = await resolveSite(client);
  }, 120_000);
  afterAll(async () => sim?.stop());

  it('admit exactly the ground truth readers of every issue and comment the admin can read, for every active account', () => {
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    const adminId = sim.credentials.admin.accountId;
    const visibleIssues = truth.issues.filter((issue) => issue.acl.readers?.includes(adminId));
    const visibleComments = truth.comments.filter((comment) => comment.acl.readers?.includes(adminId));
    expect(visibleIssues.length).toBeGreaterThan(0);
    expect([...resolved.acls.issues.keys()].sort()).toEqual(visibleIssues.map((issue) => issue.id).sort());
    expect([...resolved.acls.comments.keys()].sort()).toEqual(visibleComments.map((comment) => comment.id).sort());
    const mismatches: string[] = [];
    for (const issue of visibleIssues) {
      const ours = readersOf(resolved.acls.issues.get(issue.id)!, resolved.directory, resolved.principals);
      if (JSON.stringify(ours) !== JSON.stringify(issue.acl.readers)) mismatches.push(`issue ${issue.key}`);
    }
    for (const comment of visibleComments) {
      const ours = readersOf(resolved.acls.comments.get(comment.id)!, resolved.directory, resolved.principals);
      if (JSON.stringify(ours) !== JSON.stringify(comment.acl.readers)) mismatches.push(`comment ${comment.id}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('admit the ground truth readers of every project the admin can browse, short only of Jira administrators', () => {
    const truth = sim.control.groundTruth(sim.sites[0]!.cloudId, { readers: true });
    // Jira Cloud lists no global permission holders, so administrators who see a project only as administrators are
    // left out on purpose; every other reader must match exactly.
    const adminGroup = truth.groups.find((group) => group.memberAccountIds.includes(sim.credentials.admin.accountId) && /admin/i.test(group.name));
    expect(adminGroup).toBeDefined();
    const mismatches = [...resolved.acls.projects].flatMap(([projectId, acl]) => {
      const expected = truth.projects.find((project) => project.id === projectId)?.acl.readers ?? [];
      const ours = readersOf(acl, resolved.directory, resolved.principals);
      const extra = ours.filter((id) => !expected.includes(id));
      const missing = expected.filter((id) => !ours.includes(id) && !adminGroup!.memberAccountIds.includes(id));
      return extra.length + missing.length === 0 ? [] : [`${projectId}: extra ${extra.join(',')} missing ${missing.join(',')}`];
    });
    expect(resolved.acls.projects.size).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  });
});
