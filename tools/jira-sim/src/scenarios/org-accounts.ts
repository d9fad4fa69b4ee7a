/**
 * Organisation-level account behaviours (issue #11), applied once at startup after generation:
 * - switch managedEmailDomains: accounts whose email domain an organisation has verified are managed accounts; the
 *   organisation's policy decides whether their email is shown, and their own profile setting has no effect;
 * - switch appAccountsInGroups: app accounts (Automation for Jira, Slack) are members of ordinary groups.
 */
import type { SiteState } from '../model/site-state.js';
import type { User } from '../model/types.js';

const APP_GROUPS = ['engineering', 'support'];

/** The organisation policy for an account's email, or undefined when the account is not managed. */
export function managedEmailPolicy(domains: Record<string, boolean>, user: User): boolean | undefined {
  if (user.accountType !== 'atlassian') return undefined;
  const domain = user.email.slice(user.email.lastIndexOf('@') + 1).toLowerCase();
  return domains[domain];
}

/** Sets every managed account's email visibility to its organisation's policy. */
export function applyManagedEmailPolicy(directory: Map<string, User>, domains: Record<string, boolean>): void {
  for (const user of directory.values()) {
    const policy = managedEmailPolicy(domains, user);
    if (policy !== undefined) user.emailVisible = policy;
  }
}

/** Adds every app account to the engineering and support groups of each site. */
export function addAppAccountsToGroups(sites: SiteState[], directory: Map<string, User>): void {
  const apps = [...directory.values()].filter((user) => user.accountType === 'app').map((user) => user.accountId);
  for (const site of sites) {
    for (const group of site.groups.values()) if (APP_GROUPS.includes(group.name)) for (const id of apps) group.members.add(id);
    site.version += 1;
  }
}
