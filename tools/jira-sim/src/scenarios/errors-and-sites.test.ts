/** Issue #11: 5xx replies the sync must retry or survive, and a suspended site. */
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator } from '../simulator/start-simulator.js';
import { as, call, useSimulator } from '../testing/test-simulator.test-support.js';

const t = useSimulator({ switches: { heavyExpandFailureRate: 0.5 } });
const site = () => t.sim.sites[0]?.siteUrl ?? '';
const api = (path: string) => `${site()}/rest/api/3${path}`;
const MANY_FIELDS = ['summary', 'status', 'assignee', 'reporter', 'priority', 'labels', 'components', 'created', 'updated', 'description', 'comment', 'attachment'];
const search = (body: Record<string, unknown>) =>
  call(api('/search/jql'), { method: 'POST', headers: { ...as(t.sim, 'admin'), 'content-type': 'application/json' }, body: JSON.stringify({ jql: 'project in (PLAT, SEC, HELP) ORDER BY key ASC', ...body }) });

afterEach(() => {
  t.sim.control.faults.clear();
  t.sim.control.sites.setSuspended(false);
});

describe('heavy expansions (switch heavyExpandFailureRate)', () => {
  it('sporadically answers 500 to expand=changelog,transitions with many fields at 100 a page, never to light pages', async () => {
    const heavy = [];
    for (let index = 0; index < 12; index += 1) heavy.push(await search({ fields: MANY_FIELDS, expand: 'changelog,transitions', maxResults: 100 }));
    const failed = heavy.filter((reply) => reply.status === 500);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(heavy.length);
    expect(failed[0]?.body).toEqual({ errorMessages: ['Internal server error'], errors: {} });
    const light = [];
    for (let index = 0; index < 12; index += 1) light.push((await search({ fields: MANY_FIELDS, expand: 'changelog', maxResults: 20 })).status);
    expect(light.every((status) => status === 200)).toBe(true);
  });
});

describe('HTML 5xx bodies', () => {
  it('serves a 500 as an HTML page instead of JSON when the fault asks for html', async () => {
    t.sim.control.faults.add({ kind: 'status', status: 500, html: true, path: '/rest/api/3/serverInfo', times: 1 });
    const reply = await call(api('/serverInfo'));
    expect(reply.status).toBe(500);
    expect(reply.headers.get('content-type')).toContain('text/html');
    expect(reply.text).toContain('<html>');
  });

  it('answers a seeded share of every call with an HTML 5xx (switch serverErrorRate), the same way for the same seed', async () => {
    const statuses = async (): Promise<Array<{ status: number; type: string }>> => {
      const sim = await startSimulator({ switches: { serverErrorRate: 0.3 } });
      try {
        const out = [];
        for (let index = 0; index < 30; index += 1) {
          const reply = await call(`${sim.sites[0]?.siteUrl ?? ''}/rest/api/3/serverInfo`);
          out.push({ status: reply.status, type: reply.headers.get('content-type') ?? '' });
        }
        return out;
      } finally {
        await sim.stop();
      }
    };
    const first = await statuses();
    const errors = first.filter((reply) => reply.status >= 500);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.length).toBeLessThan(first.length);
    expect(errors.every((reply) => [500, 502, 503, 504].includes(reply.status) && reply.type.includes('text/html'))).toBe(true);
    expect(await statuses()).toEqual(first);
  });
});

describe('suspended site (control sites.setSuspended, POST /__sim/sites/suspended)', () => {
  it('answers 503 on every call, site host and gateway alike, until resumed', async () => {
    const cloudId = t.sim.sites[0]?.cloudId ?? '';
    const token = t.sim.control.oauth.issueTokens().access_token;
    const suspend = await call(`${site()}/__sim/sites/suspended`, { method: 'POST', body: JSON.stringify({ suspended: true }) });
    expect(suspend.status).toBe(200);
    const replies = [
      await call(api('/serverInfo')),
      await call(api('/myself'), { headers: as(t.sim, 'apiUser') }),
      await call(api('/search/jql?jql=project%20%3D%20PLAT'), { headers: as(t.sim, 'apiUser') }),
      await call(`${site()}/_edge/tenant_info`),
      await call(`${t.sim.apiGatewayUrl}/ex/jira/${cloudId}/rest/api/3/myself`, { headers: { authorization: `Bearer ${token}` } }),
    ];
    expect(replies.map((reply) => reply.status)).toEqual([503, 503, 503, 503, 503]);
    expect(replies.every((reply) => reply.headers.get('content-type')?.includes('text/html'))).toBe(true);
    const other = await call(`${t.sim.sites[1]?.siteUrl ?? ''}/rest/api/3/serverInfo`);
    expect(other.status).toBe(200);
    t.sim.control.sites.setSuspended(false);
    expect((await call(api('/serverInfo'))).status).toBe(200);
  });
});
