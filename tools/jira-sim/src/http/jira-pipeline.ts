/**
 * One Jira REST request from arrival to reply: locate site and route, authenticate (site: Basic with anonymous
 * fallback; gateway: Bearer with scope check), apply faults and rate limits, run the handler, count the request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveBasicCaller } from '../auth/basic-auth.js';
import { resolveScopedTokenCaller } from '../auth/scoped-token.js';
import { GATEWAY_SCOPE_MISMATCH, GATEWAY_UNAUTHORIZED, resolveBearerCaller, scopeAllows } from '../auth/bearer-auth.js';
import { applyFaults, suspendedReply } from '../faults/apply-faults.js';
import { rateLimited } from '../faults/rate-limited-reply.js';
import { runAutomation } from '../runtime/automation.js';
import type { SimRuntime, SiteRuntime } from '../runtime/sim-runtime.js';
import { HttpError } from './http-error.js';
import { readBody } from './listener.js';
import { TrackedParams } from './tracked-params.js';
import { errorReply } from './replies.js';
import type { Caller, SimReply } from './route-types.js';
import type { Router } from './router.js';
import { writeReply } from './write-reply.js';

const AUTH_REQUIRED_HTML = 'Client must be authenticated to access this resource.';
const ATTACHMENT_CONTENT = new Set(['/rest/api/3/attachment/content/{id}', '/rest/api/3/attachment/thumbnail/{id}']);
const LOGIN_PAGE_HTML =
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Log in with Atlassian account</title></head>' +
  '<body><form id="form-login" action="/login" method="post"><input id="username" name="username" type="email"><button id="login-submit">Continue</button></form></body></html>';
let requestSequence = 0;

export interface JiraEntry {
  runtime: SimRuntime;
  router: Router;
  /** Set for a site listener; undefined for the gateway (site comes from the cloudId in the path). */
  site?: SiteRuntime;
}

/** Handles a request already known to target the Jira REST API. */
export async function handleJiraRequest(entry: JiraEntry, request: IncomingMessage, response: ServerResponse, site: SiteRuntime, path: string, url: URL): Promise<void> {
  const { runtime, router } = entry;
  const method = (request.method ?? 'GET').toUpperCase();
  const matched = router.match(method, path);
  const template = 'route' in matched ? matched.route.path : path;
  const viaGateway = entry.site === undefined;
  const cloudId = site.state.cloudId;
  let caller: Caller | undefined;
  let reply: SimReply;
  const observed = runtime.replyObservers.length > 0;
  const query = observed ? new TrackedParams(url.searchParams) : url.searchParams;
  let rawBody: Buffer = Buffer.alloc(0);
  if (viaGateway) {
    caller = resolveBearerCaller(runtime, request.headers.authorization, cloudId) ?? resolveScopedTokenCaller(runtime, request.headers.authorization, cloudId);
  } else {
    const resolved = resolveBasicCaller(runtime, request.headers.authorization);
    caller = 'refusedOnSite' in resolved ? undefined : resolved;
  }
  const credential = caller?.credential ?? 'invalid';
  const record = (status: number): void => runtime.counters.record(cloudId, method, template, credential, status);
  if (site.suspended) {
    record(503);
    writeReply(response, suspendedReply());
    return;
  }
  runAutomation(runtime);
  const fault = await applyFaults(runtime, { method, template, credential, cloudId }, caller);
  if (fault === 'drop') {
    record(0);
    request.socket.destroy();
    return;
  }
  if (fault) {
    record(fault.status);
    writeReply(response, fault);
    return;
  }
  if (!caller) {
    reply = viaGateway ? { status: 401, body: GATEWAY_UNAUTHORIZED } : htmlUnauthorized();
  } else if ('malformed' in matched && matched.malformed) {
    reply = errorReply(400, ['The request path is not valid: it contains malformed percent-encoding.']);
  } else if (!('route' in matched)) {
    reply = errorReply(matched.methodNotAllowed ? 405 : 404, matched.methodNotAllowed ? [] : [`null for uri: ${site.url}${path}`]);
  } else if (viaGateway && !scopeAllows(caller.scopes, matched.route.scope)) {
    reply = { status: 401, body: GATEWAY_SCOPE_MISMATCH };
  } else if (!viaGateway && template === '/rest/api/3/myself' && caller.via === 'anonymous') {
    reply = htmlUnauthorized();
  } else {
    const limited = applyRateLimits(runtime, caller, method, template, cloudId);
    if (limited.reject) reply = limited.reject;
    else {
      let tooLarge = false;
      try {
        rawBody = await readBody(request);
      } catch {
        tooLarge = true;
      }
      try {
        // The rest of the body stays unread, so the connection cannot be reused.
        if (tooLarge) throw new HttpError({ ...errorReply(413, ['The request body is too large.']), headers: { connection: 'close' } });
        reply = await matched.route.handler({ method, path, query, headers: request.headers, rawBody, params: matched.params, site: site.state, caller, runtime, siteUrl: site.url });
      } catch (error) {
        if (error instanceof HttpError) reply = error.reply;
        else throw error;
      }
      if (caller.clientId && runtime.points.config.enabled) runtime.points.charge(caller.clientId, reply.cost, method !== 'GET');
      reply = { ...reply, headers: { ...limited.headers, ...(reply.headers ?? {}) } };
    }
  }
  if (runtime.options.attachmentLoginPage && !viaGateway && ATTACHMENT_CONTENT.has(template) && (!caller || caller.via === 'anonymous') && reply.status >= 400 && reply.status < 500) {
    // Switch attachmentLoginPage: the site's attachment servlet sends callers it cannot authenticate to the login page,
    // which answers 200 text/html: a client that trusts the status stores a login page as the file.
    reply = { status: 200, raw: LOGIN_PAGE_HTML, contentType: 'text/html;charset=UTF-8' };
  }
  record(reply.status);
  if (observed) {
    const event = { method, template: 'route' in matched ? matched.route.path : '', status: reply.status, contentType: reply.contentType, body: reply.body, queryNames: query instanceof TrackedParams ? [...query.read] : [], ...(rawBody.length > 0 ? { requestBody: rawBody.toString('utf8') } : {}) };
    for (const observe of runtime.replyObservers) observe(event);
  }
  requestSequence += 1;
  writeReply(response, reply, { 'x-arequestid': `sim-${requestSequence}` });
}

