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

describe('user search (GET /user/search)', () => {
  const everyone = async () => (await call(api('/users/search?maxResults=1000'), { headers: as(t.sim, 'admin') })).body as Array<{ accountId: string; displayName: string; active: boolean; emailAddress?: string }>;

  it('finds active users by display-name or word prefix, case-insensitively, as a bare array', async () => {
    const all = await everyone();
    const expected = all
      .filter((user) => user.active && user.displayName.toLowerCase().split(' ').some((word) => word.startsWith('kry')))
      .map((user) => user.accountId)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    const reply = await call(api('/user/search?query=KRY&maxResults=1000'), { headers: as(t.sim, 'apiUser') });
    expect(reply.status).toBe(200);
    expect(Array.isArray(reply.body)).toBe(true);
    expect(reply.body.map((user: { accountId: string }) => user.accountId).sort()).toEqual(expected);
  });

  it('matches an exact accountId, leaves inactive accounts out and hides hidden emails', async () => {
    const all = await everyone();
    const inactive = all.find((user) => !user.active);
    const hidden = all.find((user) => user.active && !('emailAddress' in user));
    expect(inactive && hidden).toBeTruthy();
    expect((await call(api(`/user/search?accountId=${encodeURIComponent(inactive?.accountId ?? '')}`), { headers: as(t.sim, 'admin') })).body).toEqual([]);
    const found = await call(api(`/user/search?accountId=${encodeURIComponent(hidden?.accountId ?? '')}`), { headers: as(t.sim, 'admin') });
    expect(found.body).toHaveLength(1);
    expect(found.body[0].accountId).toBe(hidden?.accountId);
    expect('emailAddress' in found.body[0]).toBe(false);
  });

  it('matches visible email prefixes only, so a search cannot reveal a hidden address', async () => {
    const visible = await call(api('/user/search?query=alex.rivera%40'), { headers: as(t.sim, 'admin') });
    expect(visible.body.map((user: { accountId: string }) => user.accountId)).toEqual([t.sim.credentials.apiUser.accountId]);
    const hiddenEmail = t.sim.credentials.oauthUser.email;
    expect((await call(api(`/user/search?query=${encodeURIComponent(hiddenEmail)}`), { headers: as(t.sim, 'admin') })).body).toEqual([]);
  });

  it('pages the filtered matches with startAt/maxResults', async () => {
    const all = await call(api('/user/search?query=a&maxResults=1000'), { headers: as(t.sim, 'apiUser') });
    const page = await call(api('/user/search?query=a&startAt=1&maxResults=2'), { headers: as(t.sim, 'apiUser') });
    expect(all.body.length).toBeGreaterThan(3);
    expect(page.body).toEqual(all.body.slice(1, 3));
  });

  it('answers 400 without query, accountId or property, and for query with accountId', async () => {
    const none = await call(api('/user/search'), { headers: as(t.sim, 'apiUser') });
    expect(none.status).toBe(400);
    expect(none.body.errorMessages).toHaveLength(1);
    const both = await call(api(`/user/search?query=a&accountId=${t.sim.credentials.admin.accountId}`), { headers: as(t.sim, 'apiUser') });
    expect(both.status).toBe(400);
  });

  it('gives anonymous callers and callers without Browse users and groups empty results, as the OpenAPI document says', async () => {
    expect(await call(api('/user/search?query=a'))).toMatchObject({ status: 200, body: [] });
    const groups = await call(api('/group/bulk?groupName=jira-software-users'), { headers: as(t.sim, 'admin') });
    const groupId = groups.body.values[0].groupId as string;
    const accountId = t.sim.credentials.apiUser.accountId;
    t.sim.control.access.setGroupMembership({ groupId, accountId, member: false });
    try {
      expect(await call(api('/user/search?query=a'), { headers: as(t.sim, 'apiUser') })).toMatchObject({ status: 200, body: [] });
    } finally {
      t.sim.control.access.setGroupMembership({ groupId, accountId, member: true });
    }
    expect((await call(api('/user/search?query=a'), { headers: as(t.sim, 'apiUser') })).body.length).toBeGreaterThan(0);
  });
});

describe('group picker (GET /groups/picker)', () => {
  const picker = (query: string, who?: 'apiUser' | 'admin') => call(api(`/groups/picker${query}`), who ? { headers: as(t.sim, who) } : {});

  it('lists groups whose names contain the query, sorted, with highlighted html, labels and the header', async () => {
    const reply = await picker('?query=e', 'apiUser');
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body).sort()).toEqual(['groups', 'header', 'total']);
    const names = reply.body.groups.map((group: { name: string }) => group.name);
    expect(names).toEqual([...names].sort((left: string, right: string) => left.localeCompare(right)));
    expect(names.every((name: string) => name.includes('e'))).toBe(true);
    expect(names).toContain('engineering');
    expect(reply.body.total).toBe(names.length);
    expect(reply.body.header).toBe(`Showing ${names.length} of ${names.length} matching groups`);
    const engineering = reply.body.groups.find((group: { name: string }) => group.name === 'engineering');
    expect(engineering.html).toBe('<b>e</b>ngineering');
    expect(engineering.labels).toEqual([]);
    const admins = await picker('?query=jira-admins', 'apiUser');
    expect(admins.body.groups[0].labels).toEqual([expect.objectContaining({ type: 'ADMIN' })]);
  });

  it('caps the list at maxResults while total counts every match, and honours excludeId and caseInsensitive', async () => {
    const all = await picker('', 'admin');
    expect(all.body.total).toBeGreaterThan(3);
    const capped = await picker('?maxResults=2', 'admin');
    expect(capped.body.groups).toHaveLength(2);
    expect(capped.body.total).toBe(all.body.total);
    expect(capped.body.header).toBe(`Showing 2 of ${all.body.total as number} matching groups`);
    const first = all.body.groups[0];
    const excluded = await picker(`?excludeId=${first.groupId as string}`, 'admin');
    expect(excluded.body.groups.map((group: { groupId: string }) => group.groupId)).not.toContain(first.groupId);
    expect((await picker('?query=ENGINEER', 'admin')).body.groups).toEqual([]);
    expect((await picker('?query=ENGINEER&caseInsensitive=true', 'admin')).body.groups.map((group: { name: string }) => group.name)).toEqual(['engineering']);
  });

  it('gives anonymous callers an empty list, and callers without Browse users and groups exact matches only', async () => {
    expect((await picker('?query=e')).body).toEqual({ header: 'Showing 0 of 0 matching groups', total: 0, groups: [] });
    const groups = await call(api('/group/bulk?groupName=jira-software-users'), { headers: as(t.sim, 'admin') });
    const groupId = groups.body.values[0].groupId as string;
    const accountId = t.sim.credentials.apiUser.accountId;
    t.sim.control.access.setGroupMembership({ groupId, accountId, member: false });
    try {
      expect((await picker('?query=e', 'apiUser')).body.groups).toEqual([]);
      expect((await picker('?query=engineering', 'apiUser')).body.groups.map((group: { name: string }) => group.name)).toEqual(['engineering']);
    } finally {
      t.sim.control.access.setGroupMembership({ groupId, accountId, member: true });
    }
  });
});
