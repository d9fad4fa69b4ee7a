/** Turns the fault rules that fire for a request into a delay, a dropped connection or an error reply. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Caller, SimReply } from '../http/route-types.js';
import { rateLimited } from './rate-limited-reply.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';
import type { FaultTarget } from './fault-engine.js';

const OOPS_HTML = '<html><head><title>Oops, you&#39;ve found a dead link. - JIRA</title></head><body><h1>Oops - an error has occurred</h1></body></html>';

/** A 5xx page from the edge in front of Jira: HTML, not JSON (Jira's load balancer and proxies answer like this). */
export function htmlStatusReply(status: number, headers: Record<string, string> = {}): SimReply {
  return { status, headers, raw: `<html><body><h1>${status}</h1><p>The service is temporarily unavailable.</p></body></html>`, contentType: 'text/html;charset=UTF-8' };
}

/** What a suspended site answers to every call: the edge's 503 page, not a Jira ErrorCollection. */
export function suspendedReply(): SimReply {
  return { status: 503, raw: '<html><head><title>Site unavailable</title></head><body><h1>This site is temporarily unavailable</h1></body></html>', contentType: 'text/html;charset=UTF-8' };
}

const EDGE_STATUSES = [500, 502, 503, 504] as const;

function statusReply(status: number, retryAfterSeconds: number | undefined, html: boolean): SimReply {
  const headers: Record<string, string> = retryAfterSeconds !== undefined ? { 'retry-after': String(retryAfterSeconds) } : {};
  if (html) return htmlStatusReply(status, headers);
  if (status === 409) return { status, headers, body: { errorMessages: ['The search took too long to complete. Try again later.'], errors: {} } };
  if (status === 500) return { status, headers, body: { errorMessages: ['Internal server error'], errors: {} } };
  return htmlStatusReply(status, headers);
}

/** Applies the firing rules: 'drop', a reply, or undefined (continue normally). */
export async function applyFaults(runtime: SimRuntime, target: FaultTarget, caller: Caller | undefined): Promise<'drop' | SimReply | undefined> {
  const fired = runtime.faults.pick(target);
  for (const rule of fired) {
    if (rule.kind === 'latency' && rule.latencyMs) await sleep(rule.latencyMs);
  }
  for (const rule of fired) {
    switch (rule.kind) {
      case 'drop':
        return 'drop';
      case 'expire-token':
        if (caller?.via === 'bearer') return { status: 401, body: { code: 401, message: 'Unauthorized' } };
        break;
      case 'rate-limit': {
        const retry = rule.retryAfterSeconds ?? 1;
        const reply = rateLimited(retry, 100, rule.reason ?? 'jira-burst-based', new Date(runtime.clock.now() + retry * 1000));
        if (rule.gatewayStyle) {
          const { 'retry-after': _dropped, 'ratelimit-reason': _reason, ...headers } = reply.headers ?? {};
          return { ...reply, headers: { ...headers, 'x-ratelimit-limit': '360000', 'x-failure-category': 'FAILURE CLIENT RATE LIMITED' } };
        }
        return rule.html ? { ...reply, body: undefined, raw: OOPS_HTML, contentType: 'text/html;charset=UTF-8' } : reply;
      }
      case 'status':
        return statusReply(rule.status ?? 500, rule.retryAfterSeconds, rule.html === true);
      default:
        break;
    }
  }
  // Switch serverErrorRate: a seeded share of every REST call meets an HTML 5xx from the edge instead of JSON.
  if (runtime.options.serverErrorRate > 0 && runtime.productionRng.next() < runtime.options.serverErrorRate) {
    return htmlStatusReply(EDGE_STATUSES[runtime.productionRng.int(EDGE_STATUSES.length)] ?? 502);
  }
  return undefined;
}
