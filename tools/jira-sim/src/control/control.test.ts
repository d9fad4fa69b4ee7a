import { describe, expect, it } from 'vitest';
import { as, call, useSimulator } from '../testing/test-simulator.test-support.js';

const t = useSimulator();
const api = (path: string) => `${t.sim.sites[0]?.siteUrl ?? ''}/rest/api/3${path}`;
const doc = (text: string) => ({ type: 'doc' as const, version: 1 as const, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const search = (jqlText: string, extra: Record<string, unknown> = {}) =>
  call(api('/search/jql'), { method: 'POST', headers: { ...as(t.sim, 'admin'), 'content-type': 'application/json' }, body: JSON.stringify({ jql: jqlText, maxResults: 5000, ...extra }) });

describe('control API mutations', () => {
  it('creates an issue that search and GET issue both see', async () => {
    const issue = t.sim.control.issues.create({ projectKey: 'PLAT', summary: 'Created by a test', description: doc('hello') });
    const direct = await call(api(`/issue/${issue.key}`), { headers: as(t.sim, 'admin') });
    expect(direct.body.fields.summary).toBe('Created by a test');
    const found = await search(`key = ${issue.key}`);
    expect(found.body.issues).toEqual([{ id: issue.id }]);
  });

  it('moves `updated` forward and writes a changelog entry on update', async () => {
    const before = t.sim.control.site().issues.get('10004')?.updated ?? 0;
    t.sim.control.clock.advance(60_000);
    const updated = t.sim.control.issues.update('10004', { summary: 'Renamed' });
    expect(updated.updated).toBeGreaterThan(before);
    const changelog = await call(api('/issue/10004/changelog'), { headers: as(t.sim, 'admin') });
    expect(changelog.body.values.at(-1).items[0]).toMatchObject({ field: 'summary', toString: 'Renamed' });
  });

  it('bumps the issue when a comment is added, edited or deleted', async () => {
    const issue = t.sim.control.issues.create({ projectKey: 'HELP', summary: 'Comment target' });
    t.sim.control.clock.advance(1000);
    const comment = t.sim.control.comments.add(issue.key, { body: doc('first') });
    const afterAdd = t.sim.control.site().issues.get(issue.id)?.updated ?? 0;
    expect(afterAdd).toBeGreaterThan(issue.created);
    t.sim.control.clock.advance(1000);
    t.sim.control.comments.delete(comment.id);
    expect(t.sim.control.site().issues.get(issue.id)?.updated ?? 0).toBeGreaterThan(afterAdd);
    const gone = await call(api(`/issue/${issue.key}/comment/${comment.id}`), { headers: as(t.sim, 'admin') });
    expect(gone.status).toBe(404);
  });

  it('makes search lag behind writes while direct reads and reconcileIssues see them at once', async () => {
    t.sim.control.search.setLagMs(5000);
    const issue = t.sim.control.issues.create({ projectKey: 'PLAT', summary: 'Lagging' });
    const stale = await search(`key = ${issue.key}`);
    const reconciled = await search(`key = ${issue.key}`, { reconcileIssues: [Number(issue.id)] });
    const direct = await call(api(`/issue/${issue.id}`), { headers: as(t.sim, 'admin') });
    t.sim.control.clock.advance(5001);
    const fresh = await search(`key = ${issue.key}`);
    t.sim.control.search.setLagMs(0);
    expect(stale.body.issues).toEqual([]);
    expect(reconciled.body.issues).toEqual([{ id: issue.id }]);
    expect(direct.status).toBe(200);
    expect(fresh.body.issues).toEqual([{ id: issue.id }]);
  });

  it('hides a deleted issue everywhere and drops it from the ground truth', async () => {
    const issue = t.sim.control.issues.create({ projectKey: 'PLAT', summary: 'To delete' });
    t.sim.control.issues.delete(issue.key);
    expect((await call(api(`/issue/${issue.key}`), { headers: as(t.sim, 'admin') })).status).toBe(404);
    expect(t.sim.control.groundTruth().issues.some((candidate) => candidate.id === issue.id)).toBe(false);
  });

  it('changes visibility when a grant is added, and audits the change', async () => {
    const me = t.sim.credentials.apiUser.accountId;
    const target = t.sim.control.groundTruth().issues.find((issue) => issue.key.startsWith('SEC-') && !issue.securityLevelId && !issue.acl.readers?.includes(me));
    expect((await call(api(`/issue/${target?.key ?? ''}`), { headers: as(t.sim, 'apiUser') })).status).toBe(404);
    const grantId = t.sim.control.access.addGrant({ schemeId: 10001, permission: 'BROWSE_PROJECTS', holder: { type: 'user', parameter: me, value: me } });
    expect((await call(api(`/issue/${target?.key ?? ''}`), { headers: as(t.sim, 'apiUser') })).status).toBe(200);
    t.sim.control.access.removeGrant({ grantId });
    expect((await call(api(`/issue/${target?.key ?? ''}`), { headers: as(t.sim, 'apiUser') })).status).toBe(404);
    const audit = await call(api('/auditing/record?limit=5'), { headers: as(t.sim, 'admin') });
    expect(audit.body.records[0].summary).toBe('Permission scheme updated');
  });

  it('shows a hidden email once the account makes it visible', async () => {
    const oauthUser = t.sim.credentials.oauthUser.accountId;
    const hidden = await call(api(`/user?accountId=${oauthUser}`), { headers: as(t.sim, 'apiUser') });
    expect(hidden.body.emailAddress).toBeUndefined();
    t.sim.control.access.setEmailVisibility(oauthUser, true);
    const shown = await call(api(`/user?accountId=${oauthUser}`), { headers: as(t.sim, 'apiUser') });
    t.sim.control.access.setEmailVisibility(oauthUser, false);
    expect(shown.body.emailAddress).toBe(t.sim.credentials.oauthUser.email);
  });

  it('serves the same operations over HTTP under /__sim', async () => {
    const site = t.sim.sites[0]?.siteUrl ?? '';
    const created = await call(`${site}/__sim/issues`, { method: 'POST', body: JSON.stringify({ projectKey: 'HELP', summary: 'Over HTTP' }) });
    expect(created.body.key).toMatch(/^HELP-/);
    const clock = await call(`${site}/__sim/clock/advance`, { method: 'POST', body: JSON.stringify({ ms: 1000 }) });
    expect(clock.body.now).toBeGreaterThan(0);
    const truth = await call(`${site}/__sim/ground-truth?format=json`);
    expect(truth.body.issues.some((issue: { key: string }) => issue.key === created.body.key)).toBe(true);
    const compact = await call(`${site}/__sim/ground-truth?format=json&readers=false`);
    expect(compact.body.issues[0].acl.readers).toBeUndefined();
    expect(truth.body.issues[0].acl.readers).toEqual(expect.any(Array));
  });
});

describe('audit log', () => {
  it('pages newest first with offset/limit and keeps the unfiltered total when filtering', async () => {
    const all = await call(api('/auditing/record?offset=0&limit=3'), { headers: as(t.sim, 'admin') });
    const filtered = await call(api('/auditing/record?filter=zzz-no-match'), { headers: as(t.sim, 'admin') });
    expect(all.body.records).toHaveLength(3);
    expect(filtered.body.records).toEqual([]);
    expect(filtered.body.total).toBe(all.body.total);
  });

  it('refuses non-administrators with 403', async () => {
    expect((await call(api('/auditing/record'), { headers: as(t.sim, 'apiUser') })).status).toBe(403);
  });
});
