import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { WorkerMetrics } from './worker-metrics.js';

/** What undici publishes on `undici:request:headers` once a response's status line and headers arrived. */
interface UndiciHeadersMessage {
  request: { origin?: unknown; path?: unknown };
  response: { statusCode?: unknown };
}

const CHANNEL = 'undici:request:headers';
const OAUTH_GATEWAY_SITE = /^\/ex\/jira\/([^/?]+)\//;

/**
 * Counts the Jira REST requests libs/jira-client sends (it speaks undici, which reports every response on a
 * diagnostics channel), by site and status: the site is the origin (API token) or the gateway origin with the cloud
 * id (OAuth). Only `/rest/` paths count, so token exchanges and attachment media downloads do not. Returns the
 * function that stops counting.
 */
export function observeJiraRequests(metrics: WorkerMetrics): () => void {
  const onMessage = (message: unknown) => {
    const { request, response } = message as UndiciHeadersMessage;
    const path = typeof request?.path === 'string' ? request.path : '';
    if (!path.includes('/rest/') || typeof request.origin !== 'string' && !(request.origin instanceof URL)) return;
    const site = siteOf(String(request.origin), path);
    const status = typeof response?.statusCode === 'number' ? response.statusCode : 0;
    metrics.jiraRequests.inc({ site, status: String(status) });
    if (status === 429) metrics.jiraRateLimited.inc({ site });
  };
  subscribe(CHANNEL, onMessage);
  return () => void unsubscribe(CHANNEL, onMessage);
}

function siteOf(origin: string, path: string): string {
  const host = URL.canParse(origin) ? new URL(origin).host : origin;
  const cloudId = OAUTH_GATEWAY_SITE.exec(path)?.[1];
  return cloudId ? `${host}/ex/jira/${cloudId}` : host;
}
