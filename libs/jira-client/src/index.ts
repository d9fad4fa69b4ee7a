export { createApiTokenClient, type ApiTokenClientOptions } from './create-api-token-client.js';
export { connectOAuthClient, type OAuthClientOptions } from './connect-oauth-client.js';
export type { CommonClientOptions } from './client-options.js';
export { JiraClient, type JiraSiteInfo } from './jira-client.js';
export { validateSiteUrl, isSameSite, type SiteUrlOptions } from './config/site-url.js';

export {
  buildAuthorizationUrl,
  DEFAULT_API_GATEWAY_URL,
  DEFAULT_AUTH_BASE_URL,
  type AuthorizationUrlOptions,
  type OAuthAppOptions,
} from './auth/oauth-app.js';
export { exchangeAuthorizationCode, refreshTokenSet } from './auth/oauth-token-endpoint.js';
export { listAccessibleResources, selectSiteResource, type TAccessibleResource } from './auth/accessible-resources.js';
export { OAuthTokenManager, RefreshSingleFlight, type OAuthTokenManagerOptions } from './auth/oauth-token-manager.js';
export { InMemoryTokenStore, TokenStoreConflictError, type TokenSet, type TokenStore } from './auth/token-store.js';
export { REQUIRED_OAUTH_SCOPES, assertScopesGranted, findMissingScopes, parseScopes } from './auth/scopes.js';

export { JiraHttp, type JiraHttpOptions, type JiraResponse } from './http/jira-http.js';
export type { AuthProvider, HttpMethod, JiraRequest, RecordedRequest, RequestObserver } from './http/jira-request.js';
export { AdaptiveLimiter, SiteLimiterRegistry, defaultSiteLimiters, type AdaptiveLimiterOptions } from './http/adaptive-limiter.js';
export { createTransport, closeSharedTransport, type TransportOptions } from './http/transport.js';
export { systemClock, type Clock } from './http/clock.js';
export type { RetryOptions } from './http/retry-policy.js';

export {
  JiraError,
  JiraAuthError,
  JiraReauthenticationRequiredError,
  JiraPermissionError,
  JiraNotFoundError,
  JiraRateLimitedError,
  JiraConflictError,
  JiraBadRequestError,
  JiraServerError,
  JiraNetworkError,
  type JiraErrorContext,
  type JiraErrorKind,
} from './errors/jira-error.js';
export { JiraSchemaError, JiraConfigurationError, JiraPaginationError, JiraAttachmentTooLargeError } from './errors/jira-local-errors.js';

export { paginateBareArray, paginateStartAt, paginateToken, paginateOffset, collect } from './paginate.js';
export { buildSyncJql, quoteJqlValue, type SyncJqlOptions, type JqlDateFormat, type JqlRange } from './jql/sync-jql.js';
export { parseJiraTimestamp, formatJqlLocalMinute } from './jql/jira-timestamp.js';

export type { TJiraUser, TPermissionHolder } from './resources/common.schema.js';
export type { TMyself } from './resources/myself.js';
export type { TUserWithGroups } from './resources/users.js';
export type { TGroup } from './resources/groups.js';
export type { TProject, ProjectExpand } from './resources/projects.js';
export type { TProjectRole, TProjectRoleRef, TRoleActor } from './resources/project-roles.js';
export type { TApplicationRole } from './resources/application-roles.js';
export { ZFieldSchema, type TField } from './resources/fields.js';
export type { TPermissionGrant, TPermissionScheme, TPermissionSchemeWithGrants } from './resources/permission-schemes.js';
export type { TSecurityScheme, TSecurityLevelMember } from './resources/issue-security.js';
export type { TIssue, SearchIssuesOptions } from './resources/search.js';
export type { TBulkFetchResult, BulkFetchOptions } from './resources/bulk-fetch.js';
export type { TComment } from './resources/comments.js';
export type { TChangelog, TIssueChangelogs } from './resources/changelogs.js';
export type { TAttachmentMetadata, AttachmentContent } from './resources/attachments.js';
export type { TAuditRecord, ListAuditRecordsOptions } from './resources/audit.js';
export type { TWebhook, WebhookDefinition } from './resources/webhooks.js';
