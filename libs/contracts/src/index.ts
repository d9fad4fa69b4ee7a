export { parseEnv } from './parse-env.js';
export { TASK_QUEUES } from './task-queues.js';
export { MAX_RECORD_EVENT_BYTES, TOPIC_SPECS, TOPICS, topicSpecsFor, type TTopicName, type TTopicSpec } from './topics.js';

export {
  ANYONE,
  NO_RESTRICTION,
  ZAclSchema,
  ZPrincipalSchema,
  closedAcl,
  groupPrincipal,
  leadPrincipal,
  rolePrincipal,
  userPrincipal,
  type TAcl,
} from './records/acl.schema.js';
export { ZRevisionSchema, revisionOf, type TRevision } from './records/revision.schema.js';
export {
  ZGroupRecordSchema,
  ZRoleRecordSchema,
  ZUserRecordSchema,
  type TGroupRecord,
  type TRoleRecord,
  type TUserRecord,
} from './records/people.schema.js';
export { ZProjectRecordSchema, type TProjectRecord } from './records/project.schema.js';
export {
  ZBlockGroupSchema,
  ZCustomFieldValueSchema,
  ZIssueLinkSchema,
  ZIssueRecordSchema,
  ZPersonRefSchema,
  type TBlockGroup,
  type TCustomFieldValue,
  type TIssueRecord,
  type TPersonRef,
} from './records/issue.schema.js';
export { ZCommentRecordSchema, type TCommentRecord } from './records/comment.schema.js';
export {
  ZAttachmentContentSchema,
  ZAttachmentRecordSchema,
  type TAttachmentContent,
  type TAttachmentRecord,
} from './records/attachment.schema.js';
export {
  RECORD_EVENT_TYPES,
  RECORD_KINDS,
  ZRecordDeletionSchema,
  ZRecordEventSchema,
  externalIdOf,
  recordEventKey,
  recordEventSource,
  type TRecordEvent,
  type TRecordEventOf,
  type TRecordKind,
} from './records/record-event.schema.js';
export {
  ZAuthMethodSchema,
  ZConnectorConfigSchema,
  ZConnectorCredentialsSchema,
  ZDateFilterSchema,
  ZIndexingFiltersSchema,
  ZSyncFiltersSchema,
  type TAuthMethod,
  type TConnectorConfig,
  type TConnectorConfigInput,
  type TConnectorCredentials,
  type TIndexingFilters,
  type TSyncFilters,
} from './connectors/connector.schema.js';
export {
  SEARCH_ATTRIBUTE_NAMES,
  SYNC_STATUSES,
  ZIssueChunkingSchema,
  ZSyncConnectorInputSchema,
  ZSyncModeSchema,
  projectSyncWorkflowId,
  syncWorkflowId,
  type TIssueChunking,
  type TProjectOutcome,
  type TSyncConnectorInput,
  type TSyncMode,
  type TSyncProgress,
  type TSyncResult,
  type TSyncStatus,
  type TSyncStepProgress,
} from './sync/sync-workflow.schema.js';
export { Secret } from './secret.js';
