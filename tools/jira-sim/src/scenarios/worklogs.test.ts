/** Issue #11: `fields.worklog` embeds 20 worklogs while `total` says more; the worklog endpoint serves them all. */
import { describe, expect, it } from 'vitest';
import { worklogsOf } from '../content/worklogs.js';
import { startSimulator } from '../simulator/start-simulator.js';
import { as, call, useSimulator } from '../testing/test-simulator.test-support.js';

const t = useSimulator({ switches: { worklogs: true } });
const api = (path: string) => `${t.sim.sites[0]?.siteUrl ?? ''}/rest/api/3${path}`;

describe('worklogs (switch worklogs)', () => {
  it('embeds 20 worklogs with the larger total, and serves every one from issue/{id}/worklog', async () => {
    const state = t.sim.control.site();
    const busy = [...state.issues.values()].find((issue) => worklogsOf(state, issue).length > 20);
    expect(busy).toBeDefined();
    const total = busy ? worklogsOf(state, busy).length : 0;
    const issue = await call(api(`/issue/${busy?.key ?? ''}?fields=worklog`), { headers: as(t.sim, 'admin') });
    expect(issue.body.fields.worklog).toMatchObject({ startAt: 0, maxResults: 20, total });
    expect(issue.body.fields.worklog.worklogs).toHaveLength(20);
    const searched = await call(api('/search/jql'), { method: 'POST', headers: { ...as(t.sim, 'admin'), 'content-type': 'application/json' }, body: JSON.stringify({ jql: `key = ${busy?.key ?? ''}`, fields: ['worklog'] }) });
    expect(searched.body.issues[0].fields.worklog.worklogs).toHaveLength(20);
    const page = await call(api(`/issue/${busy?.key ?? ''}/worklog`), { headers: as(t.sim, 'admin') });
    expect(page.body).toMatchObject({ startAt: 0, maxResults: 5000, total });
    expect(page.body.worklogs).toHaveLength(total);
    expect(page.body.worklogs.slice(0, 20)).toEqual(issue.body.fields.worklog.worklogs);
    expect(page.body.worklogs[0]).toMatchObject({ issueId: busy?.id, timeSpent: expect.stringMatching(/^(\d+h)?( ?\d+m)?$/), comment: { type: 'doc' } });
    const second = await call(api(`/issue/${busy?.key ?? ''}/worklog?startAt=20&maxResults=5`), { headers: as(t.sim, 'admin') });
    expect(second.body.worklogs.map((worklog: { id: string }) => worklog.id)).toEqual(page.body.worklogs.slice(20, 25).map((worklog: { id: string }) => worklog.id));
  });

  it('leaves fields.worklog out and serves an empty worklog page when the switch is off', async () => {
    const sim = await startSimulator();
    try {
      const headers = { authorization: `Basic ${Buffer.from(`${sim.credentials.admin.email}:${sim.credentials.admin.apiToken}`).toString('base64')}` };
      const issue = await call(`${sim.sites[0]?.siteUrl ?? ''}/rest/api/3/issue/PLAT-1`, { headers });
      expect(issue.status).toBe(200);
      expect('worklog' in issue.body.fields).toBe(false);
      const page = await call(`${sim.sites[0]?.siteUrl ?? ''}/rest/api/3/issue/PLAT-1/worklog`, { headers });
      expect(page.body).toEqual({ startAt: 0, maxResults: 5000, total: 0, worklogs: [] });
    } finally {
      await sim.stop();
    }
  });
});
