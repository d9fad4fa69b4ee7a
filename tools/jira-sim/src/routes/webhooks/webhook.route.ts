/** Dynamic webhooks (OAuth apps only): register, list (PageBean), refresh (+30 days), delete. */
import { HttpError } from '../../http/http-error.js';
import { pageBean } from '../../http/page-bean.js';
import { pageParams } from '../../http/query-params.js';
import type { RouteDef, SimRequest } from '../../http/route-types.js';
import { compileFor } from '../../search/run-search.js';
import { WEBHOOK_TTL_MS } from '../../webhooks/webhook-registry.js';
import { jsonBody } from '../route-helpers.js';

const EVENTS = new Set(['jira:issue_created', 'jira:issue_updated', 'jira:issue_deleted', 'comment_created', 'comment_updated', 'comment_deleted', 'issue_property_set', 'issue_property_deleted']);

function appOf(request: SimRequest): { clientId: string; accountId: string } {
  const { caller } = request;
  if (caller.via !== 'bearer' || !caller.clientId || !caller.user) throw HttpError.jira(403, 'Only Connect and OAuth 2.0 apps can use this operation.');
  return { clientId: caller.clientId, accountId: caller.user.accountId };
}

function idsFrom(request: SimRequest): number[] {
  const body = jsonBody(request) as { webhookIds?: unknown } | undefined;
  if (!Array.isArray(body?.webhookIds) || body.webhookIds.length === 0) throw HttpError.jira(400, '', { webhookIds: 'webhookIds must not be empty' });
  return body.webhookIds.map(Number);
}

export const webhookRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/rest/api/3/webhook',
    scope: 'manage:jira-webhook',
    handler: (request) => {
      const app = appOf(request);
      const body = jsonBody(request) as { url?: unknown; webhooks?: unknown } | undefined;
      if (typeof body?.url !== 'string' || !Array.isArray(body.webhooks)) throw HttpError.jira(400, '', { url: 'url and webhooks are required' });
      const registry = request.runtime.webhooks;
      const now = request.runtime.clock.now();
      const results = (body.webhooks as Array<{ events?: unknown; jqlFilter?: unknown; fieldIdsFilter?: unknown }>).map((spec) => {
        const events = Array.isArray(spec.events) ? spec.events.map(String) : [];
        const jqlFilter = typeof spec.jqlFilter === 'string' ? spec.jqlFilter : '';
        const bad = events.filter((event) => !EVENTS.has(event));
        if (events.length === 0 || bad.length > 0) return { errors: [`Invalid events: ${bad.join(', ') || 'none given'}`] };
        try {
          compileFor(request.site, jqlFilter, request.caller.user, now);
        } catch (error) {
          return { errors: [error instanceof HttpError ? JSON.stringify(error.reply.body) : String(error)] };
        }
        if (registry.live(request.site.cloudId, app.clientId, now).length >= 100) return { errors: ['Maximum number of webhooks (100) reached.'] };
        const fieldIdsFilter = Array.isArray(spec.fieldIdsFilter) ? spec.fieldIdsFilter.map(String) : undefined;
        const hook = registry.register({ cloudId: request.site.cloudId, clientId: app.clientId, accountId: app.accountId, url: body.url as string, events, jqlFilter, fieldIdsFilter, expiresAt: now + WEBHOOK_TTL_MS });
        return { createdWebhookId: hook.id };
      });
      return { status: 200, body: { webhookRegistrationResult: results } };
    },
  },
  {
    method: 'GET',
    path: '/rest/api/3/webhook',
    scope: 'manage:jira-webhook',
    handler: (request) => {
      const app = appOf(request);
      const hooks = request.runtime.webhooks.live(request.site.cloudId, app.clientId, request.runtime.clock.now());
      const { startAt, maxResults } = pageParams(request.query, 100, 100);
      return { status: 200, body: pageBean(request, hooks, startAt, maxResults, (hook) => ({ id: hook.id, jqlFilter: hook.jqlFilter, events: hook.events, url: hook.url, expirationDate: hook.expiresAt, ...(hook.fieldIdsFilter ? { fieldIdsFilter: hook.fieldIdsFilter } : {}) })) };
    },
  },
  {
    method: 'PUT',
    path: '/rest/api/3/webhook/refresh',
    scope: 'manage:jira-webhook',
    handler: (request) => {
      const app = appOf(request);
      const now = request.runtime.clock.now();
      const expiresAt = now + WEBHOOK_TTL_MS;
      for (const id of idsFrom(request)) {
        const hook = request.runtime.webhooks.hooks.get(id);
        if (hook && hook.clientId === app.clientId && hook.cloudId === request.site.cloudId && hook.expiresAt > now) hook.expiresAt = expiresAt;
      }
      return { status: 200, body: { expirationDate: expiresAt } };
    },
  },
  {
    method: 'DELETE',
    path: '/rest/api/3/webhook',
    scope: 'manage:jira-webhook',
    handler: (request) => {
      const app = appOf(request);
      for (const id of idsFrom(request)) {
        const hook = request.runtime.webhooks.hooks.get(id);
        if (hook && hook.clientId === app.clientId && hook.cloudId === request.site.cloudId) request.runtime.webhooks.hooks.delete(id);
      }
      return { status: 202, raw: '', contentType: 'text/plain' };
    },
  },
];
