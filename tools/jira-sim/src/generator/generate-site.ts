/** Builds one site's complete state from a preset and seed. */
import type { SiteState } from '../model/site-state.js';
import type { User } from '../model/types.js';
import { createSimRng, deriveSeed, uuidFrom } from '../util/rng.js';
import { CUSTOM_FIELDS, generateGroups, generatePermissionSchemes, generateSecuritySchemes } from './generate-access.js';
import { generateIssues } from './generate-issues.js';
import { CATEGORIES, generateProjects } from './generate-projects.js';
import type { WellKnownAccounts } from './generate-users.js';

export interface SiteSpec {
  name: string;
  seed: number;
  projects: number;
  issues: number;
  commentsPerIssue: number;
  attachmentRate: number;
  /** Share of the directory licensed on this site (the first site licenses everyone). */
  userShare: number;
}

/** Generates a site; `directory` is the shared account map. */
export function generateSite(spec: SiteSpec, directory: Map<string, User>, known: WellKnownAccounts): SiteState {
  const rng = createSimRng(deriveSeed(spec.seed, `site:${spec.name}`));
  const all = [...directory.values()];
  const wellKnownIds = new Set([known.apiUser.accountId, known.admin.accountId, known.oauthUser.accountId]);
  const siteUsers = all.filter((user, index) => wellKnownIds.has(user.accountId) || index < Math.ceil(all.length * spec.userShare));
  const access = generateGroups(rng, siteUsers, known);
  const humanIds = siteUsers.filter((user) => user.accountType === 'atlassian').map((user) => user.accountId);
  const named = humanIds.find((id) => !wellKnownIds.has(id)) ?? known.admin.accountId;
  const site: SiteState = {
    cloudId: uuidFrom(rng),
    name: spec.name,
    seed: spec.seed,
    users: directory,
    licensedAccountIds: new Set(humanIds),
    groups: access.groups,
    adminGroupId: access.groupIdByName.get('jira-admins') ?? '',
    appAccessGroupId: access.groupIdByName.get('jira-software-users') ?? '',
    browseUsersGroupIds: new Set([access.groupIdByName.get('jira-software-users') ?? '', access.groupIdByName.get('jira-admins') ?? '']),
    projects: new Map(),
    categories: new Map(CATEGORIES.map((category) => [category.id, category])),
    roles: access.roles,
    permissionSchemes: generatePermissionSchemes(access, named),
    securitySchemes: generateSecuritySchemes(access, named),
    issues: new Map(),
    issueKeys: new Map(),
    comments: new Map(),
    attachments: new Map(),
    audit: [],
    version: 0,
    nextIds: { issue: 10000, comment: 10000, attachment: 10000, changelog: 10000, grant: 20000, audit: 1, link: 10000 },
    customFieldIds: { ...CUSTOM_FIELDS },
  };
  for (const project of generateProjects(rng, spec.projects, access, known, humanIds, 10000)) site.projects.set(project.id, project);
  generateIssues(site, rng, { issues: spec.issues, commentsPerIssue: spec.commentsPerIssue, attachmentRate: spec.attachmentRate, humanIds });
  return site;
}
