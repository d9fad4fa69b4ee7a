/** Permission-scheme and issue-security-scheme JSON. */
import type { Holder, PermissionScheme, SecurityScheme } from '../model/types.js';
import type { ViewContext } from './view-context.js';

const HOLDER_EXPAND: Partial<Record<Holder['type'], string>> = { group: 'group', user: 'user', projectRole: 'projectRole', userCustomField: 'field', groupCustomField: 'field' };

export function holderJson(holder: Holder): Record<string, unknown> {
  const expand = HOLDER_EXPAND[holder.type];
  return { type: holder.type, ...(holder.parameter !== undefined ? { parameter: holder.parameter } : {}), ...(holder.value !== undefined ? { value: holder.value } : {}), ...(expand ? { expand } : {}) };
}

export function serializePermissionScheme(view: ViewContext, scheme: PermissionScheme, withGrants: boolean): Record<string, unknown> {
  return {
    expand: 'permissions,user,group,projectRole,field,all',
    id: scheme.id,
    self: `${view.siteUrl}/rest/api/3/permissionscheme/${scheme.id}`,
    name: scheme.name,
    description: scheme.description,
    ...(withGrants
      ? { permissions: scheme.grants.map((grant) => ({ id: grant.id, self: `${view.siteUrl}/rest/api/3/permissionscheme/permission/${grant.id}`, holder: holderJson(grant.holder), permission: grant.permission })) }
      : {}),
  };
}

/** `SecurityScheme`; the list endpoint (`GET /issuesecurityschemes`) leaves `levels` out, as Jira's example does. */
export function serializeSecurityScheme(view: ViewContext, scheme: SecurityScheme, withLevels = true): Record<string, unknown> {
  if (!withLevels) {
    const { levels: _levels, ...rest } = serializeSecurityScheme(view, scheme);
    return rest;
  }
  return {
    self: `${view.siteUrl}/rest/api/3/issuesecurityschemes/${scheme.id}`,
    id: scheme.id,
    name: scheme.name,
    description: scheme.description,
    ...(scheme.defaultLevelId ? { defaultSecurityLevelId: Number(scheme.defaultLevelId) } : {}),
    levels: scheme.levels.map((level) => ({ self: `${view.siteUrl}/rest/api/3/securitylevel/${level.id}`, id: level.id, name: level.name, description: level.description })),
  };
}
