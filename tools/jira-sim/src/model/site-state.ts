/** All mutable data of one simulated site (cloudId), with the indexes the routes need. */
import type {
  Attachment,
  Comment,
  Group,
  Issue,
  PermissionScheme,
  Project,
  ProjectCategory,
  ProjectRole,
  SecurityScheme,
  User,
} from './types.js';
import type { AuditRecord } from '../audit/audit-record.js';

export interface SiteState {
  cloudId: string;
  name: string;
  seed: number;
  /** Account directory; Atlassian accounts are shared across sites, so sites hold the same Map. */
  users: Map<string, User>;
  /** Accounts with access to this site's Jira (application role jira-software). */
  licensedAccountIds: Set<string>;
  groups: Map<string, Group>;
  adminGroupId: string;
  /** Members of this group have Jira Software access (applicationRole holders). */
  appAccessGroupId: string;
  browseUsersGroupIds: Set<string>;
  projects: Map<string, Project>;
  categories: Map<string, ProjectCategory>;
  roles: Map<number, ProjectRole>;
  permissionSchemes: Map<number, PermissionScheme>;
  securitySchemes: Map<number, SecurityScheme>;
  issues: Map<string, Issue>;
  /** key (current and previous) -> issue id */
  issueKeys: Map<string, string>;
  comments: Map<string, Comment>;
  attachments: Map<string, Attachment>;
  audit: AuditRecord[];
  /** parent id -> children; rebuilt lazily, dropped by mutations. */
  childIndex?: Map<string, Issue[]>;
  /** Issues carry generated worklogs (switch worklogs, issue #11). */
  worklogs?: boolean;
  /** Id of this site's Sprint custom field (switch sprintField); absent: no Sprint field. */
  sprintFieldId?: string;
  /** Bumped by every mutation; permission caches key on it. */
  version: number;
  nextIds: { issue: number; comment: number; attachment: number; changelog: number; grant: number; audit: number; link: number };
  customFieldIds: {
    text: string;
    textarea: string;
    select: string;
    userPicker: string;
    groupPicker: string;
    number: string;
    date: string;
  };
}

/** Looks up an issue by id or by any key it ever had (moved keys resolve silently, as in Jira). */
export function findIssue(site: SiteState, idOrKey: string): Issue | undefined {
  const direct = site.issues.get(idOrKey);
  if (direct) return direct;
  const id = site.issueKeys.get(idOrKey) ?? site.issueKeys.get(idOrKey.toUpperCase());
  return id === undefined ? undefined : site.issues.get(id);
}

/** Looks up a project by id or case-sensitive key. */
export function findProject(site: SiteState, idOrKey: string): Project | undefined {
  const direct = site.projects.get(idOrKey);
  if (direct) return direct;
  for (const project of site.projects.values()) if (project.key === idOrKey) return project;
  return undefined;
}

/** Finds a group by id or by name. */
export function findGroup(site: SiteState, ref: { groupId?: string | null; name?: string | null }): Group | undefined {
  if (ref.groupId) return site.groups.get(ref.groupId);
  if (ref.name) for (const group of site.groups.values()) if (group.name === ref.name) return group;
  return undefined;
}
