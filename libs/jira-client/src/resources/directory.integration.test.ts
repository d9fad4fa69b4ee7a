import { describe, expect, it } from 'vitest';
import { collect } from '../paginate.js';
import { useJiraSimulator } from '../test-support/simulator.test-support.js';

const h = useJiraSimulator();

describe('users, groups, projects and roles against the simulator', () => {
  it('lists every user across pages, including short pages, and hides emails the way Jira does', async () => {
    const truth = h.sim.control.groundTruth();
    const users = await collect(h.apiTokenClient('admin').users({ pageSize: 7 }));
    expect(users.map((u) => u.accountId).sort()).toEqual(truth.users.map((u) => u.accountId).sort());
    const hidden = truth.users.find((u) => !u.emailVisible);
    expect(hidden).toBeDefined();
    expect(users.find((u) => u.accountId === hidden!.accountId)?.emailAddress ?? undefined).toBeUndefined();
  });

  it('fetches one user with groups expanded', async () => {
    const user = await h.apiTokenClient('admin').user(h.sim.credentials.apiUser.accountId, { expand: ['groups'] });
    expect(user.accountId).toBe(h.sim.credentials.apiUser.accountId);
    expect(Array.isArray(user.groups?.items)).toBe(true);
  });

  it('lists every group and its members by groupId', async () => {
    const truth = h.sim.control.groundTruth();
    const client = h.apiTokenClient('admin');
    const groups = await collect(client.groups({ pageSize: 3 }));
    expect(groups.map((g) => g.groupId).sort()).toEqual(truth.groups.map((g) => g.groupId).sort());
    const biggest = [...truth.groups].sort((a, b) => b.memberAccountIds.length - a.memberAccountIds.length)[0]!;
    const members = await collect(client.groupMembers(biggest.groupId, { includeInactiveUsers: true, pageSize: 2 }));
    expect(members.map((m) => m.accountId).sort()).toEqual(biggest.memberAccountIds);
  });

  it('lists projects with a keys filter and expand', async () => {
    const truth = h.sim.control.groundTruth();
    const client = h.apiTokenClient('admin');
    const all = await collect(client.projects({ pageSize: 2 }));
    expect(all.map((p) => p.key).sort()).toEqual(truth.projects.map((p) => p.key).sort());
    const wanted = truth.projects[0]!.key;
    const filtered = await collect(client.projects({ keys: [wanted], expand: ['description', 'lead'] }));
    expect(filtered.map((p) => p.key)).toEqual([wanted]);
    expect(filtered[0]).toHaveProperty('lead');
  });

  it('reads project roles and their actors', async () => {
    const client = h.apiTokenClient('admin');
    const project = h.sim.control.groundTruth().projects[0]!;
    const roles = await client.projectRoles(project.key);
    expect(roles.length).toBeGreaterThan(0);
    const details = await Promise.all(roles.map((role) => client.projectRole(project.key, role.id)));
    expect(details.map((d) => d.id).sort()).toEqual(roles.map((r) => r.id).sort());
    expect(details.flatMap((d) => d.actors).every((a) => a.actorUser?.accountId ?? a.actorGroup?.groupId ?? a.actorGroup?.name)).toBe(true);
  });

  it('lists application roles with their groups', async () => {
    const roles = await h.apiTokenClient('admin').applicationRoles();
    expect(roles.map((r) => r.key)).toContain('jira-software');
  });

  it('reads a project permission scheme with every grant', async () => {
    const client = h.apiTokenClient('admin');
    const project = h.sim.control.groundTruth().projects[0]!;
    const summary = await client.projectPermissionScheme(project.key);
    const scheme = await client.permissionScheme(summary.id);
    const stored = h.sim.control.site().permissionSchemes.get(Number(summary.id))!;
    expect(scheme.permissions.length).toBe(stored.grants.length);
    expect(scheme.permissions.some((g) => g.permission === 'BROWSE_PROJECTS')).toBe(true);
  });

  it('reads issue-security schemes, their levels and level members', async () => {
    const client = h.apiTokenClient('admin');
    const site = h.sim.control.site();
    const withScheme = [...site.projects.values()].find((p) => p.securitySchemeId !== undefined);
    const without = [...site.projects.values()].find((p) => p.securitySchemeId === undefined);
    expect(without).toBeDefined();
    expect(await client.projectIssueSecurityScheme(without!.key)).toBeUndefined();
    expect(withScheme).toBeDefined();
    const scheme = (await client.projectIssueSecurityScheme(withScheme!.key))!;
    expect(scheme.levels.length).toBeGreaterThan(0);
    expect((await client.issueSecurityScheme(scheme.id)).name).toBe(scheme.name);
    const members = await collect(client.issueSecurityLevelMembers({ schemeId: [scheme.id] }));
    expect(new Set(members.map((m) => m.issueSecurityLevelId))).toEqual(new Set(scheme.levels.map((l) => l.id)));
  });
});
