import { describe, expect, it } from 'vitest';
import { JiraAuthError } from '../errors/jira-error.js';
import { collect } from '../paginate.js';
import { useJiraSimulator } from '../test-support/simulator.test-support.js';

const h = useJiraSimulator();

describe('API-token auth against the simulator', () => {
  it('returns the API user, with the time zone JQL literals are read in', async () => {
    const me = await h.apiTokenClient().verifyCredentials();
    expect(me.accountId).toBe(h.sim.credentials.apiUser.accountId);
    expect(me.timeZone).toBe(h.sim.credentials.apiUser.timeZone);
  });

  it('reports invalid credentials where Jira would silently answer as anonymous', async () => {
    const client = h.apiTokenClient('apiUser', { apiToken: 'not-the-token' });
    const error = await collect(client.projects()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JiraAuthError);
    expect((error as Error).message).toContain('Invalid credentials');
    expect((error as Error).message).not.toContain('not-the-token');
  });
});
