/** Turns the fault rules that fire for a request into a delay, a dropped connection or an error reply. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Caller, SimReply } from '../http/route-types.js';
import { rateLimited } from './rate-limited-reply.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';
import type { FaultTarget } from './fault-engine.js';

const OOPS_HTML = '<html><head><title>Oops, you&#39;ve found a dead link. - JIRA</title></head><body><h1>Oops - an error has occurred</h1></body></html>';

function statusReply(status: number, retryAfterSeconds: number | undefined): SimReply {
  const headers: Record<string, string> = retryAfterSeconds !== undefined ? { 'retry-after': String(retryAfterSeconds) } : {};
  if (status === 409) return { status, headers, body: { errorMessages: ['The search took too long to complete. Try again later.'], errors: {} } };
  if (status === 500) return { status, headers, body: { errorMessages: ['Internal server error'], errors: {} } };
  return { status, headers, raw: `<html><body><h1>${status}</h1><p>The service is temporarily unavailable.</p></body></html>`, contentType: 'text/html;charset=UTF-8' };
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
        return statusReply(rule.status ?? 500, rule.retryAfterSeconds);
      default:
        break;
    }
  }
  return undefined;
}
