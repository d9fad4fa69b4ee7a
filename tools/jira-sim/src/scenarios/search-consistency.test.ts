/** Issue #11, search and consistency: the replies the sync must survive, each behind its switch. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { as, call, useSimulator } from '../testing/test-simulator.test-support.js';

const t = useSimulator();
const api = (path: string) => `${t.sim.sites[0]?.siteUrl ?? ''}/rest/api/3${path}`;
const search = (body: Record<string, unknown>) =>
  call(api('/search/jql'), { method: 'POST', headers: { ...as(t.sim, 'admin'), 'content-type': 'application/json' }, body: JSON.stringify({ maxResults: 5000, ...body }) });
const ids = (reply: { body: { issues: Array<{ id: string }> } }) => reply.body.issues.map((issue) => issue.id);

const receiver = createServer((request, response) => {
  request.resume();
  request.on('end', () => response.end('ok'));
});
let receiverUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});
afterEach(() => {
  t.sim.control.search.setLagMs(0);
  t.sim.control.search.setLagShare(1);
});

describe('search lag (switches searchLagMs, searchLagShare)', () => {
  it('keeps an edit out of search for hours while reconcileIssues and GET issue see it at once', async () => {
    t.sim.control.search.setLagMs(3 * 3_600_000);
    const issue = t.sim.control.issues.update('PLAT-3', { summary: 'Renamed under a long index lag' });
    t.sim.control.clock.advance(2 * 3_600_000);
    const jql = 'project = PLAT AND summary ~ "long index lag"';
    const stale = await search({ jql });
    const reconciled = await search({ jql, reconcileIssues: [Number(issue.id)] });
    const direct = await call(api(`/issue/${issue.key}?fields=summary`), { headers: as(t.sim, 'admin') });
    t.sim.control.clock.advance(3_600_001);
    const fresh = await search({ jql });
    expect(stale.body.issues).toEqual([]);
    expect(ids(reconciled)).toEqual([issue.id]);
    expect(direct.body.fields.summary).toBe('Renamed under a long index lag');
    expect(ids(fresh)).toEqual([issue.id]);
  });

  it('lets a webhook announce issues that search cannot find yet; reconcileIssues finds every one', async () => {
    t.sim.control.search.setLagMs(3_600_000);
    t.sim.control.search.setLagShare(0.5);
    const token = t.sim.control.oauth.issueTokens().access_token;
    const registered = await call(`${t.sim.apiGatewayUrl}/ex/jira/${t.sim.sites[0]?.cloudId ?? ''}/rest/api/3/webhook`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: receiverUrl, webhooks: [{ events: ['jira:issue_created'], jqlFilter: 'project = HELP' }] }),
    });
    expect(registered.status).toBe(200);
    const before = t.sim.control.webhooks.deliveries().length;
    const created = Array.from({ length: 16 }, (_, index) => t.sim.control.issues.create({ projectKey: 'HELP', summary: `Announced ${index}` }));
    await t.sim.control.webhooks.flush();
    const announced = t.sim.control.webhooks.deliveries().slice(before).map((delivery) => (delivery.body.issue as { id: string }).id);
    expect(announced).toEqual(created.map((issue) => issue.id));
    const jql = `project = HELP AND summary ~ "Announced" ORDER BY key ASC`;
    const found = ids(await search({ jql }));
    // Some announced issues are searchable already, some are not: the sync cannot treat either as the rule.
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(created.length);
    const reconciled = ids(await search({ jql, reconcileIssues: announced.map(Number) }));
    expect(reconciled).toEqual(created.map((issue) => issue.id));
  });
});

describe('page tokens', () => {
  it('answers 400 when a nextPageToken is replayed with a different JQL', async () => {
    const first = await search({ jql: 'project = PLAT ORDER BY key ASC', maxResults: 5 });
    expect(first.body.nextPageToken).toBeTypeOf('string');
    const replayed = await search({ jql: 'project = HELP ORDER BY key ASC', maxResults: 5, nextPageToken: first.body.nextPageToken });
    expect(replayed.status).toBe(400);
    expect(replayed.body).toEqual({ errorMessages: [`The provided next page token is invalid or expired: '${String(first.body.nextPageToken)}'. Start the search again without a token.`], errors: {} });
    const same = await search({ jql: 'project = PLAT ORDER BY key ASC', maxResults: 5, nextPageToken: first.body.nextPageToken });
    expect(same.status).toBe(200);
  });
});
