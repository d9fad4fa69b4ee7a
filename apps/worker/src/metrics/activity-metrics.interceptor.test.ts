import { createMetricsRegistry } from '@jira-sync/metrics';
import { MockActivityEnvironment } from '@temporalio/testing';
import { describe, expect, it } from 'vitest';
import { activityMetricsInterceptor } from './activity-metrics.interceptor.js';
import { createWorkerMetrics } from './worker-metrics.js';

async function valueOf(registry: ReturnType<typeof createMetricsRegistry>, name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = (await registry.getMetricsAsJSON()).find((entry) => entry.name === name);
  const match = metric?.values.find((value) => Object.entries(labels).every(([key, expected]) => value.labels[key] === expected));
  return match?.value ?? 0;
}

describe('activityMetricsInterceptor', () => {
  it('counts completed and failed executions by activity type', async () => {
    const registry = createMetricsRegistry('worker');
    const metrics = createWorkerMetrics(registry);
    const env = new MockActivityEnvironment({ activityType: 'syncUsers' }, { interceptors: [activityMetricsInterceptor(metrics)] });
    await env.run(async () => ({ users: 3 }));
    await expect(env.run(async () => Promise.reject(new Error('Jira is down')))).rejects.toThrow('Jira is down');
    expect(await valueOf(registry, 'jira_sync_worker_activities_total', { activity: 'syncUsers', outcome: 'completed' })).toBe(1);
    expect(await valueOf(registry, 'jira_sync_worker_activities_total', { activity: 'syncUsers', outcome: 'failed' })).toBe(1);
    const durations = (await registry.getMetricsAsJSON()).find((entry) => entry.name === 'jira_sync_worker_activity_duration_seconds');
    const counts = durations?.values.filter((value) => (value as { metricName?: string }).metricName === 'jira_sync_worker_activity_duration_seconds_count');
    expect(counts?.map((value) => [value.labels['outcome'], value.value]).sort()).toEqual([
      ['completed', 1],
      ['failed', 1],
    ]);
    expect(await valueOf(registry, 'jira_sync_worker_issues_synced_total')).toBe(0);
  });

  it('adds the issues syncProjectIssues reports to the issues-synced counter', async () => {
    const registry = createMetricsRegistry('worker');
    const metrics = createWorkerMetrics(registry);
    const env = new MockActivityEnvironment({ activityType: 'syncProjectIssues' }, { interceptors: [activityMetricsInterceptor(metrics)] });
    await env.run(async () => ({ issues: 7, comments: 2 }));
    await env.run(async () => ({ issues: 5 }));
    expect(await valueOf(registry, 'jira_sync_worker_issues_synced_total')).toBe(12);
  });
});
