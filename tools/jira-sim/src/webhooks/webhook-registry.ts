/** Dynamic webhooks registered by OAuth apps: per site and app, 30-day expiry on the simulator clock. */
export const WEBHOOK_TTL_MS = 30 * 86_400_000;

export interface DynamicWebhook {
  id: number;
  cloudId: string;
  clientId: string;
  /** Account that granted the app access; deliveries only include issues it can see. */
  accountId: string;
  url: string;
  events: string[];
  jqlFilter: string;
  fieldIdsFilter?: string[];
  expiresAt: number;
}

export interface WebhookDelivery {
  webhookIds: number[];
  url: string;
  event: string;
  body: Record<string, unknown>;
  signature: string;
  status?: number;
  error?: string;
}

export class WebhookRegistry {
  readonly hooks = new Map<number, DynamicWebhook>();
  readonly deliveries: WebhookDelivery[] = [];
  private nextId = 1;

  register(hook: Omit<DynamicWebhook, 'id'>): DynamicWebhook {
    const created = { ...hook, id: this.nextId++ };
    this.hooks.set(created.id, created);
    return created;
  }

  /** Live (unexpired) webhooks of one app on one site. */
  live(cloudId: string, clientId: string, now: number): DynamicWebhook[] {
    return [...this.hooks.values()].filter((hook) => hook.cloudId === cloudId && hook.clientId === clientId && hook.expiresAt > now);
  }

  /** Every live webhook on a site (for deliveries). */
  liveOnSite(cloudId: string, now: number): DynamicWebhook[] {
    for (const [id, hook] of this.hooks) if (hook.expiresAt <= now) this.hooks.delete(id);
    return [...this.hooks.values()].filter((hook) => hook.cloudId === cloudId);
  }
}
