import { afterEach, describe, expect, it } from 'vitest';
import { as, call, useSimulator } from '../testing/test-simulator.test-support.js';

const t = useSimulator();
const api = (path: string) => `${t.sim.sites[0]?.siteUrl ?? ''}/rest/api/3${path}`;

afterEach(() => t.sim.control.faults.clear());

describe('fault injection, rate limits and counters', () => {
  it('injects a 429 with Retry-After, X-RateLimit-* and RateLimit-Reason for the next N matching calls', async () => {
    t.sim.control.faults.add({ kind: 'rate-limit', path: '/rest/api/3/myself', times: 1, retryAfterSeconds: 7 });
    const limited = await call(api('/myself'), { headers: as(t.sim, 'apiUser') });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('ratelimit-reason')).toBe('jira-burst-based');
    expect(limited.body).toEqual({ errorMessages: ['The request has been rate-limited. Please try again later.'], errors: {}, status: 429 });
    const next = await call(api('/myself'), { headers: as(t.sim, 'apiUser') });
    expect(next.status).toBe(200);
  });

  it('can answer 429 the way the API gateway limiter did: no Retry-After, a reset time and a failure category', async () => {
    t.sim.control.faults.add({ kind: 'rate-limit', gatewayStyle: true, times: 1 });
    const reply = await call(api('/serverInfo'));
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBeNull();
    expect(reply.headers.get('x-ratelimit-reset')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(reply.headers.get('x-failure-category')).toBe('FAILURE CLIENT RATE LIMITED');
  });

  it('can serve the historic HTML 429 page', async () => {
    t.sim.control.faults.add({ kind: 'rate-limit', html: true, times: 1 });
    const reply = await call(api('/serverInfo'));
    expect(reply.status).toBe(429);
    expect(reply.headers.get('content-type')).toContain('text/html');
  });

  it('still answers normally when latency is added', async () => {
    t.sim.control.faults.add({ kind: 'latency', latencyMs: 20, path: '/rest/api/3/serverInfo', times: 1 });
    const reply = await call(api('/serverInfo'));
    expect(reply.status).toBe(200);
    expect(t.sim.control.faults.list()[0]?.applied).toBe(1);
  });

  it('enforces a burst token bucket per path and method, refilled by the simulator clock', async () => {
    t.sim.control.faults.burst({ enabled: true, capacity: 2, refillPerSecond: 1 });
    const statuses: number[] = [];
    for (let index = 0; index < 3; index += 1) statuses.push((await call(api('/serverInfo'))).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect((await call(api('/attachment/meta'), { headers: as(t.sim, 'apiUser') })).status).toBe(200);
    t.sim.control.clock.advance(1000);
    expect((await call(api('/serverInfo'))).status).toBe(200);
  });

  it('charges OAuth apps points (1 + objects) and answers 429 with the quota reason when the hour is spent', async () => {
    t.sim.control.faults.points({ enabled: true, quotaPerHour: 5, betaOnly: false });
    const tokens = t.sim.control.oauth.issueTokens();
    const url = `${t.sim.apiGatewayUrl}/ex/jira/${t.sim.sites[0]?.cloudId ?? ''}/rest/api/3/myself`;
    const headers = { authorization: `Bearer ${tokens.access_token}` };
    const first = await call(url, { headers });
    expect(first.headers.get('ratelimit-policy')).toBe('"global-app-quota";q=5;w=3600');
    await call(url, { headers });
    const third = await call(url, { headers });
    expect(third.status).toBe(429);
    expect(third.headers.get('ratelimit-reason')).toBe('jira-quota-global-based');
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('only announces the quota with Beta- headers while it is not enforced', async () => {
    t.sim.control.faults.points({ enabled: true, quotaPerHour: 1, betaOnly: true });
    const tokens = t.sim.control.oauth.issueTokens();
    const url = `${t.sim.apiGatewayUrl}/ex/jira/${t.sim.sites[0]?.cloudId ?? ''}/rest/api/3/myself`;
    await call(url, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    const second = await call(url, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(second.status).toBe(200);
    expect(second.headers.get('beta-ratelimit-policy')).toBe('"global-app-quota";q=1;w=3600');
    expect(second.headers.get('ratelimit-policy')).toBeNull();
  });

  it('does not charge API-token traffic against the points quota', async () => {
    t.sim.control.faults.points({ enabled: true, quotaPerHour: 1, betaOnly: false });
    for (let index = 0; index < 3; index += 1) expect((await call(api('/myself'), { headers: as(t.sim, 'apiUser') })).status).toBe(200);
  });

  it('serves configured 5xx statuses, 503 with Retry-After when asked', async () => {
    t.sim.control.faults.add({ kind: 'status', status: 503, retryAfterSeconds: 2, path: '/rest/api/3/project/search', times: 1 });
    t.sim.control.faults.add({ kind: 'status', status: 502, path: '/rest/api/3/projectCategory', times: 1 });
    const unavailable = await call(api('/project/search'), { headers: as(t.sim, 'apiUser') });
    const gateway = await call(api('/projectCategory'), { headers: as(t.sim, 'apiUser') });
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get('retry-after')).toBe('2');
    expect(gateway.status).toBe(502);
  });

  it('answers users/search with 409 when asked to, as Jira does for slow user queries', async () => {
    t.sim.control.faults.add({ kind: 'status', status: 409, path: '/rest/api/3/users/search', times: 1 });
    expect((await call(api('/users/search'), { headers: as(t.sim, 'apiUser') })).status).toBe(409);
  });

  it('drops the connection without a response', async () => {
    t.sim.control.faults.add({ kind: 'drop', path: '/rest/api/3/serverInfo', times: 1 });
    await expect(fetch(api('/serverInfo'))).rejects.toThrow();
  });

  it('fires every Nth matching call only', async () => {
    t.sim.control.faults.add({ kind: 'status', status: 500, path: '/rest/api/3/attachment/meta', everyNth: 2 });
    const statuses: number[] = [];
    for (let index = 0; index < 4; index += 1) statuses.push((await call(api('/attachment/meta'), { headers: as(t.sim, 'apiUser') })).status);
    expect(statuses).toEqual([200, 500, 200, 500]);
  });

  it('expires OAuth access tokens on demand', async () => {
    const tokens = t.sim.control.oauth.issueTokens();
    t.sim.control.faults.expireAccessTokens();
    const reply = await call(`${t.sim.apiGatewayUrl}/ex/jira/${t.sim.sites[0]?.cloudId ?? ''}/rest/api/3/myself`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(reply.status).toBe(401);
  });

  it('counts requests per endpoint template and credential', async () => {
    t.sim.control.counters.reset();
    await call(api('/issue/PLAT-1'), { headers: as(t.sim, 'apiUser') });
    await call(api('/issue/PLAT-3'), { headers: as(t.sim, 'apiUser') });
    await call(api('/issue/PLAT-1'));
    const rows = t.sim.control.counters.snapshot().filter((row) => row.path === '/rest/api/3/issue/{issueIdOrKey}');
    expect(rows.find((row) => row.credential === t.sim.credentials.apiUser.email)?.count).toBe(2);
    expect(rows.find((row) => row.credential === 'anonymous')?.count).toBe(1);
    const overHttp = await call(`${t.sim.sites[0]?.siteUrl ?? ''}/__sim/counters`);
    expect(overHttp.body.length).toBeGreaterThan(0);
  });
});
