/**
 * Sends dynamic-webhook deliveries for mutations: issue and comment events whose issue matches the hook's JQL and is
 * visible to the consenting account. Bodies are signed with HMAC-SHA256 of the app's client secret (X-Hub-Signature).
 */
import { createHmac } from 'node:crypto';
import type { Comment, Issue } from '../model/types.js';
import { canSeeComment, canSeeIssue } from '../permissions/access.js';
import type { SimRuntime } from '../runtime/sim-runtime.js';
import { compileFor } from '../search/run-search.js';
import { toJqlIssue } from '../search/jql-issue-view.js';
import { serializeComment } from '../serializers/comment.serializer.js';
import { resolveFields, serializeIssue } from '../serializers/issue.serializer.js';
import { viewContext } from '../serializers/view-context.js';
import type { DynamicWebhook, WebhookDelivery } from './webhook-registry.js';

/** Subscribes the runtime's webhook registry to mutations; returns a function awaiting in-flight deliveries. */
export function startWebhookDelivery(runtime: SimRuntime): () => Promise<void> {
  const inFlight = new Set<Promise<void>>();
  runtime.onMutation(({ site, type, payload }) => {
    const siteRuntime = runtime.siteByCloudId(site.cloudId);
    const issue = payload.issue as Issue | undefined;
    if (!siteRuntime || !issue) return;
    const now = runtime.clock.now();
    const projectKeys = new Map([...site.projects.values()].map((project) => [project.id, project.key]));
    const matched = new Map<string, DynamicWebhook[]>();
    for (const hook of runtime.webhooks.liveOnSite(site.cloudId, now)) {
      if (!hook.events.includes(type)) continue;
      const items = payload.items as Array<{ fieldId: string }> | undefined;
      if (type === 'jira:issue_updated' && hook.fieldIdsFilter && !items?.some((item) => hook.fieldIdsFilter?.includes(item.fieldId))) continue;
      const user = runtime.directory.get(hook.accountId);
      const comment = payload.comment as Comment | undefined;
      if (type !== 'jira:issue_deleted' && !canSeeIssue(site, user, issue)) continue;
      if (comment && !canSeeComment(site, user, comment, issue)) continue;
      try {
        if (!compileFor(site, hook.jqlFilter, user, now).matches(toJqlIssue(site, issue, projectKeys))) continue;
      } catch {
        continue;
      }
      const list = matched.get(hook.url) ?? [];
      list.push(hook);
      matched.set(hook.url, list);
    }
    for (const [url, hooks] of matched) {
      const first = hooks[0];
      if (!first) continue;
      const view = viewContext(site, siteRuntime.url, runtime.directory.get(first.accountId));
      const body: Record<string, unknown> = {
        timestamp: now,
        webhookEvent: type,
        issue: serializeIssue(view, issue, { fields: resolveFields(['*navigable']), expand: new Set(), commentLimit: 0, changelogLimit: 0 }),
        matchedWebhookIds: hooks.map((hook) => hook.id),
      };
      if (type.startsWith('jira:issue')) body.issue_event_type_name = type === 'jira:issue_created' ? 'issue_created' : type === 'jira:issue_deleted' ? 'issue_deleted' : 'issue_generic';
      if (payload.items) body.changelog = { id: issue.changelog.at(-1)?.id ?? '0', items: payload.items };
      if (payload.comment) body.comment = serializeComment(view, payload.comment as Comment);
      const secret = runtime.oauth.clients.get(first.clientId)?.clientSecret ?? '';
      const text = JSON.stringify(body);
      const delivery: WebhookDelivery = { webhookIds: hooks.map((hook) => hook.id), url, event: type, body, signature: `sha256=${createHmac('sha256', secret).update(text).digest('hex')}` };
      runtime.webhooks.deliveries.push(delivery);
      const sending = fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature': delivery.signature, 'x-atlassian-webhook-identifier': String(runtime.webhooks.deliveries.length) }, body: text })
        .then((response) => {
          delivery.status = response.status;
        })
        .catch((error: unknown) => {
          delivery.error = String(error);
        })
        .finally(() => inFlight.delete(sending));
      inFlight.add(sending);
    }
  });
  return async () => {
    await Promise.all([...inFlight]);
  };
}
