import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApiTokenClient } from './create-api-token-client.js';
import { JiraAuthError, JiraPermissionError } from './errors/jira-error.js';
import { JiraHttp } from './http/jira-http.js';
import { collect } from './paginate.js';
import { listProjectRoles } from './resources/project-roles.js';
import { sendJson, startFixtureServer, type FixtureServer, type SeenRequest } from './test-support/fixture-server.test-support.js';
import { createContractRecorder } from './test-support/openapi-contract.test-support.js';
import type { ServerResponse } from 'node:http';

/** Replies that Atlassian's OpenAPI document allows but a strict client might reject (issue 12). */
let server: FixtureServer | undefined;
const recorder = createContractRecorder();
afterEach(async () => server?.close());
afterAll(() => expect(recorder.violations()).toEqual([]));

type Route = (req: SeenRequest, res: ServerResponse) => void;

async function site(routes: Record<string, Route>, myself: Record<string, unknown> = { accountId: 'u1', timeZone: 'UTC' }) {
  server = await startFixtureServer((req, res) => {
    const path = req.url.split('?')[0]!;
    if (path === '/rest/api/3/myself') return sendJson(res, 200, myself);
    const route = routes[path];
    if (route) return route(req, res);
    return sendJson(res, 404, { errorMessages: ['no route'], errors: {} });
  });
  const client = createApiTokenClient({ siteUrl: server.url, allowInsecureLoopback: true, email: 'me@x.com', apiToken: 't', observer: recorder.observer });
  return { client, server };
}

describe('replies valid per the document but unusual', () => {
  it('keeps an issue history whose items lack toString (and other inherited names)', async () => {
    const { client } = await site({
      '/rest/api/3/issue/X-1/changelog': (_req, res) =>
        sendJson(res, 200, {
          isLast: true,
          values: [
            { id: '1', created: '2026-01-01T00:00:00.000+0000', items: [{ field: 'status', fromString: 'To Do', toString: 'Done' }] },
            { id: '2', created: '2026-01-02T00:00:00.000+0000', items: [{ field: 'labels', from: null, fromString: 'a' }] },
          ],
        }),
    });
    const history = await collect(client.changelog('X-1'));
    expect(history.map((h) => h.id)).toEqual(['1', '2']);
    expect(history[1]!.items[0]!.toString).toBeUndefined();
    expect(history[1]!.items[0]!.constructor).toBeUndefined();
  });

  it('lists groups when one has groupId null, skipping and reporting that one', async () => {
    const { client } = await site({
      '/rest/api/3/group/bulk': (_req, res) =>
        sendJson(res, 200, { isLast: true, values: [{ groupId: 'g1', name: 'devs' }, { groupId: null, name: 'legacy' }, { name: 'older' }] }),
    });
    const skipped: string[] = [];
    const groups = await collect(client.groups({ onGroupWithoutId: (group) => skipped.push(group.name) }));
    expect(groups).toEqual([{ groupId: 'g1', name: 'devs' }]);
    expect(skipped).toEqual(['legacy', 'older']);
  });

  it('serves an API-token client whose /myself has no timeZone', async () => {
    const { client } = await site(
      { '/rest/api/3/project/search': (_req, res) => sendJson(res, 200, { isLast: true, values: [{ id: '1', key: 'A', name: 'A' }] }) },
      { accountId: 'u1', displayName: 'Me' },
    );
    const me = await client.verifyCredentials();
    expect(me.accountId).toBe('u1');
    expect(me.timeZone ?? undefined).toBeUndefined();
    expect(await collect(client.projects())).toHaveLength(1);
  });

  it('accepts a comment without body', async () => {
    const { client } = await site({
      '/rest/api/3/issue/X-1/comment': (_req, res) =>
        sendJson(res, 200, { startAt: 0, total: 2, comments: [{ id: '1', created: '2026-01-01T00:00:00.000+0000' }, { id: '2', created: '2026-01-02T00:00:00.000+0000', body: { type: 'doc', version: 1, content: [] } }] }),
    });
    const comments = await collect(client.comments('X-1'));
    expect(comments.map((c) => [c.id, c.body === undefined])).toEqual([
      ['1', true],
      ['2', false],
    ]);
  });
});

