import { afterEach, describe, expect, it } from 'vitest';
import { JiraNetworkError, JiraRateLimitedError, JiraServerError } from '../errors/jira-error.js';
import { collect } from '../paginate.js';
import { useJiraSimulator } from '../test-support/simulator.test-support.js';
import { SiteLimiterRegistry } from './adaptive-limiter.js';

const h = useJiraSimulator();
const PROJECTS = '/rest/api/3/project/search';
const MYSELF = '/rest/api/3/myself';

afterEach(() => {
  h.sim.control.faults.clear();
  h.sim.control.counters.reset();
});

const count = (path: string) => h.sim.control.counters.total({ path });

describe('the transport against simulated Jira faults', () => {
  it('rides out a 429 storm, honouring Retry-After, and slows the site down then speeds it up again', async () => {
    const limiters = new SiteLimiterRegistry({ clock: h.clock, maxConcurrency: 8, recoverAfter: 4 });
    const client = h.apiTokenClient('admin', { limiters });
    await client.verifyCredentials();
    const limiter = limiters.forSite(h.sim.sites[0]!.siteUrl.toLowerCase());
    h.sim.control.faults.add({ kind: 'rate-limit', path: PROJECTS, retryAfterSeconds: 3, times: 6 });
    const sleepsBefore = h.clock.sleeps.length;
    const results = await Promise.all(Array.from({ length: 8 }, () => collect(client.projects())));
    expect(new Set(results.map((r) => r.length)).size).toBe(1);
    expect(limiter.concurrency).toBeLessThan(8);
    expect(h.clock.sleeps.slice(sleepsBefore).filter((ms) => ms >= 3000).length).toBeGreaterThanOrEqual(6);
    const slowed = limiter.concurrency;
    for (let i = 0; i < 40; i++) await client.myself();
    expect(limiter.concurrency).toBeGreaterThan(slowed);
  });

  it('retries the historic HTML 429 page as well', async () => {
    const client = h.apiTokenClient('admin');
    await client.verifyCredentials();
    h.sim.control.counters.reset();
    h.sim.control.faults.add({ kind: 'rate-limit', path: MYSELF, html: true, times: 2 });
    await expect(client.myself()).resolves.toMatchObject({ accountId: h.sim.credentials.admin.accountId });
    expect(count(MYSELF)).toBe(3);
  });

  it('gives up on an endless storm within its budget with a retryable error', async () => {
    const client = h.apiTokenClient('admin', { retry: { maxAttempts: 4, maxTotalDelayMs: 120_000 } });
    await client.verifyCredentials();
    h.sim.control.counters.reset();
    h.sim.control.faults.add({ kind: 'rate-limit', path: PROJECTS, retryAfterSeconds: 1 });
    const error = await collect(client.projects()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraRateLimitedError);
    expect((error as JiraRateLimitedError).retryable).toBe(true);
    expect(count(PROJECTS)).toBe(4);
  });

  it('retries 502, 503 and 504, but not 500', async () => {
    const client = h.apiTokenClient('admin');
    await client.verifyCredentials();
    h.sim.control.counters.reset();
    for (const status of [502, 503, 504]) {
      h.sim.control.faults.add({ kind: 'status', path: MYSELF, status, times: 1 });
      await client.myself();
    }
    expect(count(MYSELF)).toBe(6);
    h.sim.control.faults.add({ kind: 'status', path: PROJECTS, status: 500, times: 1 });
    await expect(collect(client.projects())).rejects.toBeInstanceOf(JiraServerError);
    expect(count(PROJECTS)).toBe(1);
  });

  it('retries 409 from user search', async () => {
    const client = h.apiTokenClient('admin');
    await client.verifyCredentials();
    h.sim.control.counters.reset();
    await collect(client.users());
    const pages = count('/rest/api/3/users/search');
    h.sim.control.counters.reset();
    h.sim.control.faults.add({ kind: 'status', path: '/rest/api/3/users/search', status: 409, times: 2 });
    expect((await collect(client.users())).length).toBe(h.sim.control.groundTruth().users.length);
    // Both 409s were served and answered by a retry of the same page, not by a different path.
    expect(count('/rest/api/3/users/search')).toBe(pages + 2);
  });

  it('retries dropped connections and reports a network error when they persist', async () => {
    const client = h.apiTokenClient('admin', { retry: { maxAttempts: 3 } });
    await client.verifyCredentials();
    h.sim.control.faults.add({ kind: 'drop', path: MYSELF, times: 2 });
    await expect(client.myself()).resolves.toMatchObject({ accountId: h.sim.credentials.admin.accountId });
    h.sim.control.faults.add({ kind: 'drop', path: MYSELF });
    await expect(client.myself()).rejects.toBeInstanceOf(JiraNetworkError);
  });
});
