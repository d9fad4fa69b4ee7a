import { NO_RESTRICTION, RECORD_EVENT_TYPES, recordEventKey, recordEventSource, revisionOf, type TRecordEvent, type TRecordKind } from '@jira-sync/contracts';

const TENANT = 't1';
const CONNECTOR = 'c1';
const acl = { browse: ['anyone'], level: [NO_RESTRICTION], visibility: [NO_RESTRICTION] };
export interface KeyedEvent {
  key: string;
  event: TRecordEvent;
}

let sequence = 0;
function envelope(subject: string, updatedMs: number) {
  sequence += 1;
  return {
    specversion: '1.0' as const,
    id: `evt-${sequence}`,
    source: recordEventSource(TENANT, CONNECTOR),
    subject,
    time: new Date(updatedMs).toISOString(),
    datacontenttype: 'application/json' as const,
  };
}
function scope(updatedMs: number) {
  return { tenantId: TENANT, connectorId: CONNECTOR, revision: revisionOf(updatedMs, 1), syncRunId: 'run-1', indexable: true };
}
const keyed = (orderingId: string, event: TRecordEvent): KeyedEvent => ({ key: recordEventKey(TENANT, CONNECTOR, orderingId), event });

export function userEvent(accountId: string, at: number, displayName: string): KeyedEvent {
  return keyed(accountId, {
    ...envelope(accountId, at),
    type: RECORD_EVENT_TYPES.user,
    data: { ...scope(at), record: { accountId, displayName, active: true, accountType: 'atlassian' } },
  });
}

export function groupEvent(groupId: string, at: number, members: string[]): KeyedEvent {
  return keyed(groupId, { ...envelope(groupId, at), type: RECORD_EVENT_TYPES.group, data: { ...scope(at), record: { groupId, name: groupId, memberAccountIds: members } } });
}

export function roleEvent(projectId: string, roleId: string, at: number, users: string[]): KeyedEvent {
  return keyed(`${projectId}:${roleId}`, {
    ...envelope(`${projectId}:${roleId}`, at),
    type: RECORD_EVENT_TYPES.role,
    data: { ...scope(at), record: { kind: 'role', projectId, roleId, name: 'Developers', userAccountIds: users, groupIds: [] } },
  });
}

export function projectEvent(projectId: string, at: number): KeyedEvent {
  return keyed(projectId, {
    ...envelope(projectId, at),
    type: RECORD_EVENT_TYPES.project,
    data: { ...scope(at), record: { projectId, key: 'SHOP', name: 'Shop', descriptionMarkdown: '', browseUrl: 'https://example.test/browse/SHOP', acl } },
  });
}

export function issueEvent(issueId: string, at: number, summary: string, commentIds: string[], attachmentIds: string[]): KeyedEvent {
  const updated = new Date(at).toISOString();
  return keyed(issueId, {
    ...envelope(issueId, at),
    type: RECORD_EVENT_TYPES.issue,
    data: {
      ...scope(at),
      record: {
        issueId, key: `SHOP-${issueId}`, projectId: 'p1', projectKey: 'SHOP', summary, labels: [], components: [],
        fixVersions: [], customFields: [], links: [], created: updated, updated, webUrl: `https://example.test/browse/SHOP-${issueId}`,
        blockGroups: [{ index: 0, kind: 'description', markdown: 'Steps to reproduce', mediaIds: [] }], commentIds, attachmentIds, acl,
      },
    },
  });
}

export function commentEvent(commentId: string, issueId: string, at: number, markdown: string): KeyedEvent {
  const created = new Date(at).toISOString();
  return keyed(issueId, {
    ...envelope(commentId, at),
    type: RECORD_EVENT_TYPES.comment,
    data: { ...scope(at), record: { commentId, issueId, projectId: 'p1', blockGroupIndex: 1, blockIndex: 0, created, markdown, mediaIds: [], acl } },
  });
}

export function attachmentEvent(attachmentId: string, issueId: string, at: number, gridFsId: string): KeyedEvent {
  return keyed(issueId, {
    ...envelope(attachmentId, at),
    type: RECORD_EVENT_TYPES.attachment,
    data: {
      ...scope(at),
      record: {
        attachmentId, issueId, projectId: 'p1', filename: 'trace.log', mimeType: 'text/plain', size: 12, placement: 'issue', acl,
        content: { state: 'stored', gridFsId, sha256: 'a'.repeat(64), bytes: 12 },
      },
    },
  });
}

export function deletedEvent(kind: TRecordKind, externalId: string, orderingId: string, at: number): KeyedEvent {
  const { indexable: _indexable, ...deletionScope } = scope(at);
  return keyed(orderingId, {
    ...envelope(externalId, at),
    type: RECORD_EVENT_TYPES.deleted,
    data: { ...deletionScope, kind, externalId, reason: 'gone from Jira' },
  });
}
