import { Counter, Histogram, type Registry } from '@jira-sync/metrics';

/** The worker's own series (the Temporal SDK's are appended to /metrics from its exporter). */
export interface WorkerMetrics {
  /** Activity executions by activity type and outcome (completed, failed). */
  activities: Counter<'activity' | 'outcome'>;
  activitySeconds: Histogram<'activity' | 'outcome'>;
  /** Jira REST requests sent (retries included) by site and status code. */
  jiraRequests: Counter<'site' | 'status'>;
  /** Jira answers 429 (rate limited) by site. */
  jiraRateLimited: Counter<'site'>;
  /** Issues published by syncProjectIssues. */
  issuesSynced: Counter;
}

/** Registers the worker's series on `registry`. */
export function createWorkerMetrics(registry: Registry): WorkerMetrics {
  const registers = [registry];
  return {
    activities: new Counter({ name: 'jira_sync_worker_activities_total', help: 'Activity executions by type and outcome.', labelNames: ['activity', 'outcome'], registers }),
    activitySeconds: new Histogram({
      name: 'jira_sync_worker_activity_duration_seconds',
      help: 'Activity execution time by type and outcome.',
      labelNames: ['activity', 'outcome'],
      buckets: [0.05, 0.25, 1, 5, 15, 60, 300, 1800],
      registers,
    }),
    jiraRequests: new Counter({ name: 'jira_sync_jira_requests_total', help: 'Jira REST requests sent (retries included) by site and status.', labelNames: ['site', 'status'], registers }),
    jiraRateLimited: new Counter({ name: 'jira_sync_jira_rate_limited_total', help: 'Jira answers with 429 Too Many Requests by site.', labelNames: ['site'], registers }),
    issuesSynced: new Counter({ name: 'jira_sync_worker_issues_synced_total', help: 'Issues published as record events by syncProjectIssues.', registers }),
  };
}
