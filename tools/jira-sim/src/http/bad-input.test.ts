import { describe, expect, it } from 'vitest';
import { as, call, useSimulator } from '../testing/test-simulator.test-support.js';

const t = useSimulator();
const api = (path: string) => `${t.sim.sites[0]?.siteUrl ?? ''}/rest/api/3${path}`;

describe('bad input', () => {
  it('answers malformed percent-encoding in the path with 400 on the site', async () => {
    const reply = await call(api('/issue/PLAT-%E0%A4%A'), { headers: as(t.sim, 'admin') });
    expect(reply.status).toBe(400);
    expect(reply.body.errorMessages).toEqual([expect.stringContaining('percent-encoding')]);
  });

  it('answers malformed percent-encoding in the cloud id with 400 on the gateway', async () => {
    const reply = await call(`${t.sim.apiGatewayUrl}/ex/jira/%E0%A4%A/rest/api/3/myself`);
    expect(reply.status).toBe(400);
  });

  it('refuses a body over the size limit with 413 instead of reading it as empty', async () => {
    const body = JSON.stringify({ jql: 'project = PLAT', fields: ['summary'], padding: 'x'.repeat(11 * 1024 * 1024) });
    const reply = await call(api('/search/jql'), { method: 'POST', headers: { ...as(t.sim, 'admin'), 'content-type': 'application/json' }, body });
    expect(reply.status).toBe(413);
    expect(reply.body.errorMessages).toEqual(['The request body is too large.']);
  });
});

describe('deeply nested JQL', () => {
  it('answers very deep nesting with a JQL 400 instead of overflowing the stack', async () => {
    const jql = `${'('.repeat(20_000)}project = PLAT${')'.repeat(20_000)}`;
    const reply = await call(api('/search/jql'), { method: 'POST', headers: { ...as(t.sim, 'admin'), 'content-type': 'application/json' }, body: JSON.stringify({ jql }) });
    expect(reply.status).toBe(400);
    expect(reply.body.errorMessages[0]).toMatch(/^Error in the JQL Query: The query is nested more than 200 levels deep/);
    const negated = await call(api('/search/jql'), { method: 'POST', headers: { ...as(t.sim, 'admin'), 'content-type': 'application/json' }, body: JSON.stringify({ jql: `${'NOT '.repeat(20_000)}project = PLAT` }) });
    expect(negated.status).toBe(400);
  });
});

describe('rate limit headers', () => {
  it('sends X-RateLimit-Limit and -Remaining with the burst limiter off', async () => {
    const reply = await call(api('/issue/PLAT-1?fields=summary'), { headers: as(t.sim, 'admin') });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-ratelimit-limit')).toBe('150');
    expect(Number(reply.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0);
    expect(reply.headers.get('x-ratelimit-nearlimit')).toBeNull();
  });
});
