import { describe, expect, it } from 'vitest';
import { as, call, useSimulator } from '../../testing/test-simulator.test-support.js';

const t = useSimulator();
const api = (path: string) => `${t.sim.sites[0]?.siteUrl ?? ''}/rest/api/3${path}`;

describe('projects, roles and schemes', () => {
  it('pages visible projects in key order; the admin sees all three', async () => {
    const reply = await call(api('/project/search?expand=description,lead'), { headers: as(t.sim, 'admin') });
    expect(reply.body.values.map((project: { key: string }) => project.key)).toEqual(['HELP', 'PLAT', 'SEC']);
    expect(reply.body.values[0].lead.accountId).toEqual(expect.any(String));
    const reversed = await call(api('/project/search?orderBy=-key'), { headers: as(t.sim, 'admin') });
    expect(reversed.body.values.map((project: { key: string }) => project.key)).toEqual(['SEC', 'PLAT', 'HELP']);
  });

  it('lists only live projects unless archived ones are asked for', async () => {
    t.sim.control.access.setProjectArchived({ projectKey: 'HELP', archived: true });
    const live = await call(api('/project/search'), { headers: as(t.sim, 'admin') });
    const archived = await call(api('/project/search?status=archived'), { headers: as(t.sim, 'admin') });
    t.sim.control.access.setProjectArchived({ projectKey: 'HELP', archived: false });
    expect(live.body.values.map((project: { key: string }) => project.key)).toEqual(['PLAT', 'SEC']);
    expect(archived.body.values.map((project: { key: string; archived: boolean }) => [project.key, project.archived])).toEqual([['HELP', true]]);
  });

  it('matches keys exactly and case-sensitively', async () => {
    const exact = await call(api('/project/search?keys=PLAT'), { headers: as(t.sim, 'admin') });
    const lower = await call(api('/project/search?keys=plat'), { headers: as(t.sim, 'admin') });
    expect(exact.body.total).toBe(1);
    expect(lower.body.total).toBe(0);
    const single = await call(api('/project/plat'), { headers: as(t.sim, 'admin') });
    expect(single.status).toBe(404);
    expect(single.body.errorMessages).toEqual(["No project could be found with key 'plat'."]);
  });

  it('maps role names to role URLs and lists role actors with nested actorUser/actorGroup', async () => {
    const map = await call(api('/project/SEC/role'), { headers: as(t.sim, 'admin') });
    expect(Object.keys(map.body)).toContain('Developers');
    const roleUrl = map.body.Developers as string;
    const role = await call(roleUrl, { headers: as(t.sim, 'admin') });
    const types = role.body.actors.map((actor: { type: string }) => actor.type);
    expect(types).toContain('atlassian-group-role-actor');
    expect(types).toContain('atlassian-user-role-actor');
    expect(role.body.actors.find((actor: { actorGroup?: { groupId: string } }) => actor.actorGroup)?.actorGroup.groupId).toEqual(expect.any(String));
  });

  it('returns every BROWSE_PROJECTS holder type across the permission schemes', async () => {
    const types = new Set<string>();
    for (const key of ['PLAT', 'SEC', 'HELP']) {
      const summary = await call(api(`/project/${key}/permissionscheme`), { headers: as(t.sim, 'admin') });
      expect(summary.body.permissions).toBeUndefined();
      const scheme = await call(api(`/permissionscheme/${summary.body.id as number}`), { headers: as(t.sim, 'admin') });
      for (const grant of scheme.body.permissions) if (grant.permission === 'BROWSE_PROJECTS') types.add(grant.holder.type);
    }
    expect([...types].sort()).toEqual(['anyone', 'applicationRole', 'assignee', 'group', 'groupCustomField', 'projectLead', 'projectRole', 'reporter', 'user', 'userCustomField']);
  });

  it('refuses the project permission scheme to a non-administrator with 403', async () => {
    const reply = await call(api('/project/PLAT/permissionscheme'), { headers: as(t.sim, 'apiUser') });
    expect(reply.status).toBe(403);
  });

  it('answers 404 for the security scheme of a project without one', async () => {
    const none = await call(api('/project/HELP/issuesecuritylevelscheme'), { headers: as(t.sim, 'admin') });
    expect(none.status).toBe(404);
    const some = await call(api('/project/SEC/issuesecuritylevelscheme'), { headers: as(t.sim, 'admin') });
    expect(some.body.levels.map((level: { name: string }) => level.name)).toEqual(['Internal', 'Confidential']);
    const byId = await call(api(`/issuesecurityschemes/${some.body.id as number}`), { headers: as(t.sim, 'admin') });
    expect(byId.body.id).toBe(some.body.id);
  });

  it('lists security level members to administrators only', async () => {
    const admin = await call(api('/issuesecurityschemes/level/member?maxResults=100'), { headers: as(t.sim, 'admin') });
    expect(admin.body.values.length).toBeGreaterThan(5);
    expect(typeof admin.body.values[0].id).toBe('string');
    const user = await call(api('/issuesecurityschemes/level/member'), { headers: as(t.sim, 'apiUser') });
    expect(user.status).toBe(403);
    expect(user.body.errorMessages).toEqual(['You are not authorized to perform this action. Administrator privileges are required.']);
  });

  it('lists a scheme level members with numeric ids in the older endpoint', async () => {
    const scheme = await call(api('/project/SEC/issuesecuritylevelscheme'), { headers: as(t.sim, 'admin') });
    const members = await call(api(`/issuesecurityschemes/${scheme.body.id as number}/members?issueSecurityLevelId=10201`), { headers: as(t.sim, 'admin') });
    expect(members.body.values.every((member: { issueSecurityLevelId: number }) => member.issueSecurityLevelId === 10201)).toBe(true);
    expect(members.body.values.map((member: { holder: { type: string } }) => member.holder.type)).toContain('userCustomField');
  });

  it('lists project categories as a bare array', async () => {
    const reply = await call(api('/projectCategory'), { headers: as(t.sim, 'apiUser') });
    expect(reply.body.map((category: { name: string }) => category.name)).toEqual(['Engineering', 'Security']);
  });

  it('lists application roles to administrators', async () => {
    const reply = await call(api('/applicationrole'), { headers: as(t.sim, 'admin') });
    expect(reply.body[0].key).toBe('jira-software');
  });
});

