import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createApiTokenClient } from './create-api-token-client.js';
import { JiraAuthError } from './errors/jira-error.js';
import { JiraConfigurationError } from './errors/jira-local-errors.js';
import { collect } from './paginate.js';
import { sendJson, startFixtureServer, type FixtureServer } from './test-support/fixture-server.test-support.js';
import { createContractRecorder } from './test-support/openapi-contract.test-support.js';

let server: FixtureServer | undefined;
const recorder = createContractRecorder();
afterEach(async () => server?.close());
afterAll(() => expect(recorder.violations()).toEqual([]));

/** Behaves like Jira Cloud: bad Basic credentials are anonymous (empty project list), except /myself which 401s. */
async function anonymousFallbackSite(goodAuth: string) {
  server = await startFixtureServer((req, res) => {
    const valid = req.headers.authorization === goodAuth;
    if (req.url.startsWith('/rest/api/3/myself')) {
      if (!valid) {
        res.writeHead(401, { 'content-type': 'text/html', 'www-authenticate': 'OAuth realm="x"' });
        return res.end('Client must be authenticated to access this resource.');
      }
      return sendJson(res, 200, { accountId: 'u1', timeZone: 'UTC' });
    }
    return sendJson(res, 200, { values: valid ? [{ id: '1', key: 'A', name: 'A' }] : [], isLast: true });
  });
  return server;
}

const auth = (email: string, token: string) => `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;

describe('createApiTokenClient', () => {
  it('reports invalid credentials instead of an empty project list', async () => {
    const site = await anonymousFallbackSite(auth('me@x.com', 'good'));
    const client = createApiTokenClient({ siteUrl: site.url, allowInsecureLoopback: true, email: 'me@x.com', apiToken: 'wrong', observer: recorder.observer });
    const error = await collect(client.projects()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraAuthError);
    expect((error as Error).message).toContain('Invalid credentials');
    expect((error as Error).message).not.toContain('wrong');
    expect(site.seen.map((r) => r.url.split('?')[0])).toEqual(['/rest/api/3/myself']);
  });

  it('checks /myself once and then serves requests with Basic auth', async () => {
    const site = await anonymousFallbackSite(auth('me@x.com', 'good'));
    const client = createApiTokenClient({ siteUrl: site.url, allowInsecureLoopback: true, email: 'me@x.com', apiToken: 'good', observer: recorder.observer });
    expect(await collect(client.projects())).toHaveLength(1);
    expect(await collect(client.projects())).toHaveLength(1);
    expect(site.seen.filter((r) => r.url.startsWith('/rest/api/3/myself'))).toHaveLength(1);
  });

  it('rejects an http site URL unless loopback is explicitly allowed', () => {
    expect(() => createApiTokenClient({ siteUrl: 'http://127.0.0.1:1', email: 'a', apiToken: 'b' })).toThrow(JiraConfigurationError);
  });
});
