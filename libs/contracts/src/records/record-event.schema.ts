import { z } from 'zod';
import { ZAttachmentRecordSchema } from './attachment.schema.js';
import { ZCommentRecordSchema } from './comment.schema.js';
import { ZIssueRecordSchema } from './issue.schema.js';
import { ZGroupRecordSchema, ZRoleRecordSchema, ZUserRecordSchema } from './people.schema.js';
import { ZProjectRecordSchema } from './project.schema.js';
import { ZRevisionSchema } from './revision.schema.js';

/** CloudEvents `type` of each record event; the version suffix changes only with a breaking schema change. */
export const RECORD_EVENT_TYPES = {
  user: 'com.jira-sync.user.upserted.v1',
  group: 'com.jira-sync.group.upserted.v1',
  role: 'com.jira-sync.role.upserted.v1',
  project: 'com.jira-sync.project.upserted.v1',
  issue: 'com.jira-sync.issue.upserted.v1',
  comment: 'com.jira-sync.comment.upserted.v1',
  attachment: 'com.jira-sync.attachment.upserted.v1',
  deleted: 'com.jira-sync.record.deleted.v1',
} as const;
export type TRecordKind = Exclude<keyof typeof RECORD_EVENT_TYPES, 'deleted'>;
export const RECORD_KINDS = ['user', 'group', 'role', 'project', 'issue', 'comment', 'attachment'] as const satisfies readonly TRecordKind[];

const ZTenantScopeSchema = z.object({
  tenantId: z.string().min(1),
  connectorId: z.string().min(1),
  revision: ZRevisionSchema,
  /** The sync run that produced the event (its workflow run id), for tracing in the Temporal UI. */
  syncRunId: z.string().min(1),
  /** The connector's indexing filters decide this; every record is stored regardless. */
  indexable: z.boolean(),
});

function dataFor<T extends z.ZodType>(record: T) {
  return ZTenantScopeSchema.extend({ record });
}

/** A deletion: the record (and, for an issue, its comments, attachments and stored content) leaves the store. */
export const ZRecordDeletionSchema = ZTenantScopeSchema.omit({ indexable: true }).extend({
  kind: z.enum(RECORD_KINDS),
  externalId: z.string().min(1),
  reason: z.string(),
});

const envelope = {
  specversion: z.literal('1.0'),
  id: z.string().min(1),
  /** `/jira-sync/<tenantId>/<connectorId>` */
  source: z.string().min(1),
  /** The record's external id (Jira id; `<projectId>:<roleId>` for roles). */
  subject: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  datacontenttype: z.literal('application/json'),
};

/** A record event in Kafka's CloudEvents 1.0 structured JSON mode. */
export const ZRecordEventSchema = z.discriminatedUnion('type', [
  z.object({ ...envelope, type: z.literal(RECORD_EVENT_TYPES.user), data: dataFor(ZUserRecordSchema) }),
  z.object({ ...envelope, type: z.literal(RECORD_EVENT_TYPES.group), data: dataFor(ZGroupRecordSchema) }),
  z.object({ ...envelope, type: z.literal(RECORD_EVENT_TYPES.role), data: dataFor(ZRoleRecordSchema) }),
  z.object({ ...envelope, type: z.literal(RECORD_EVENT_TYPES.project), data: dataFor(ZProjectRecordSchema) }),
  z.object({ ...envelope, type: z.literal(RECORD_EVENT_TYPES.issue), data: dataFor(ZIssueRecordSchema) }),
  z.object({ ...envelope, type: z.literal(RECORD_EVENT_TYPES.comment), data: dataFor(ZCommentRecordSchema) }),
  z.object({ ...envelope, type: z.literal(RECORD_EVENT_TYPES.attachment), data: dataFor(ZAttachmentRecordSchema) }),
  z.object({ ...envelope, type: z.literal(RECORD_EVENT_TYPES.deleted), data: ZRecordDeletionSchema }),
]);
export type TRecordEvent = z.infer<typeof ZRecordEventSchema>;
export type TRecordEventOf<K extends keyof typeof RECORD_EVENT_TYPES> = Extract<TRecordEvent, { type: (typeof RECORD_EVENT_TYPES)[K] }>;

/** The external id of a record, as stored (unique per tenant + connector + kind). */
export function externalIdOf(event: TRecordEvent): string {
  return event.subject;
}

/**
 * The Kafka key of a record event: tenant + connector + the record that orders it. An issue's comments and
 * attachments are keyed by their issue, so the issue's block list and its blocks reach the consumer in order.
 */
export function recordEventKey(tenantId: string, connectorId: string, orderingId: string): string {
  return `${tenantId}/${connectorId}/${orderingId}`;
}

/** The CloudEvents `source` of a connector's events. */
export function recordEventSource(tenantId: string, connectorId: string): string {
  return `/jira-sync/${encodeURIComponent(tenantId)}/${encodeURIComponent(connectorId)}`;
}
