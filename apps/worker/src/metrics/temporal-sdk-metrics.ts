import type { RuntimeOptions } from '@temporalio/worker';

/**
 * The Temporal SDK's own metrics (task slots, poll latencies, sticky cache, activity and workflow task counts) come
 * from its Rust core, which serves them in Prometheus format on `bindAddress`. The worker appends that text to its own
 * /metrics, so one scrape target has both.
 */
export function temporalSdkMetrics(bindAddress: string | undefined): {
  telemetryOptions: RuntimeOptions['telemetryOptions'];
  scrape?: () => Promise<string>;
} {
  if (bindAddress === undefined) return { telemetryOptions: {} };
  const url = `http://${bindAddress.replace(/^0\.0\.0\.0:/, '127.0.0.1:').replace(/^\[::\]:/, '[::1]:')}/metrics`;
  return {
    telemetryOptions: { metrics: { prometheus: { bindAddress, countersTotalSuffix: true, useSecondsForDurations: true, unitSuffix: true }, metricPrefix: 'temporal_' } },
    scrape: async () => {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (!response.ok) throw new Error(`the Temporal SDK metrics exporter answered ${response.status}`);
      return response.text();
    },
  };
}
