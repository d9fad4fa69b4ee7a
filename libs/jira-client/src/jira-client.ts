import type { JiraHttp } from './http/jira-http.js';
import { getAttachmentMetadata, downloadAttachment } from './resources/attachments.js';
import { listApplicationRoles } from './resources/application-roles.js';
import { listAuditRecords, type ListAuditRecordsOptions } from './resources/audit.js';
import { bulkFetchIssues, type BulkFetchOptions } from './resources/bulk-fetch.js';
import { bulkFetchChangelogs, listChangelog } from './resources/changelogs.js';
import { listComments } from './resources/comments.js';
import { listFields } from './resources/fields.js';
import { listGroupMembers, listGroups, type ListGroupMembersOptions, type ListGroupsOptions } from './resources/groups.js';
import { getIssueSecurityScheme, getProjectIssueSecurityScheme, listIssueSecurityLevelMembers } from './resources/issue-security.js';
import { getMyself, type TMyself } from './resources/myself.js';
import { getPermissionScheme, getProjectPermissionScheme } from './resources/permission-schemes.js';
import { getProjectRole, listProjectRoles } from './resources/project-roles.js';
import { searchProjects, type SearchProjectsOptions } from './resources/projects.js';
import { approximateCount, searchIssueIds, searchIssuePages, searchIssues, type SearchIssuesOptions } from './resources/search.js';
import { getUser, listUsers, type ListUsersOptions } from './resources/users.js';
import { deleteWebhooks, listWebhooks, refreshWebhooks, registerWebhooks, type WebhookDefinition } from './resources/webhooks.js';

/** Which site a client talks to, and how. */
export interface JiraSiteInfo {
  siteUrl: string;
  /** Set for OAuth clients (gateway calls). */
  cloudId?: string;
  authMode: 'api-token' | 'oauth';
}

/** The typed Jira Cloud client: one method per operation the sync uses; listings are async iterables over all pages. */
export class JiraClient {
  constructor(
    readonly http: JiraHttp,
    readonly site: JiraSiteInfo,
    private readonly verify: () => Promise<TMyself> = () => getMyself(http),
  ) {}

  /** Confirms the credentials belong to a real account (bad Basic credentials otherwise read as anonymous). */
  verifyCredentials(): Promise<TMyself> {
    return this.verify();
  }

  myself(options?: { expand?: Array<'groups' | 'applicationRoles'> }) { return getMyself(this.http, options); }
  users(options?: ListUsersOptions) { return listUsers(this.http, options); }
  user(accountId: string, options?: { expand?: Array<'groups' | 'applicationRoles'> }) { return getUser(this.http, accountId, options); }
  groups(options?: ListGroupsOptions) { return listGroups(this.http, options); }
  groupMembers(groupId: string, options?: ListGroupMembersOptions) { return listGroupMembers(this.http, groupId, options); }
  projects(options?: SearchProjectsOptions) { return searchProjects(this.http, options); }
  projectRoles(projectIdOrKey: string) { return listProjectRoles(this.http, projectIdOrKey); }
  projectRole(projectIdOrKey: string, roleId: string | number, options?: { excludeInactiveUsers?: boolean }) {
    return getProjectRole(this.http, projectIdOrKey, roleId, options);
  }
  applicationRoles() { return listApplicationRoles(this.http); }
  /** System and custom fields (ids, names, schema types): how the sync names custom fields. */
  fields() { return listFields(this.http); }
  projectPermissionScheme(projectKeyOrId: string) { return getProjectPermissionScheme(this.http, projectKeyOrId); }
  permissionScheme(schemeId: string | number) { return getPermissionScheme(this.http, schemeId); }
  projectIssueSecurityScheme(projectKeyOrId: string) { return getProjectIssueSecurityScheme(this.http, projectKeyOrId); }
  issueSecurityScheme(schemeId: string | number) { return getIssueSecurityScheme(this.http, schemeId); }
  issueSecurityLevelMembers(filter?: { schemeId?: Array<string | number>; levelId?: Array<string | number> }) {
    return listIssueSecurityLevelMembers(this.http, filter);
  }
  searchIssues(options: SearchIssuesOptions) { return searchIssues(this.http, options); }
  /** Search a page at a time; each page carries the token of the next, which `startToken` resumes from. */
  searchIssuePages(options: SearchIssuesOptions & { startToken?: string }) { return searchIssuePages(this.http, options); }
  searchIssueIds(options: { jql: string; maxResults?: number; reconcileIssues?: number[] }) { return searchIssueIds(this.http, options); }
  approximateCount(jql: string) { return approximateCount(this.http, jql); }
  bulkFetchIssues(idsOrKeys: string[], options?: BulkFetchOptions) { return bulkFetchIssues(this.http, idsOrKeys, options); }
  comments(issueIdOrKey: string, options?: { expand?: Array<'renderedBody'>; pageSize?: number }) {
    return listComments(this.http, issueIdOrKey, options);
  }
  changelog(issueIdOrKey: string, options?: { pageSize?: number }) { return listChangelog(this.http, issueIdOrKey, options); }
  bulkChangelogs(issueIdsOrKeys: string[], options?: { fieldIds?: string[]; maxResults?: number }) {
    return bulkFetchChangelogs(this.http, issueIdsOrKeys, options);
  }
  attachmentMetadata(id: string | number) { return getAttachmentMetadata(this.http, id); }
  downloadAttachment(id: string | number, options: { maxBytes: number }) { return downloadAttachment(this.http, id, options); }
  auditRecords(options?: ListAuditRecordsOptions) { return listAuditRecords(this.http, options); }
  registerWebhooks(url: string, webhooks: WebhookDefinition[]) { return registerWebhooks(this.http, url, webhooks); }
  webhooks() { return listWebhooks(this.http); }
  refreshWebhooks(webhookIds: number[]) { return refreshWebhooks(this.http, webhookIds); }
  deleteWebhooks(webhookIds: number[]) { return deleteWebhooks(this.http, webhookIds); }
}
