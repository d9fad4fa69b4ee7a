/** Issue #11, credentials and sites: refresh-token reuse, concurrent refreshes, accessible-resources surprises. */
import { describe, expect, it } from 'vitest';
import { call, useSimulator } from '../testing/test-simulator.test-support.js';

const t = useSimulator({ switches: { refreshReuseError: 'unauthorized_client', accessibleResourcesShuffle: true, accessibleResourcesForeignSite: true } });

async function refresh(refreshToken: string) {
  const { clientId, clientSecret } = t.sim.credentials.oauthClient;
  return call(`${t.sim.authUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'refresh_token', client_id: clientId, client_secret: clientSecret, refresh_token: refreshToken }),
  });
}

describe('refresh tokens (switch refreshReuseError)', () => {
  it('answers a rotated-out refresh token reused after the leeway with 403 unauthorized_client', async () => {
    const pair = t.sim.control.oauth.issueTokens();
    expect((await refresh(pair.refresh_token ?? '')).status).toBe(200);
    t.sim.control.clock.advance(10 * 60_000 + 1);
    const reused = await refresh(pair.refresh_token ?? '');
    expect(reused.status).toBe(403);
    expect(reused.body).toEqual({ error: 'unauthorized_client', error_description: 'refresh_token is invalid' });
    // The other failures keep today's invalid_grant.
    const unknown = await refresh('eyJraWQiOiJyZWZyZXNoIn0.not.known');
    expect(unknown.status).toBe(403);
    expect(unknown.body).toEqual({ error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' });
  });

  it('lets two workers refresh the same token at once, then only the pair saved last keeps working after the leeway', async () => {
    const pair = t.sim.control.oauth.issueTokens();
    const [first, second] = await Promise.all([refresh(pair.refresh_token ?? ''), refresh(pair.refresh_token ?? '')]);
    expect([first?.status, second?.status]).toEqual([200, 200]);
    expect(first?.body.refresh_token).not.toBe(second?.body.refresh_token);
    t.sim.control.clock.advance(10 * 60_000 + 1);
    const statuses = [(await refresh(first?.body.refresh_token as string)).status, (await refresh(second?.body.refresh_token as string)).status].sort();
    // One worker's token was rotated out by the other's refresh: a client that kept it is locked out.
    expect(statuses).toEqual([200, 403]);
  });
});

describe('accessible-resources (switches accessibleResourcesShuffle, accessibleResourcesForeignSite)', () => {
  it('lists the sites in a changing order, including one the user cannot access (401 through the gateway)', async () => {
    const { access_token: token } = t.sim.control.oauth.issueTokens();
    const headers = { authorization: `Bearer ${token}` };
    const first = await call(`${t.sim.apiGatewayUrl}/oauth/token/accessible-resources`, { headers });
    const second = await call(`${t.sim.apiGatewayUrl}/oauth/token/accessible-resources`, { headers });
    const order = (reply: typeof first) => reply.body.map((entry: { id: string }) => entry.id) as string[];
    expect(first.body).toHaveLength(3);
    expect(order(first)).not.toEqual(order(second));
    expect([...order(first)].sort()).toEqual([...order(second)].sort());
    const served = new Set(t.sim.sites.map((site) => site.cloudId));
    const foreign = first.body.find((entry: { id: string }) => !served.has(entry.id));
    expect(foreign).toMatchObject({ name: 'Acme Partner', scopes: expect.arrayContaining(['read:jira-work']) });
    const refused = await call(`${t.sim.apiGatewayUrl}/ex/jira/${foreign.id as string}/rest/api/3/myself`, { headers });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ code: 401, message: 'Unauthorized' });
  });
});

describe('scoped API tokens (control access.issueScopedApiToken, POST /__sim/scoped-api-tokens)', () => {
  it('refuses the token on the site host with 401, serves it through the gateway, and still names the site host in content URLs', async () => {
    const scoped = t.sim.control.access.issueScopedApiToken();
    const headers = { authorization: `Basic ${Buffer.from(`${scoped.email}:${scoped.apiToken}`).toString('base64')}` };
    const site = t.sim.sites[0];
    const onSite = await call(`${site?.siteUrl ?? ''}/rest/api/3/project/search`, { headers });
    expect(onSite.status).toBe(401);
    expect(onSite.text).toBe('Client must be authenticated to access this resource.');
    const gateway = `${t.sim.apiGatewayUrl}/ex/jira/${site?.cloudId ?? ''}/rest/api/3`;
    const myself = await call(`${gateway}/myself`, { headers });
    expect(myself.status).toBe(200);
    expect(myself.body.accountId).toBe(t.sim.credentials.apiUser.accountId);
    const attachment = t.sim.control.groundTruth().attachments.find((candidate) => candidate.commentId === undefined && candidate.acl.readers?.includes(t.sim.credentials.apiUser.accountId));
    const issue = await call(`${gateway}/issue/${attachment?.issueId ?? ''}?fields=attachment`, { headers });
    const content = issue.body.fields.attachment.find((entry: { id: string }) => entry.id === attachment?.id).content as string;
    expect(content).toBe(`${site?.siteUrl ?? ''}/rest/api/3/attachment/content/${attachment?.id ?? ''}`);
    expect((await call(content, { headers })).status).toBe(401);
    const rerooted = await call(`${gateway}/attachment/content/${attachment?.id ?? ''}`, { headers });
    expect(rerooted.status).toBe(303);
  });

  it('keeps refusing classic API tokens on the gateway', async () => {
    const { email, apiToken } = t.sim.credentials.apiUser;
    const reply = await call(`${t.sim.apiGatewayUrl}/ex/jira/${t.sim.sites[0]?.cloudId ?? ''}/rest/api/3/myself`, { headers: { authorization: `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}` } });
    expect(reply.body).toEqual({ code: 401, message: 'Unauthorized' });
  });
});
