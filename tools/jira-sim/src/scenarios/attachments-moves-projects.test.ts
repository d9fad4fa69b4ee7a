/** Issue #11: attachments that turn out to be login pages, moved issues, and projects JQL may not name. */
import { describe, expect, it } from 'vitest';
import { as, call, useSimulator } from '../testing/test-simulator.test-support.js';

const t = useSimulator({ switches: { attachmentLoginPage: true } });
const site = () => t.sim.sites[0]?.siteUrl ?? '';
const api = (path: string) => `${site()}/rest/api/3${path}`;
const search = (jql: string, headers = as(t.sim, 'admin')) =>
  call(api('/search/jql'), { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ jql, fields: ['key'] }) });

describe('attachment login page (switch attachmentLoginPage)', () => {
  it('answers 200 text/html with a login form when the content request carries no working credentials', async () => {
    const truth = t.sim.control.groundTruth();
    const restricted = truth.attachments.find((attachment) => !attachment.acl.anyone && attachment.commentId === undefined);
    const url = api(`/attachment/content/${restricted?.id ?? ''}`);
    const anonymous = await call(url);
    const bearerOnSite = await call(url, { headers: { authorization: `Bearer ${t.sim.control.oauth.issueTokens().access_token}` } });
    for (const reply of [anonymous, bearerOnSite]) {
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toContain('text/html');
      expect(reply.text).toContain('<title>Log in with Atlassian account</title>');
    }
    // With working credentials the same URL redirects to the bytes as usual, and metadata stays JSON.
    expect((await call(url, { headers: as(t.sim, 'admin') })).status).toBe(303);
    expect((await call(api(`/attachment/${restricted?.id ?? ''}`))).status).toBe(404);
  });
});

describe('moves (always on)', () => {
  it('keeps the id, changes the key, resolves the old key in GET and JQL, and logs a Key item', async () => {
    const before = t.sim.control.site().issues.get('10005');
    const oldKey = before?.key ?? '';
    const moved = t.sim.control.issues.move(oldKey, { toProjectKey: 'HELP' });
    expect(moved.id).toBe('10005');
    expect(moved.key).not.toBe(oldKey);
    const byOldKey = await call(api(`/issue/${oldKey}?fields=project`), { headers: as(t.sim, 'admin') });
    expect(byOldKey.body).toMatchObject({ id: moved.id, key: moved.key, fields: { project: { key: 'HELP' } } });
    const found = await search(`key = ${oldKey}`);
    expect(found.body.issues.map((issue: { key: string }) => issue.key)).toEqual([moved.key]);
    const changelog = await call(api(`/issue/${moved.id}/changelog`), { headers: as(t.sim, 'admin') });
    expect(changelog.body.values.at(-1).items).toContainEqual(expect.objectContaining({ field: 'Key', fromString: oldKey, toString: moved.key }));
  });
});

describe('projects JQL may not name (always on)', () => {
  it('lists a project administered without Browse in project/search, yet JQL naming it answers 400', async () => {
    const truth = t.sim.control.groundTruth();
    const sec = truth.projects.find((project) => project.key === 'SEC');
    const outsider = truth.users.find((user) => user.accountType === 'atlassian' && user.active && !sec?.acl.readers?.includes(user.accountId) && !sec?.acl.anyone);
    expect(outsider).toBeDefined();
    const grantId = t.sim.control.access.addGrant({ schemeId: sec?.permissionSchemeId ?? 0, permission: 'ADMINISTER_PROJECTS', holder: { type: 'user', parameter: outsider?.accountId, value: outsider?.accountId } });
    try {
      const token = t.sim.control.oauth.issueTokens({ accountId: outsider?.accountId, cloudIds: [t.sim.sites[0]?.cloudId ?? ''] }).access_token;
      const gateway = `${t.sim.apiGatewayUrl}/ex/jira/${t.sim.sites[0]?.cloudId ?? ''}/rest/api/3`;
      const headers = { authorization: `Bearer ${token}` };
      const listed = await call(`${gateway}/project/search`, { headers });
      expect(listed.body.values.map((project: { key: string }) => project.key)).toContain('SEC');
      const refused = await call(`${gateway}/search/jql?jql=${encodeURIComponent('project = SEC')}`, { headers });
      expect(refused.status).toBe(400);
      expect(refused.body).toEqual({ errorMessages: ["The value 'SEC' does not exist for the field 'project'."], errors: {} });
    } finally {
      t.sim.control.access.removeGrant({ grantId });
    }
  });

  it('refuses a reserved word as an unquoted project key, and resolves it once quoted', async () => {
    const bare = await search('project = DO');
    expect(bare.status).toBe(400);
    expect(bare.body.errorMessages[0]).toContain("'DO' is a reserved JQL word. You must surround it in quotation marks to use it in a query.");
    const quoted = await search('project = "DO"');
    // Quoted, the word reaches project resolution: the demo site has no project DO, so Jira names the value.
    expect(quoted.body).toEqual({ errorMessages: ["The value 'DO' does not exist for the field 'project'."], errors: {} });
    expect((await search('project in ("PLAT", HELP)')).status).toBe(200);
  });
});
