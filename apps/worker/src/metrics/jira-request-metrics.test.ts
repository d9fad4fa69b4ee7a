import { channel } from 'node:diagnostics_channel';
import { createMetricsRegistry } from '@jira-sync/metrics';
import { afterEach, describe, expect, it } from 'vitest';
import { observeJiraRequests } from './jira-request-metrics.js';
import { createWorkerMetrics } from './worker-metrics.js';

const headers = channel('undici:request:headers');
const stops: Array<() => void> = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

function observe() {
  const registry = createMetricsRegistry('worker');
  const metrics = createWorkerMetrics(registry);
  stops.push(observeJiraRequests(metrics));
  return registry;
}

async function series(registry: ReturnType<typeof createMetricsRegistry>, name: string): Promise<Array<[Record<string, unknown>, number]>> {
  const metric = (await registry.getMetricsAsJSON()).find((entry) => entry.name === name);
  return (metric?.values ?? []).map((value) => [{ ...value.labels, app: undefined }, value.value]);
}

describe('observeJiraRequests', () => {
  it('labels OAuth requests with the gateway and cloud id, and API token requests with the site host', async () => {
    const registry = observe();
    headers.publish({ request: { origin: 'https://api.atlassian.com', path: '/ex/jira/cloud-1/rest/api/3/myself' }, response: { statusCode: 429 } });
    headers.publish({ request: { origin: 'https://acme.atlassian.net', path: '/rest/api/3/search/jql?jql=x' }, response: { statusCode: 200 } });
    expect(await series(registry, 'jira_sync_jira_requests_total')).toEqual([
      [{ site: 'api.atlassian.com/ex/jira/cloud-1', status: '429', app: undefined }, 1],
      [{ site: 'acme.atlassian.net', status: '200', app: undefined }, 1],
    ]);
    expect(await series(registry, 'jira_sync_jira_rate_limited_total')).toEqual([[{ site: 'api.atlassian.com/ex/jira/cloud-1', app: undefined }, 1]]);
  });

  it('ignores requests that are not Jira REST calls (token exchange, media downloads) and stops when told', async () => {
    const registry = observe();
    headers.publish({ request: { origin: 'https://auth.atlassian.com', path: '/oauth/token' }, response: { statusCode: 429 } });
    headers.publish({ request: { origin: 'https://api.media.atlassian.com', path: '/file/x/binary' }, response: { statusCode: 200 } });
    stops.splice(0).forEach((stop) => stop());
    headers.publish({ request: { origin: 'https://acme.atlassian.net', path: '/rest/api/3/myself' }, response: { statusCode: 200 } });
    expect(await series(registry, 'jira_sync_jira_requests_total')).toEqual([]);
  });
});
