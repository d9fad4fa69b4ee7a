import type { TRecordEvent } from '@jira-sync/contracts';
import { attachmentHandler } from './attachment.handler.js';
import { commentHandler } from './comment.handler.js';
import { deletedHandler } from './deleted.handler.js';
import { groupHandler } from './group.handler.js';
import { issueHandler } from './issue.handler.js';
import { projectHandler } from './project.handler.js';
import type { RecordEventHandler } from './record-handler.js';
import { roleHandler } from './role.handler.js';
import { userHandler } from './user.handler.js';

/**
 * Every record event type's handler, in the order a group of upserts is applied. Comments and attachments go before
 * issues: an issue's prune then sees the children consumed with it, so a child the newest issue event no longer
 * lists is removed even when its own (older) event came in the same chunk.
 */
export const RECORD_HANDLERS: ReadonlyArray<RecordEventHandler> = [
  userHandler,
  groupHandler,
  roleHandler,
  projectHandler,
  commentHandler,
  attachmentHandler,
  issueHandler,
  deletedHandler,
] as ReadonlyArray<RecordEventHandler<TRecordEvent>>;
