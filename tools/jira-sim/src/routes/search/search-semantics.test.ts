import { describe, expect, it } from 'vitest';
import { as, call, useSimulator } from '../../testing/test-simulator.test-support.js';

const t = useSimulator({ legacySearch: true });
const api = (path: string) => `${t.sim.sites[0]?.siteUrl ?? ''}/rest/api/3${path}`;
const search = (body: Record<string, unknown>, who: 'apiUser' | 'admin' = 'admin') =>
  call(api('/search/jql'), { method: 'POST', headers: { ...as(t.sim, who), 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('search semantics', () => {
  it('reads date literals in the caller profile zone, to the minute', async () => {
    t.sim.control.clock.set(Date.UTC(2026, 2, 1, 18, 30, 0));
    const issue = t.sim.control.issues.create({ projectKey: 'HELP', summary: 'Zoned' });
    const keyClause = `key = ${issue.key}`;
    const pacificHit = await search({ jql: `${keyClause} AND created >= "2026/03/01 10:30"` }, 'apiUser');
    const pacificMiss = await search({ jql: `${keyClause} AND created >= "2026/03/01 10:31"` }, 'apiUser');
    const londonHit = await search({ jql: `${keyClause} AND created >= "2026-03-01 18:30"` });
    const epochHit = await search({ jql: `${keyClause} AND created >= ${Date.UTC(2026, 2, 1, 18, 30)}` }, 'apiUser');
    expect(pacificHit.body.issues).toEqual([{ id: issue.id }]);
    expect(pacificMiss.body.issues).toEqual([]);
    expect(londonHit.body.issues).toEqual([{ id: issue.id }]);
    expect(epochHit.body.issues).toEqual([{ id: issue.id }]);
  });

  it('breaks ties on equal `updated` by issue id so pages are stable', async () => {
    const instant = Date.UTC(2026, 4, 1, 9, 0, 0);
    const created: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      t.sim.control.clock.set(instant);
      created.push(t.sim.control.issues.create({ projectKey: 'PLAT', summary: `Tie ${index}` }).id);
    }
    const reply = await search({ jql: `updated >= ${instant} AND updated <= ${instant} ORDER BY updated ASC` });
    expect(reply.body.issues.map((issue: { id: string }) => issue.id)).toEqual(created);
  });

  it('refuses ISO 8601 literals with Jira sentence', async () => {
    const reply = await search({ jql: 'updated >= "2023-07-13T21:24:33.000+0000"' });
    expect(reply.status).toBe(400);
    expect(reply.body.errorMessages[0]).toMatch(/^Date value '2023-07-13T21:24:33.000\+0000' for field 'updated' is invalid\./);
  });

  it('refuses a key that names no visible issue with 400', async () => {
    const reply = await search({ jql: 'key = PLAT-99999' });
    expect(reply.status).toBe(400);
    expect(reply.body.errorMessages[0]).toContain('PLAT-99999');
  });

  it('names an unknown project in a 400', async () => {
    const reply = await search({ jql: 'project = NOPE' });
    expect(reply.status).toBe(400);
    expect(reply.body.errorMessages).toEqual(["The value 'NOPE' does not exist for the field 'project'."]);
  });

  it('embeds only the 40 most recent histories with expand=changelog, keeping the total', async () => {
    const issue = t.sim.control.issues.create({ projectKey: 'PLAT', summary: 'Busy' });
    for (let index = 0; index < 45; index += 1) t.sim.control.issues.update(issue.key, { summary: `Busy ${index}` });
    const reply = await search({ jql: `key = ${issue.key}`, expand: 'changelog' });
    const changelog = reply.body.issues[0].changelog;
    expect(changelog.total).toBe(45);
    expect(changelog.histories).toHaveLength(40);
    const direct = await call(api(`/issue/${issue.key}/changelog?maxResults=100`), { headers: as(t.sim, 'admin') });
    expect(direct.body.total).toBe(45);
  });

  it('serves the legacy search as Jira did before removal when the switch is on', async () => {
    const get = await call(api(`/search?jql=${encodeURIComponent('project = PLAT')}&startAt=2&maxResults=3&fields=summary`), { headers: as(t.sim, 'admin') });
    expect(get.status).toBe(200);
    expect(get.body).toMatchObject({ startAt: 2, maxResults: 3 });
    expect(get.body.total).toBeGreaterThan(5);
    expect(Object.keys(get.body.issues[0].fields)).toEqual(['summary']);
    const post = await call(api('/search'), { method: 'POST', headers: { ...as(t.sim, 'admin'), 'content-type': 'application/json' }, body: JSON.stringify({ jql: 'project = PLAT', maxResults: 2, expand: ['names'] }) });
    expect(post.body.issues).toHaveLength(2);
  });
});
