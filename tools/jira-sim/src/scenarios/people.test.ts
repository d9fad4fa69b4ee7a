/** Issue #11, people: managed accounts whose organisation decides email visibility, and app accounts in groups. */
import { describe, expect, it } from 'vitest';
import { as, call, useSimulator } from '../testing/test-simulator.test-support.js';

const t = useSimulator({ switches: { managedEmailDomains: { 'example.com': false }, appAccountsInGroups: true } });
const api = (path: string) => `${t.sim.sites[0]?.siteUrl ?? ''}/rest/api/3${path}`;

type UserJson = { accountId: string; accountType: string; emailAddress?: string; displayName: string };

describe('managed accounts (switch managedEmailDomains)', () => {
  it("hides managed emails by the organisation's policy, whatever the profile says, and keeps other domains' profile setting", async () => {
    const reply = await call(api('/users/search?maxResults=1000'), { headers: as(t.sim, 'admin') });
    const users = reply.body as UserJson[];
    const managed = users.filter((user) => user.accountType === 'atlassian' && user.accountId !== t.sim.credentials.admin.accountId);
    expect(managed.length).toBeGreaterThan(5);
    expect(managed.filter((user) => user.emailAddress !== undefined)).toEqual([]);
    // The customer's email is on a domain no organisation manages: its own profile setting (shown) still applies.
    expect(users.find((user) => user.accountType === 'customer')?.emailAddress).toBe('customer@partner.example.org');
    // Making the email visible in the profile changes nothing for a managed account.
    const target = managed[0];
    t.sim.control.access.setEmailVisibility(target?.accountId ?? '', true);
    const again = await call(api(`/user?accountId=${target?.accountId ?? ''}`), { headers: as(t.sim, 'admin') });
    expect(again.body.emailAddress).toBeUndefined();
    expect(t.sim.control.groundTruth().users.find((user) => user.accountId === target?.accountId)?.emailVisible).toBe(false);
  });
});

describe('app accounts in groups (switch appAccountsInGroups)', () => {
  it('lists app accounts among the members of an ordinary group', async () => {
    const reply = await call(api('/group/member?groupname=engineering&maxResults=50'), { headers: as(t.sim, 'admin') });
    expect(reply.status).toBe(200);
    const apps = (reply.body.values as UserJson[]).filter((user) => user.accountType === 'app').map((user) => user.displayName).sort();
    expect(apps).toEqual(['Automation for Jira', 'Slack']);
  });
});
