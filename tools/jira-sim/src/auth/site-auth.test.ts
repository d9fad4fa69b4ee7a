import { describe, expect, it } from 'vitest';
import { as, basic, call, useSimulator } from '../testing/test-simulator.test-support.js';

const t = useSimulator();
const site = () => t.sim.sites[0]?.siteUrl ?? '';
const bad = basic('nobody@example.com', 'wrongtoken');

describe('Basic authentication on the site host', () => {
  it('answers /myself for a valid API token with the caller and their time zone', async () => {
    const reply = await call(`${site()}/rest/api/3/myself`, { headers: as(t.sim, 'apiUser') });
    expect(reply.status).toBe(200);
    expect(reply.body.accountId).toBe(t.sim.credentials.apiUser.accountId);
    expect(reply.body.timeZone).toBe('America/Los_Angeles');
  });

  it('answers /myself with a bad credential as a text/html 401 with WWW-Authenticate', async () => {
    const reply = await call(`${site()}/rest/api/3/myself`, { headers: bad });
    expect(reply.status).toBe(401);
    expect(reply.headers.get('content-type')).toContain('text/html');
    expect(reply.headers.get('www-authenticate')).toContain('OAuth');
    expect(reply.text).toBe('Client must be authenticated to access this resource.');
  });

  it('serves a bad credential as anonymous: unbounded search is a 400, not a 401', async () => {
    const reply = await call(`${site()}/rest/api/3/search/jql?jql=`, { headers: bad });
    expect(reply.status).toBe(400);
    expect(reply.body.errorMessages).toEqual(['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.']);
  });

  it('serves a bad credential as anonymous: project search lists only public projects', async () => {
    const reply = await call(`${site()}/rest/api/3/project/search`, { headers: bad });
    expect(reply.status).toBe(200);
    expect(reply.body.values.map((project: { key: string }) => project.key)).toEqual(['HELP']);
  });

  it('serves a bad credential as anonymous: a restricted issue is a 404 with Jira sentence', async () => {
    const reply = await call(`${site()}/rest/api/3/issue/SEC-1`, { headers: bad });
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
  });

  it('refuses an OAuth bearer token on the site host with 401', async () => {
    const tokens = t.sim.control.oauth.issueTokens();
    const reply = await call(`${site()}/rest/api/3/project/search`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(reply.status).toBe(401);
  });
});

describe('Bearer authentication on the API gateway', () => {
  const gateway = (path: string, cloudId = t.sim.sites[0]?.cloudId ?? '') => `${t.sim.apiGatewayUrl}/ex/jira/${cloudId}${path}`;

  it('serves Jira REST for a valid access token of a consented site', async () => {
    const tokens = t.sim.control.oauth.issueTokens();
    const reply = await call(gateway('/rest/api/3/myself'), { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(reply.status).toBe(200);
    expect(reply.body.accountId).toBe(t.sim.credentials.oauthUser.accountId);
  });

  it('answers a bad bearer token with the gateway envelope', async () => {
    const reply = await call(gateway('/rest/api/3/myself'), { headers: { authorization: 'Bearer not-a-token' } });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ code: 401, message: 'Unauthorized' });
  });

  it('answers Basic credentials on the gateway with the gateway 401', async () => {
    const reply = await call(gateway('/rest/api/3/myself'), { headers: as(t.sim, 'apiUser') });
    expect(reply.body).toEqual({ code: 401, message: 'Unauthorized' });
  });

  it('answers a token without the endpoint scope with "scope does not match"', async () => {
    const tokens = t.sim.control.oauth.issueTokens({ scopes: ['read:jira-work'] });
    const reply = await call(gateway('/rest/api/3/myself'), { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
  });

  it('answers an unknown cloudId with 404', async () => {
    const tokens = t.sim.control.oauth.issueTokens();
    const reply = await call(gateway('/rest/api/3/myself', '00000000-0000-0000-0000-000000000000'), { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(reply.status).toBe(404);
  });

  it('answers an expired access token with 401 once the simulator clock passes its hour', async () => {
    const tokens = t.sim.control.oauth.issueTokens();
    t.sim.control.clock.advance(3_600_001);
    const reply = await call(gateway('/rest/api/3/myself'), { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ code: 401, message: 'Unauthorized' });
  });
});