function htmlUnauthorized(): SimReply {
  return { status: 401, raw: AUTH_REQUIRED_HTML, contentType: 'text/html;charset=UTF-8', headers: { 'www-authenticate': 'OAuth realm="https%3A%2F%2Fjira-sim.invalid"' } };
}

/** Burst limit (per path+method) and points quota (OAuth apps): a 429 reply, headers to add, or nothing. */
function applyRateLimits(runtime: SimRuntime, caller: Caller, method: string, template: string, cloudId: string): { reject?: SimReply; headers: Record<string, string> } {
  const headers: Record<string, string> = {};
  const burst = runtime.burst.take(cloudId, method, template);
  if (burst) {
    if (!burst.allowed) return { headers, reject: rateLimited(burst.retryAfterSeconds, burst.limit, 'jira-burst-based', new Date(runtime.clock.now() + burst.retryAfterSeconds * 1000)) };
    headers['x-ratelimit-limit'] = String(burst.limit);
    headers['x-ratelimit-remaining'] = String(burst.remaining);
    if (burst.remaining < burst.limit * 0.2) headers['x-ratelimit-nearlimit'] = 'true';
  } else {
    // Jira sends the burst headers on most responses; with the limiter off the bucket never drains.
    headers['x-ratelimit-limit'] = String(runtime.burst.rateOf(method, template));
    headers['x-ratelimit-remaining'] = String(Math.max(0, runtime.burst.config.capacity - 1));
  }
  if (caller.clientId && runtime.points.config.enabled) {
    const state = runtime.points.state(caller.clientId);
    const prefix = runtime.points.config.betaOnly ? 'beta-' : '';
    headers[`${prefix}ratelimit-policy`] = `"global-app-quota";q=${state.limit};w=3600`;
    headers[`${prefix}ratelimit`] = `"global-app-quota";r=${state.remaining};t=${state.resetSeconds}`;
    if (state.exhausted && !runtime.points.config.betaOnly) {
      const reply = rateLimited(state.resetSeconds, state.limit, 'jira-quota-global-based', new Date(runtime.clock.now() + state.resetSeconds * 1000));
      return { headers, reject: { ...reply, headers: { ...headers, ...reply.headers } } };
    }
  }
  return { headers };
}
