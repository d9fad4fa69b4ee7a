import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import type { WorkerMetrics } from './worker-metrics.js';

/** Counts and times every activity execution; syncProjectIssues also adds the issues it published. */
export function activityMetricsInterceptor(metrics: WorkerMetrics): ActivityInterceptorsFactory {
  return (context) => ({
    inbound: {
      async execute(input, next) {
        const activity = context.info.activityType;
        const stopTimer = metrics.activitySeconds.startTimer({ activity });
        try {
          const result = await next(input);
          metrics.activities.inc({ activity, outcome: 'completed' });
          stopTimer({ outcome: 'completed' });
          if (activity === 'syncProjectIssues') metrics.issuesSynced.inc(issuesOf(result));
          return result;
        } catch (error) {
          metrics.activities.inc({ activity, outcome: 'failed' });
          stopTimer({ outcome: 'failed' });
          throw error;
        }
      },
    },
  });
}

function issuesOf(result: unknown): number {
  const issues = (result as { issues?: unknown } | null)?.issues;
  return typeof issues === 'number' && Number.isFinite(issues) && issues > 0 ? issues : 0;
}
