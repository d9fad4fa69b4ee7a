import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTokenClient } from './create-api-token-client.js';
import type { JiraClient } from './jira-client.js';
import { collect } from './paginate.js';
import { sendJson, startFixtureServer, type FixtureServer } from './test-support/fixture-server.test-support.js';
import { createContractRecorder } from './test-support/openapi-contract.test-support.js';

const user = { accountId: 'u1', timeZone: 'UTC' };
const page = (values: unknown[]) => ({ values, isLast: true, startAt: 0, total: values.length });
const issue = { id: '10001', key: 'A-1', fields: {} };
const change = { id: '1', created: '2026-01-01T00:00:00.000+0000', items: [] };

/** Minimal valid answers for each operation the client calls; the point here is what the client *sends*. */
function answer(path: string, method: string): unknown {
  const routes: Array<[RegExp, unknown]> = [
    [/\/myself$/, user],
    [/\/users\/search$/, []],
    [/\/user$/, user],
    [/\/group\/(bulk|member)$/, page([])],
    [/\/project\/search$/, page([])],
    [/\/role\/\d+$/, { id: 1, name: 'Developers', actors: [] }],
    [/\/role$/, { Developers: 'http://x/rest/api/3/project/A/role/10000' }],
    [/\/applicationrole$/, []],
    [/\/permissionscheme\/\d+$/, { id: 1, name: 's', permissions: [] }],
    [/\/permissionscheme$/, { id: 1, name: 's' }],
    [/\/issuesecuritylevelscheme$|\/issuesecurityschemes\/\d+$/, { id: 1, name: 's', levels: [] }],
    [/\/level\/member$/, page([])],
    [/\/search\/jql$/, { issues: [issue], isLast: true }],
    [/\/approximate-count$/, { count: 1 }],
    [/\/issue\/bulkfetch$/, { issues: [issue], issueErrors: [] }],
    [/\/comment$/, { comments: [], startAt: 0, total: 0 }],
    [/\/changelog$/, page([change])],
    [/\/changelog\/bulkfetch$/, { issueChangeLogs: [] }],
    [/\/attachment\/\d+$/, { id: 1, filename: 'a.txt', size: 1 }],
    [/\/auditing\/record$/, { records: [] }],
    [/\/webhook\/refresh$/, { expirationDate: '2026-02-01T00:00:00.000+0000' }],
    [/\/webhook$/, method === 'POST' ? { webhookRegistrationResult: [{ createdWebhookId: 1 }] } : page([])],
  ];
  return routes.find(([pattern]) => pattern.test(path))?.[1];
}

describe('every request the client makes matches the OpenAPI document', () => {
  let server: FixtureServer;
  let client: JiraClient;
  const recorder = createContractRecorder();

  beforeAll(async () => {
    server = await startFixtureServer((req, res) => {
      const path = req.url.split('?')[0]!;
      if (path.startsWith('/rest/api/3/attachment/content/')) {
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end('x');
      }
      if (req.method === 'DELETE') return res.writeHead(204).end();
      sendJson(res, 200, answer(path, req.method));
    });
    client = createApiTokenClient({ siteUrl: server.url, allowInsecureLoopback: true, email: 'a@b.c', apiToken: 't', observer: recorder.observer });
  });
  afterAll(async () => server.close());

  it('calls every resource method and finds no departure from the document', async () => {
    await client.myself({ expand: ['groups'] });
    await collect(client.users());
    await client.user('u1', { expand: ['groups', 'applicationRoles'] });
    await collect(client.groups());
    await collect(client.groupMembers('g1', { includeInactiveUsers: true }));
    await collect(client.projects({ keys: ['A'], expand: ['description', 'lead'], status: ['live', 'archived'] }));
    const [role] = await client.projectRoles('A');
    await client.projectRole('A', role!.id, { excludeInactiveUsers: true });
    await client.applicationRoles();
    await client.projectPermissionScheme('A');
    await client.permissionScheme(1);
    await client.projectIssueSecurityScheme('A');
    await client.issueSecurityScheme(1);
    await collect(client.issueSecurityLevelMembers({ schemeId: [1], levelId: [2] }));
    await collect(client.searchIssues({ jql: 'project = A', fields: ['summary'], expand: ['names'], properties: ['p'], reconcileIssues: [10001] }));
    await collect(client.searchIssueIds({ jql: 'project = A' }));
    await client.approximateCount('project = A');
    await client.bulkFetchIssues(['10001', 'A-2'], { fields: ['summary'], expand: ['names'] });
    await collect(client.comments('A-1', { expand: ['renderedBody'] }));
    await collect(client.changelog('A-1'));
    await collect(client.bulkChangelogs(['10001'], { fieldIds: ['status'] }));
    await client.attachmentMetadata(10000);
    await collect((await client.downloadAttachment(10000, { maxBytes: 10 })).body);
    await collect(client.auditRecords({ from: new Date(0), to: new Date(1000), filter: 'deleted' }));
    await client.registerWebhooks('https://app.example.com/hook', [{ events: ['jira:issue_deleted'], jqlFilter: 'project = A' }]);
    await collect(client.webhooks());
    await client.refreshWebhooks([1]);
    await client.deleteWebhooks([1]);
    expect(recorder.requests.length).toBeGreaterThanOrEqual(28);
    expect(recorder.violations()).toEqual([]);
  });
});
