import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, useSimulator } from '../testing/test-simulator.test-support.js';

const t = useSimulator();
const received: Array<{ headers: Record<string, unknown>; body: string }> = [];
const receiver = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
    response.end('ok');
  });
});
let receiverUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

function gateway(path: string): string {
  return `${t.sim.apiGatewayUrl}/ex/jira/${t.sim.sites[0]?.cloudId ?? ''}/rest/api/3${path}`;
}

async function register(token: string, events: string[], jqlFilter: string) {
  return call(gateway('/webhook'), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url: receiverUrl, webhooks: [{ events, jqlFilter }] }),
  });
}

describe('dynamic webhooks', () => {
  it('registers, lists with a 30-day expiry, refreshes and deletes', async () => {
    let token = t.sim.control.oauth.issueTokens().access_token;
    const created = await register(token, ['jira:issue_created'], 'project = PLAT');
    const id = created.body.webhookRegistrationResult[0].createdWebhookId as number;
    const listed = await call(gateway('/webhook'), { headers: { authorization: `Bearer ${token}` } });
    const hook = listed.body.values.find((value: { id: number }) => value.id === id);

    expect(hook.expirationDate - t.sim.control.clock.now()).toBeGreaterThan(29 * 86_400_000);
    t.sim.control.clock.advance(10 * 86_400_000);
    token = t.sim.control.oauth.issueTokens().access_token;
    const refreshed = await call(gateway('/webhook/refresh'), { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ webhookIds: [id] }) });
    expect(refreshed.body.expirationDate - t.sim.control.clock.now()).toBeGreaterThan(29 * 86_400_000);
    const deleted = await call(gateway('/webhook'), { method: 'DELETE', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ webhookIds: [id] }) });
    expect(deleted.status).toBe(202);
  });

  it('delivers matching issue and comment events signed with the client secret', async () => {
    const { access_token: token } = t.sim.control.oauth.issueTokens();
    await register(token, ['jira:issue_created', 'comment_created'], 'project = HELP');
    received.length = 0;
    const issue = t.sim.control.issues.create({ projectKey: 'HELP', summary: 'Webhook please' });
    t.sim.control.issues.create({ projectKey: 'PLAT', summary: 'Not for this hook' });
    t.sim.control.comments.add(issue.key, { body: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'hi' }] }] } });
    await t.sim.control.webhooks.flush();
    const events = received.map((delivery) => JSON.parse(delivery.body) as { webhookEvent: string; issue: { key: string } });
    expect(events.map((event) => event.webhookEvent)).toEqual(['jira:issue_created', 'comment_created']);
    expect(events[0]?.issue.key).toBe(issue.key);
    const first = received[0];
    const expected = `sha256=${createHmac('sha256', t.sim.credentials.oauthClient.clientSecret).update(first?.body ?? '').digest('hex')}`;
    expect(first?.headers['x-hub-signature']).toBe(expected);
  });

  it('stops delivering after 30 days without refresh', async () => {
    const { access_token: token } = t.sim.control.oauth.issueTokens();
    await register(token, ['jira:issue_created'], 'project = PLAT');
    t.sim.control.clock.advance(31 * 86_400_000);
    received.length = 0;
    t.sim.control.issues.create({ projectKey: 'PLAT', summary: 'Too late' });
    await t.sim.control.webhooks.flush();
    expect(received).toEqual([]);
  });

  it('refuses API-token callers', async () => {
    const { email, apiToken } = t.sim.credentials.apiUser;
    const reply = await call(`${t.sim.sites[0]?.siteUrl ?? ''}/rest/api/3/webhook`, { headers: { authorization: `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}` } });
    expect(reply.status).toBe(403);
  });
});
