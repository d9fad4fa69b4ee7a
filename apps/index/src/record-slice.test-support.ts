import { createHash } from 'node:crypto';
import { principalsOfAccount, readersOf, type THashingAttachmentSink } from '@jira-sync/activities';
import {
  RECORD_EVENT_TYPES,
  type TAttachmentRecord,
  type TCommentRecord,
  type TGroupRecord,
  type TIssueRecord,
  type TProjectRecord,
  type TRecordEvent,
  type TRoleRecord,
  type TUserRecord,
} from '@jira-sync/contracts';
import type { AttachmentContentStore, ConnectorScope, RecordStore } from '@jira-sync/store';

export type TReadableKind = 'issue' | 'comment' | 'attachment';

/** One connector's records, from the store or from the events a sync published, and a way to hash stored bytes. */
export interface TRecordSlice {
  users: TUserRecord[];
  groups: TGroupRecord[];
  roles: TRoleRecord[];
  projects: TProjectRecord[];
  issues: TIssueRecord[];
  comments: TCommentRecord[];
  attachments: TAttachmentRecord[];
  storedSha256(gridFsId: string): Promise<string | undefined>;
}

/** A connector's slice of the store, its attachment bytes hashed from GridFS. */
export async function sliceOfStore(store: RecordStore, content: AttachmentContentStore, scope: ConnectorScope): Promise<TRecordSlice> {
  return {
    users: await store.users.find(scope),
    groups: await store.groups.find(scope),
    roles: await store.roles.find(scope),
    projects: await store.projects.find(scope),
    issues: await store.issues.find(scope),
    comments: await store.comments.find(scope),
    attachments: await store.attachments.find(scope),
    async storedSha256(gridFsId) {
      const hash = createHash('sha256');
      for await (const chunk of content.open(gridFsId)) hash.update(chunk as Buffer);
      return hash.digest('hex');
    },
  };
}

/** The newest record per subject of the events a sync published, attachment bytes as the hashing sink saw them. */
export function sliceOfEvents(events: readonly TRecordEvent[], sink: THashingAttachmentSink): TRecordSlice {
  const newest = new Map<string, TRecordEvent>();
  for (const event of events) {
    const key = `${event.type} ${event.subject}`;
    const seen = newest.get(key);
    if (!seen || seen.data.revision < event.data.revision) newest.set(key, event);
  }
  const of = <T>(type: string): T[] => [...newest.values()].filter((event) => event.type === type).map((event) => (event.data as unknown as { record: T }).record);
  return {
    users: of(RECORD_EVENT_TYPES.user),
    groups: of(RECORD_EVENT_TYPES.group),
    roles: of(RECORD_EVENT_TYPES.role),
    projects: of(RECORD_EVENT_TYPES.project),
    issues: of(RECORD_EVENT_TYPES.issue),
    comments: of(RECORD_EVENT_TYPES.comment),
    attachments: of(RECORD_EVENT_TYPES.attachment),
    storedSha256: async (gridFsId) => sink.stored.get(gridFsId)?.sha256,
  };
}

/** "Records this account may read" as the store answers it, or expanded in memory from a slice's ACLs and directory. */
export type TReadableBy = (accountId: string, kind: TReadableKind) => Promise<string[]>;

export function readableByStore(store: RecordStore, scope: ConnectorScope): TReadableBy {
  return (accountId, kind) => store.readableBy(scope, accountId, kind);
}

export function readableBySlice(slice: TRecordSlice): TReadableBy {
  const directory = { users: slice.users, groups: slice.groups, roles: slice.roles };
  const principals = new Map(slice.users.map((user) => [user.accountId, principalsOfAccount(directory, user.accountId)]));
  const records: Record<TReadableKind, Array<{ id: string; acl: TIssueRecord['acl'] }>> = {
    issue: slice.issues.map((record) => ({ id: record.issueId, acl: record.acl })),
    comment: slice.comments.map((record) => ({ id: record.commentId, acl: record.acl })),
    attachment: slice.attachments.map((record) => ({ id: record.attachmentId, acl: record.acl })),
  };
  // Each record's readers once (not once per account asked): account -> kind -> ids.
  const readable = new Map<string, Record<TReadableKind, string[]>>();
  for (const kind of ['issue', 'comment', 'attachment'] as const) {
    for (const record of records[kind]) {
      for (const reader of readersOf(record.acl, directory, principals)) {
        const entry = readable.get(reader) ?? { issue: [], comment: [], attachment: [] };
        entry[kind].push(record.id);
        readable.set(reader, entry);
      }
    }
  }
  return async (accountId, kind) => [...(readable.get(accountId)?.[kind] ?? [])].sort();
}

