import { z } from 'zod';
import type { JiraHttp } from '../http/jira-http.js';
import { paginateStartAt } from '../paginate.js';
import { pageBeanSchema } from './common.schema.js';

export interface WebhookDefinition {
  events: string[];
  jqlFilter: string;
  fieldIdsFilter?: string[];
}

const ZRegistrationSchema = z.looseObject({
  webhookRegistrationResult: z.array(z.looseObject({ createdWebhookId: z.number().optional(), errors: z.array(z.string()).optional() })),
});

/** POST /rest/api/3/webhook (OAuth apps only): registers dynamic webhooks; they expire after 30 days unless refreshed. */
export async function registerWebhooks(http: JiraHttp, url: string, webhooks: WebhookDefinition[]) {
  const result = await http.json(
    { method: 'POST', path: '/rest/api/3/webhook', body: { url, webhooks }, idempotent: false },
    ZRegistrationSchema,
  );
  return result.webhookRegistrationResult;
}

export const ZWebhookSchema = z.looseObject({
  id: z.number(),
  events: z.array(z.string()),
  jqlFilter: z.string().optional(),
  expirationDate: z.union([z.string(), z.number()]).optional(),
});
export type TWebhook = z.infer<typeof ZWebhookSchema>;

/** GET /rest/api/3/webhook: this app's dynamic webhooks. */
export function listWebhooks(http: JiraHttp): AsyncIterable<TWebhook> {
  return paginateStartAt((startAt) =>
    http.json({ method: 'GET', path: '/rest/api/3/webhook', query: { startAt, maxResults: 100 } }, pageBeanSchema(ZWebhookSchema)),
    'GET /rest/api/3/webhook',
  );
}

/** PUT /rest/api/3/webhook/refresh: pushes expiry 30 days out; returns the new expiration. */
export async function refreshWebhooks(http: JiraHttp, webhookIds: number[]): Promise<string | number | undefined> {
  const result = await http.json(
    { method: 'PUT', path: '/rest/api/3/webhook/refresh', body: { webhookIds } },
    z.looseObject({ expirationDate: z.union([z.string(), z.number()]).optional() }),
  );
  return result.expirationDate;
}

/** DELETE /rest/api/3/webhook: removes dynamic webhooks by id. */
export async function deleteWebhooks(http: JiraHttp, webhookIds: number[]): Promise<void> {
  await http.empty({ method: 'DELETE', path: '/rest/api/3/webhook', body: { webhookIds } });
}
