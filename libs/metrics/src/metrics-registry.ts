import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * A registry of one app's metrics: Node's process metrics (event loop lag, heap, GC) plus what the app adds, every
 * series labelled `app` so one Prometheus job can scrape the three apps.
 */
export function createMetricsRegistry(app: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ app });
  collectDefaultMetrics({ register: registry, prefix: 'jira_sync_' });
  return registry;
}
