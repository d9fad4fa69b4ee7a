/** A plausible initial audit log: users and groups created, schemes configured. */
import type { SiteState } from '../model/site-state.js';
import type { WellKnownAccounts } from './generate-users.js';
import { DATA_ANCHOR_MS, DAY_MS } from './presets.js';

export function seedAuditLog(site: SiteState, known: WellKnownAccounts): void {
  let at = DATA_ANCHOR_MS - 400 * DAY_MS;
  const push = (summary: string, category: string, objectItem: SiteState['audit'][number]['objectItem'], associated?: SiteState['audit'][number]['associatedItems']): void => {
    at += 3_600_000;
    site.audit.push({ id: site.nextIds.audit++, summary, category, eventSource: 'Jira', created: at, authorAccountId: known.admin.accountId, objectItem, ...(associated ? { associatedItems: associated } : {}) });
  };
  for (const group of site.groups.values()) push('Group created', 'group management', { id: group.groupId, name: group.name, typeName: 'GROUP' });
  for (const scheme of site.permissionSchemes.values()) push('Permission scheme created', 'permissions', { id: String(scheme.id), name: scheme.name, typeName: 'PERMISSION_SCHEME' });
  for (const scheme of site.securitySchemes.values()) push('Issue security scheme created', 'issue security', { id: String(scheme.id), name: scheme.name, typeName: 'SECURITY_SCHEME' });
  for (const project of site.projects.values()) push('Project created', 'projects', { id: project.id, name: project.key, typeName: 'PROJECT' });
  for (const group of [...site.groups.values()].slice(0, 3)) {
    for (const member of [...group.members].slice(0, 5)) push('User added to group', 'group management', { id: member, name: member, typeName: 'USER' }, [{ id: group.groupId, name: group.name, typeName: 'GROUP' }]);
  }
}
