import { ANYONE, NO_RESTRICTION, type TAcl, type TGroupRecord, type TRoleRecord, type TUserRecord } from '@jira-sync/contracts';

/** The records principals expand through: what the store's "records this account may read" query reads too. */
export interface TDirectory {
  users: readonly TUserRecord[];
  groups: readonly TGroupRecord[];
  roles: readonly TRoleRecord[];
}

/**
 * Every principal an account holds (empty for an inactive or unknown account: Jira lets neither read anything).
 * The in-memory twin of the store's query, used by tests and diagnostics.
 */
export function principalsOfAccount(directory: TDirectory, accountId: string): Set<string> {
  const user = directory.users.find((candidate) => candidate.accountId === accountId);
  if (!user?.active) return new Set();
  const groups = directory.groups.filter((group) => group.memberAccountIds.includes(accountId)).map((group) => group.groupId);
  const held = new Set([ANYONE, `user:${accountId}`, ...groups.map((id) => `group:${id}`)]);
  for (const role of directory.roles) {
    const member = role.userAccountIds.includes(accountId) || role.groupIds.some((id) => groups.includes(id));
    if (member) held.add(role.kind === 'lead' ? `lead:${role.projectId}` : `role:${role.projectId}:${role.roleId}`);
  }
  return held;
}

/** Whether an account holding `held` may read a record with `acl`: one principal of every layer. */
export function mayRead(acl: TAcl, held: ReadonlySet<string>): boolean {
  const satisfies = (layer: readonly string[], optional: boolean) =>
    layer.some((principal) => (principal === NO_RESTRICTION ? optional : held.has(principal)));
  return satisfies(acl.browse, false) && satisfies(acl.level, true) && satisfies(acl.visibility, true);
}

/** The active accounts that may read a record, sorted. */
export function readersOf(acl: TAcl, directory: TDirectory, principalsByAccount: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  return directory.users
    .filter((user) => user.active && mayRead(acl, principalsByAccount.get(user.accountId) ?? new Set()))
    .map((user) => user.accountId)
    .sort();
}
