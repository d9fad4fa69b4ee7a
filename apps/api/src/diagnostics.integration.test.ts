import { randomUUID } from 'node:crypto';
import { revisionOf } from '@jira-sync/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './testing/api-harness.test-support.js';

let api: ApiHarness;
let key: string;
const tenantId = `tenant-diag-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  api = await startApiHarness();
  key = (await api.caller(api.adminKey).tenants.create({ tenantId, name: 'Diagnostics' })).apiKey.key;
  await api.caller(key).connectors.create({ connectorId: 'admin', siteUrl: 'http://127.0.0.1:9', auth: { method: 'api_token', email: 'ops@example.com', apiToken: 'not-used' } });
}, 60_000);

afterAll(async () => {
  await api?.stop();
});

describe('connectors.diagnostics', () => {
  it('lists the active users whose email is hidden, with the profile-visibility fix', async () => {
    const scope = { tenantId, connectorId: 'admin' };
    const user = (accountId: string, email: string | undefined, active = true) => ({
      ...scope, externalId: accountId, revision: revisionOf(1, 1), indexable: true, syncRunId: 'run-1',
      record: { accountId, displayName: accountId, active, accountType: 'atlassian', ...(email ? { email } : {}) },
    });
    await api.deps.records.users.upsertMany([user('visible', 'v@example.com'), user('hidden-1', undefined), user('hidden-2', undefined), user('gone', undefined, false)]);
    const diagnostics = await api.caller(key).connectors.diagnostics({ connectorId: 'admin' });
    expect(diagnostics.hiddenEmails).toMatchObject({ count: 2, users: [{ accountId: 'hidden-1' }, { accountId: 'hidden-2' }], fix: expect.stringContaining('profile') });
    expect(diagnostics.unreadPermissions).toEqual({ runId: undefined, at: undefined, diagnostics: [], projects: [] });
    expect(diagnostics.lastErrors).toEqual([]);
  });
});
