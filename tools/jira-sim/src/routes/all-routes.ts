/** Every Jira REST route the simulator serves, by OpenAPI path template. */
import type { RouteDef } from '../http/route-types.js';
import { auditRecordsRoute } from './admin/audit-records.route.js';
import { serverInfoRoute } from './admin/server-info.route.js';
import { attachmentContentRoute, attachmentMetaRoute, attachmentRoute, attachmentThumbnailRoute } from './attachments/attachment.route.js';
import { fieldsRoute } from './fields/field.route.js';
import { groupBulkRoute } from './groups/group-bulk.route.js';
import { groupMemberRoute } from './groups/group-member.route.js';
import { groupsPickerRoute } from './groups/groups-picker.route.js';
import { myselfRoute } from './identity/myself.route.js';
import { userEmailRoute, userGroupsRoute, userRoute } from './identity/user.route.js';
import { userSearchRoute } from './identity/user-search.route.js';
import { usersRoute, usersSearchRoute } from './identity/users-search.route.js';
import { bulkfetchRoute } from './issues/bulkfetch.route.js';
import { changelogBulkfetchRoute, issueChangelogRoute } from './issues/changelog.route.js';
import { commentListRoute, issueCommentRoute, issueCommentsRoute } from './issues/comments.route.js';
import { issueGetRoute } from './issues/issue-get.route.js';
import { issueWorklogsRoute } from './issues/worklog.route.js';
import { permissionSchemeRoute, permissionSchemesRoute, projectPermissionSchemeRoute } from './permissions/permission-scheme.route.js';
import { securitySchemeMembersRoute } from './permissions/security-scheme-members.route.js';
import { projectSecuritySchemeRoute, securityLevelMembersRoute, securityLevelRoute, securitySchemeRoute, securitySchemesRoute } from './permissions/security-scheme.route.js';
import { applicationRoleRoute, applicationRolesRoute } from './projects/application-role.route.js';
import { projectCategoryRoute } from './projects/project-category.route.js';
import { projectGetRoute } from './projects/project-get.route.js';
import { projectRoleRoute, projectRolesRoute, rolesRoute } from './projects/project-roles.route.js';
import { projectSearchRoute } from './projects/project-search.route.js';
import { approximateCountRoute } from './search/approximate-count.route.js';
import { legacySearchGetRoute, legacySearchPostRoute } from './search/legacy-search.route.js';
import { searchJqlGetRoute, searchJqlPostRoute } from './search/search-jql.route.js';
import { webhookRoutes } from './webhooks/webhook.route.js';

export const ALL_ROUTES: RouteDef[] = [
  myselfRoute,
  usersSearchRoute,
  usersRoute,
  userSearchRoute,
  userRoute,
  userGroupsRoute,
  userEmailRoute,
  groupBulkRoute,
  groupMemberRoute,
  groupsPickerRoute,
  projectSearchRoute,
  projectGetRoute,
  projectCategoryRoute,
  projectRolesRoute,
  projectRoleRoute,
  rolesRoute,
  applicationRolesRoute,
  applicationRoleRoute,
  projectPermissionSchemeRoute,
  permissionSchemeRoute,
  permissionSchemesRoute,
  projectSecuritySchemeRoute,
  securitySchemesRoute,
  securitySchemeRoute,
  securityLevelMembersRoute,
  securitySchemeMembersRoute,
  securityLevelRoute,
  searchJqlGetRoute,
  searchJqlPostRoute,
  approximateCountRoute,
  legacySearchGetRoute,
  legacySearchPostRoute,
  bulkfetchRoute,
  issueGetRoute,
  issueCommentsRoute,
  issueCommentRoute,
  commentListRoute,
  issueChangelogRoute,
  issueWorklogsRoute,
  changelogBulkfetchRoute,
  attachmentMetaRoute,
  attachmentRoute,
  attachmentContentRoute,
  attachmentThumbnailRoute,
  auditRecordsRoute,
  serverInfoRoute,
  fieldsRoute,
  ...webhookRoutes,
];
