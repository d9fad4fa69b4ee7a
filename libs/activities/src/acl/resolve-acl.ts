import {
  ANYONE,
  NO_RESTRICTION,
  closedAcl,
  groupPrincipal,
  leadPrincipal,
  rolePrincipal,
  userPrincipal,
  type TAcl,
} from '@jira-sync/contracts';

/** A permission or security-level holder as Jira serialises it (type plus parameter and/or value). */
export interface THolder {
  type: string;
  parameter?: string | null;
  value?: string | null;
}

/**
 * What a project's ACLs are resolved from. `browse` and `levels` are undefined when Jira would not show them to the
 * syncing account: every record then fails closed with `unresolvedReason`.
 */
export interface TProjectAccess {
  projectId: string;
  /** BROWSE_PROJECTS holders of the project's permission scheme. */
  browse: THolder[] | undefined;
  /** ADMINISTER_PROJECTS holders: they see the project (not its issues) without Browse Projects. */
  administer: THolder[];
  /** Security level id -> member holders; undefined when the level members could not be read. */
  levels: Map<string, THolder[]> | undefined;
  /** Groups that grant each application role (key -> group ids); applicationRole without a key means any of them. */
  applicationRoleGroups: Map<string, string[]> | undefined;
  /** Project role name -> id (comment visibility names the role). */
  roleIdByName: Map<string, string>;
  /** Group name -> id (comment visibility may carry only the name). */
  groupIdByName: Map<string, string>;
  /** Why browse or levels are missing, for the fail-closed ACL and the outcome. */
  unresolvedReason?: string;
}

/** The issue fields that issue-dependent holders read. */
export type TIssueFields = Readonly<Record<string, unknown>>;

const ISSUE_DEPENDENT = new Set(['reporter', 'assignee', 'userCustomField', 'groupCustomField']);

function own(record: unknown, key: string): unknown {
  return record !== null && typeof record === 'object' && Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

function ids(value: unknown, key: 'accountId' | 'groupId'): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => own(item, key)).filter((id): id is string => typeof id === 'string' && id.length > 0);
}

/** Thrown when a holder needs data the sync does not have; the caller fails the record closed. */
export class UnresolvableHolderError extends Error {
  constructor(holder: THolder, why: string) {
    super(`cannot resolve permission holder '${holder.type}${holder.parameter ? `:${holder.parameter}` : ''}': ${why}`);
    this.name = 'UnresolvableHolderError';
  }
}

/** The principals one holder stands for, in a project and (for issue-dependent holders) an issue. */
export function principalsOfHolder(holder: THolder, access: TProjectAccess, fields?: TIssueFields): string[] {
  const parameter = holder.parameter ?? holder.value ?? undefined;
  switch (holder.type) {
    case 'anyone':
      return [ANYONE];
    case 'group':
      return holder.value ? [groupPrincipal(holder.value)] : parameter && access.groupIdByName.has(parameter) ? [groupPrincipal(access.groupIdByName.get(parameter)!)] : [];
    case 'user':
      return parameter ? [userPrincipal(parameter)] : [];
    case 'projectRole':
      return parameter ? [rolePrincipal(access.projectId, parameter)] : [];
    case 'projectLead':
      return [leadPrincipal(access.projectId)];
    case 'applicationRole': {
      if (!access.applicationRoleGroups) throw new UnresolvableHolderError(holder, 'the application roles could not be read (needs Administer Jira)');
      const groups = parameter ? (access.applicationRoleGroups.get(parameter) ?? []) : [...access.applicationRoleGroups.values()].flat();
      return [...new Set(groups)].map(groupPrincipal);
    }
    case 'reporter':
      return fields ? ids(own(fields, 'reporter'), 'accountId').map(userPrincipal) : [];
    case 'assignee':
      return fields ? ids(own(fields, 'assignee'), 'accountId').map(userPrincipal) : [];
    case 'userCustomField':
      return fields && parameter ? ids(own(fields, parameter), 'accountId').map(userPrincipal) : [];
    case 'groupCustomField':
      return fields && parameter ? ids(own(fields, parameter), 'groupId').map(groupPrincipal) : [];
    default:
      // A holder type we do not know (a new Jira feature) must not widen access: fail closed.
      throw new UnresolvableHolderError(holder, 'unknown holder type');
  }
}

function layer(holders: THolder[], access: TProjectAccess, fields?: TIssueFields): string[] {
  const out = new Set<string>();
  for (const holder of holders) {
    if (!fields && ISSUE_DEPENDENT.has(holder.type)) continue;
    for (const principal of principalsOfHolder(holder, access, fields)) out.add(principal);
  }
  return [...out].sort();
}

/**
 * The project record's ACL: who sees the project in Jira's listings. Browse Projects holders (the issue-dependent ones
 * through `issueAcls`, the browse layers of the project's issues, since being a reporter of one issue shows the project)
 * plus Administer Projects holders. Jira administrators without a project permission are left out: Jira Cloud has no
 * API that lists global permission holders, so the record fails narrow rather than guess.
 */
export function projectAcl(access: TProjectAccess, issueAcls: Iterable<TAcl> = []): TAcl {
  if (!access.browse) return closedAcl(access.unresolvedReason ?? 'the permission scheme could not be read');
  try {
    const browse = new Set([...layer(access.browse, access), ...layer(access.administer, access)]);
    for (const acl of issueAcls) for (const principal of acl.browse) browse.add(principal);
    return { browse: [...browse].sort(), level: [NO_RESTRICTION], visibility: [NO_RESTRICTION] };
  } catch (error) {
    return closedAcl((error as Error).message);
  }
}

/** An issue's ACL: Browse Projects holders resolved for the issue AND its security level's members. */
export function issueAcl(access: TProjectAccess, fields: TIssueFields): TAcl {
  if (!access.browse) return closedAcl(access.unresolvedReason ?? 'the permission scheme could not be read');
  try {
    const browse = layer(access.browse, access, fields);
    const levelId = own(own(fields, 'security'), 'id');
    if (levelId === undefined || levelId === null) return { browse, level: [NO_RESTRICTION], visibility: [NO_RESTRICTION] };
    const members = access.levels?.get(String(levelId));
    if (!members) return closedAcl(access.levels ? `security level ${String(levelId)} is not in the project's scheme` : (access.unresolvedReason ?? 'the issue security level members could not be read'));
    return { browse, level: layer(members, access, fields), visibility: [NO_RESTRICTION] };
  } catch (error) {
    return closedAcl((error as Error).message);
  }
}

/** A comment's ACL (and that of files added through it): the issue's, narrowed by the comment's visibility. */
export function commentAcl(access: TProjectAccess, issue: TAcl, visibility: { type: string; value?: string; identifier?: string | null } | null | undefined): TAcl {
  if (!visibility) return issue;
  if (issue.unresolved) return issue;
  if (visibility.type === 'group') {
    const groupId = visibility.identifier ?? (visibility.value ? access.groupIdByName.get(visibility.value) : undefined);
    return groupId ? { ...issue, visibility: [groupPrincipal(groupId)] } : closedAcl(`comment visible to unknown group '${visibility.value ?? ''}'`);
  }
  if (visibility.type === 'role') {
    const name = visibility.value ?? visibility.identifier ?? '';
    const roleId = access.roleIdByName.get(name) ?? (visibility.identifier && /^\d+$/.test(visibility.identifier) ? visibility.identifier : undefined);
    return roleId ? { ...issue, visibility: [rolePrincipal(access.projectId, roleId)] } : closedAcl(`comment visible to unknown project role '${name}'`);
  }
  return closedAcl(`comment visibility of unknown type '${visibility.type}'`);
}