describe('permission scheme list', () => {
  it('lists every permission scheme to a logged-in account, with grants when expanded', async () => {
    const plain = await call(api('/permissionscheme'), { headers: as(t.sim, 'apiUser') });
    expect(plain.status).toBe(200);
    const ids = new Set<number>();
    for (const key of ['PLAT', 'SEC', 'HELP']) ids.add((await call(api(`/project/${key}/permissionscheme`), { headers: as(t.sim, 'admin') })).body.id as number);
    for (const id of ids) expect(plain.body.permissionSchemes.map((scheme: { id: number }) => scheme.id)).toContain(id);
    expect(plain.body.permissionSchemes[0].permissions).toBeUndefined();
    const expanded = await call(api('/permissionscheme?expand=permissions'), { headers: as(t.sim, 'admin') });
    expect(expanded.body.permissionSchemes[0].permissions.length).toBeGreaterThan(0);
  });

  it('answers anonymous callers with 401', async () => {
    expect((await call(api('/permissionscheme'))).status).toBe(401);
  });
});

describe('issue security scheme list', () => {
  it('lists every issue security scheme, without levels, to administrators as { issueSecuritySchemes }', async () => {
    const reply = await call(api('/issuesecurityschemes'), { headers: as(t.sim, 'admin') });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body)).toEqual(['issueSecuritySchemes']);
    const sec = await call(api('/project/SEC/issuesecuritylevelscheme'), { headers: as(t.sim, 'admin') });
    const listed = reply.body.issueSecuritySchemes.find((scheme: { id: number }) => scheme.id === sec.body.id);
    expect(listed).toEqual({ self: sec.body.self, id: sec.body.id, name: sec.body.name, description: sec.body.description, defaultSecurityLevelId: sec.body.defaultSecurityLevelId });
  });

  it('answers 403 to non-administrators and 401 to anonymous callers, with the error envelope', async () => {
    const user = await call(api('/issuesecurityschemes'), { headers: as(t.sim, 'apiUser') });
    expect(user.status).toBe(403);
    expect(user.body).toEqual({ errorMessages: ['You are not authorized to perform this action. Administrator privileges are required.'], errors: {} });
    const anonymous = await call(api('/issuesecurityschemes'));
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errorMessages).toHaveLength(1);
  });
});

describe('project role list', () => {
  it('lists every project role with its default actors to administrators as a bare array', async () => {
    const reply = await call(api('/role'), { headers: as(t.sim, 'admin') });
    expect(reply.status).toBe(200);
    expect(Array.isArray(reply.body)).toBe(true);
    const map = await call(api('/project/PLAT/role'), { headers: as(t.sim, 'admin') });
    expect(reply.body.map((role: { name: string }) => role.name).sort()).toEqual(Object.keys(map.body).sort());
    const administrators = reply.body.find((role: { name: string }) => role.name === 'Administrators');
    expect(administrators.self).toBe(`${t.sim.sites[0]?.siteUrl ?? ''}/rest/api/3/role/${administrators.id as number}`);
    expect(administrators.actors).toEqual([expect.objectContaining({ type: 'atlassian-group-role-actor', name: 'jira-admins' })]);
    expect(reply.body.every((role: { actors: unknown[] }) => Array.isArray(role.actors))).toBe(true);
  });

  it('answers 403 to non-administrators and 401 to anonymous callers', async () => {
    const user = await call(api('/role'), { headers: as(t.sim, 'apiUser') });
    expect(user.status).toBe(403);
    expect(user.body.errorMessages).toEqual(['You are not authorized to perform this action. Administrator privileges are required.']);
    expect((await call(api('/role'))).status).toBe(401);
  });
});
