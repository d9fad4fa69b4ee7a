import { ANYONE, NO_RESTRICTION, groupPrincipal, leadPrincipal, rolePrincipal, userPrincipal } from '@jira-sync/contracts';
import type { Collection, Document } from 'mongodb';
import { NOT_DELETED } from './record.repository.js';

export interface ConnectorScope {
  tenantId: string;
  connectorId: string;
}

interface HasCollection {
  readonly raw: Collection<Document>;
}

/** The stored users, groups and roles principals expand through. */
export interface PrincipalSources {
  users: HasCollection;
  groups: HasCollection;
  roles: HasCollection;
}

/**
 * Every principal the account holds in this connector, from the stored users, groups and roles. An account that is
 * not stored as an active user holds none, so a deactivated account reads nothing.
 */
export async function principalsOf(sources: PrincipalSources, scope: ConnectorScope, accountId: string): Promise<string[]> {
  const { tenantId, connectorId } = scope;
  const user = await sources.users.raw.findOne({ tenantId, connectorId, accountId, active: true, ...NOT_DELETED }, { projection: { _id: 1 } });
  if (!user) return [];
  const groups = await sources.groups.raw
    .find({ tenantId, connectorId, memberAccountIds: accountId, ...NOT_DELETED }, { projection: { _id: 0, groupId: 1 } })
    .toArray();
  const groupIds = groups.map((group) => String(group['groupId']));
  const roles = await sources.roles.raw
    .find(
      { tenantId, connectorId, ...NOT_DELETED, $or: [{ userAccountIds: accountId }, { kind: 'role', groupIds: { $in: groupIds } }] },
      { projection: { _id: 0, kind: 1, projectId: 1, roleId: 1 } },
    )
    .toArray();
  const rolePrincipals = roles.map((role) =>
    role['kind'] === 'lead' ? leadPrincipal(String(role['projectId'])) : rolePrincipal(String(role['projectId']), String(role['roleId'])),
  );
  return [...new Set([ANYONE, userPrincipal(accountId), ...groupIds.map(groupPrincipal), ...rolePrincipals])];
}

/**
 * The filter "records these principals may read": one `$in` per ACL layer, so every layer stays indexable.
 * Tombstones (deleted records kept until purged) never match.
 */
export function readableFilter(scope: ConnectorScope, principals: readonly string[]): Document {
  return {
    tenantId: scope.tenantId,
    connectorId: scope.connectorId,
    ...NOT_DELETED,
    'acl.browse': { $in: [...principals] },
    'acl.level': { $in: [...principals, NO_RESTRICTION] },
    'acl.visibility': { $in: [...principals, NO_RESTRICTION] },
  };
}
