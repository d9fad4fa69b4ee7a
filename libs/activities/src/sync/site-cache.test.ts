import { describe, expect, it } from 'vitest';
import { SyncRunCache } from './site-cache.js';

const run = { tenantId: 'acme', connectorId: 'jira', generation: 1, syncRunId: 'r1' };

describe('SyncRunCache', () => {
  it('loads a run value once, concurrent callers included, and again for another run', async () => {
    const cache = new SyncRunCache();
    let loads = 0;
    const load = async () => ++loads;
    const [first, second] = await Promise.all([cache.memo(run, 'fields', load), cache.memo(run, 'fields', load)]);
    expect([first, second, loads]).toEqual([1, 1, 1]);
    expect(await cache.memo({ ...run, generation: 2 }, 'fields', load)).toBe(2);
    expect(await cache.memo({ ...run, tenantId: 'other' }, 'fields', load)).toBe(3);
  });

  it('forgets a failed load, so the next caller (a retried activity) reads again', async () => {
    const cache = new SyncRunCache();
    await expect(cache.memo(run, 'groups', async () => Promise.reject(new Error('Jira is down')))).rejects.toThrow('Jira is down');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.memo(run, 'groups', async () => 'listed')).toBe('listed');
  });

  it('keeps what was loaded when a step offers the same value, and stays within its bound', async () => {
    const cache = new SyncRunCache({ max: 3 });
    await cache.memo(run, 'groups', async () => ['loaded']);
    cache.offer(run, 'groups', ['offered']);
    expect(await cache.memo(run, 'groups', async () => ['again'])).toEqual(['loaded']);
    cache.offer(run, 'fields', ['offered']);
    expect(await cache.memo(run, 'fields', async () => ['loaded'])).toEqual(['offered']);
    for (let generation = 10; generation < 20; generation += 1) await cache.memo({ ...run, generation }, 'fields', async () => generation);
    expect(cache.size).toBe(3);
  });
});