describe('bulk changelogs check and split their input as Jira requires', () => {
  async function changelogSite() {
    return site({
      '/rest/api/3/changelog/bulkfetch': (req, res) => {
        const body = JSON.parse(req.body) as { issueIdsOrKeys: string[]; fieldIds?: string[] };
        if (body.issueIdsOrKeys.length < 1 || body.issueIdsOrKeys.length > 1000 || (body.fieldIds?.length ?? 0) > 10) {
          return sendJson(res, 400, { errorMessages: ['Invalid request.'], errors: {} });
        }
        return sendJson(res, 200, { issueChangeLogs: body.issueIdsOrKeys.map((issueId) => ({ issueId, changeHistories: [] })) });
      },
    });
  }
  const bulkCalls = (s: FixtureServer) => s.seen.filter((r) => r.url.startsWith('/rest/api/3/changelog/bulkfetch'));

  it('sends nothing for no ids', async () => {
    const { client, server: s } = await changelogSite();
    expect(await collect(client.bulkChangelogs([]))).toEqual([]);
    expect(bulkCalls(s)).toHaveLength(0);
  });

  it('splits 2,345 ids into batches of at most 1,000', async () => {
    const { client, server: s } = await changelogSite();
    const ids = Array.from({ length: 2345 }, (_, i) => String(10000 + i));
    const logs = await collect(client.bulkChangelogs(ids));
    expect(logs.map((l) => l.issueId)).toEqual(ids);
    expect(bulkCalls(s).map((r) => (JSON.parse(r.body) as { issueIdsOrKeys: string[] }).issueIdsOrKeys.length)).toEqual([1000, 1000, 345]);
  });

  it('refuses more than 10 distinct field ids before sending anything', async () => {
    const { client, server: s } = await changelogSite();
    const fieldIds = Array.from({ length: 11 }, (_, i) => `customfield_${10000 + i}`);
    await expect(collect(client.bulkChangelogs(['1'], { fieldIds }))).rejects.toThrow(/at most 10 field ids/);
    expect(bulkCalls(s)).toHaveLength(0);
    expect(await collect(client.bulkChangelogs(['1'], { fieldIds: [...fieldIds.slice(0, 10), 'customfield_10000'] }))).toHaveLength(1);
  });
});

describe('a 401 from an admin-only endpoint once /myself accepts the credentials', () => {
  const unauthorized: Route = (_req, res) => {
    res.writeHead(401, { 'content-type': 'text/html' });
    res.end('Client must be authenticated to access this resource.');
  };

  it('is a missing permission naming the endpoint and what it needs, not invalid credentials', async () => {
    const { client } = await site({ '/rest/api/3/project/ABC/role': unauthorized, '/rest/api/3/applicationrole': unauthorized });
    const roles = await client.projectRoles('ABC').catch((e: unknown) => e);
    expect(roles).toBeInstanceOf(JiraPermissionError);
    expect((roles as JiraPermissionError).status).toBe(401);
    expect((roles as Error).message).toContain('GET /rest/api/3/project/ABC/role failed with 401');
    expect((roles as Error).message).toContain('Administer Projects');
    expect((roles as Error).message).not.toContain('Invalid credentials');
    const appRoles = await client.applicationRoles().catch((e: unknown) => e);
    expect(appRoles).toBeInstanceOf(JiraPermissionError);
    expect((appRoles as Error).message).toContain('Administer Jira');
  });

  it('stays invalid credentials when /myself refuses them too', async () => {
    server = await startFixtureServer((_req, res) => unauthorized(_req, res));
    const http = new JiraHttp({ baseUrl: server.url, auth: { authorization: async () => 'Bearer expired' }, observer: recorder.observer });
    const error = await listProjectRoles(http, 'ABC').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraAuthError);
    expect(server.seen.map((r) => r.url)).toEqual(['/rest/api/3/project/ABC/role', '/rest/api/3/myself']);
  });
});
