import { describe, expect, it } from 'vitest';
import { as, call, useSimulator } from '../../testing/test-simulator.test-support.js';

const t = useSimulator();
const api = (path: string) => `${t.sim.sites[0]?.siteUrl ?? ''}/rest/api/3${path}`;

describe('users and groups', () => {
  it('lists users as a bare array paged by startAt/maxResults', async () => {
    const first = await call(api('/users/search?maxResults=5'), { headers: as(t.sim, 'apiUser') });
    const second = await call(api('/users/search?startAt=5&maxResults=5'), { headers: as(t.sim, 'apiUser') });
    expect(Array.isArray(first.body)).toBe(true);
    expect(first.body).toHaveLength(5);
    expect(second.body[0].accountId).not.toBe(first.body[0].accountId);
  });

  it('omits hidden emails (no key at all) and includes app and customer accounts', async () => {
    const reply = await call(api('/users/search?maxResults=1000'), { headers: as(t.sim, 'apiUser') });
    const users = reply.body as Array<Record<string, unknown>>;
    const hidden = users.filter((user) => !('emailAddress' in user));
    expect(hidden.length).toBeGreaterThan(0);
    expect(users.some((user) => user.emailAddress === null)).toBe(false);
    expect(new Set(users.map((user) => user.accountType))).toEqual(new Set(['atlassian', 'app', 'customer']));
    expect(users.some((user) => user.active === false)).toBe(true);
  });

  it('stops on an empty page past the end', async () => {
    const reply = await call(api('/users/search?startAt=5000'), { headers: as(t.sim, 'apiUser') });
    expect(reply.body).toEqual([]);
  });

  it('refuses user/email to ordinary credentials with 400', async () => {
    const reply = await call(api(`/user/email?accountId=${t.sim.credentials.admin.accountId}`), { headers: as(t.sim, 'apiUser') });
    expect(reply.status).toBe(400);
  });

  it('shows a user with groups when expanded, and 404 for an unknown account', async () => {
    const found = await call(api(`/user?accountId=${t.sim.credentials.apiUser.accountId}&expand=groups`), { headers: as(t.sim, 'admin') });
    expect(found.body.groups.items.length).toBe(found.body.groups.size);
    const missing = await call(api('/user?accountId=nope'), { headers: as(t.sim, 'admin') });
    expect(missing.status).toBe(404);
  });

  it('pages groups as a PageBean with isLast', async () => {
    const reply = await call(api('/group/bulk?maxResults=3'), { headers: as(t.sim, 'apiUser') });
    expect(reply.body).toMatchObject({ startAt: 0, maxResults: 3, isLast: false });
    expect(reply.body.values).toHaveLength(3);
    expect(reply.body.nextPage).toContain('startAt=3');
  });

  it('lists group members without inactive users unless asked', async () => {
    const groups = await call(api('/group/bulk?groupName=jira-software-users'), { headers: as(t.sim, 'admin') });
    const groupId = groups.body.values[0].groupId as string;
    const active = await call(api(`/group/member?groupId=${groupId}&maxResults=50`), { headers: as(t.sim, 'admin') });
    const all = await call(api(`/group/member?groupId=${groupId}&includeInactiveUsers=true&maxResults=50`), { headers: as(t.sim, 'admin') });
    expect(all.body.total).toBeGreaterThan(active.body.total);
    expect(active.body.values.every((user: { active: boolean }) => user.active)).toBe(true);
    expect(active.body.maxResults).toBe(50);
  });

  it('answers 404 naming an unknown group', async () => {
    const reply = await call(api('/group/member?groupname=ghosts'), { headers: as(t.sim, 'admin') });
    expect(reply.status).toBe(404);
    expect(reply.body.errorMessages[0]).toMatch(/The group named 'ghosts' does not exist/);
  });
});
