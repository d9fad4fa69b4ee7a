import { RECORD_EVENT_TYPES, type TRecordEventOf, type TRecordKind } from '@jira-sync/contracts';
import { releaseAttachmentContent, type RecordDeleteKey, type RecordRepositoryPort, type RecordStorePort } from '../record-store.port.js';
import type { RecordEventHandler } from './record-handler.js';
import { issueIdsByScope, releaseContent } from './reconcile-children.js';

const REPOSITORY_OF: ReadonlyMap<TRecordKind, (store: RecordStorePort) => RecordRepositoryPort> = new Map<TRecordKind, (store: RecordStorePort) => RecordRepositoryPort>([
  ['user', (store) => store.users],
  ['group', (store) => store.groups],
  ['role', (store) => store.roles],
  ['project', (store) => store.projects],
  ['issue', (store) => store.issues],
  ['comment', (store) => store.comments],
  ['attachment', (store) => store.attachments],
]);

/**
 * Deletions: the record becomes a tombstone with the deletion's revision (libs/store keeps it until purged, so an older
 * replayed upsert cannot bring the record back); an issue takes its comments, attachments and their GridFS content
 * with it (pruning every child into a tombstone first, so a crash between the two writes is repaired by the
 * redelivery).
 */
export const deletedHandler: RecordEventHandler<TRecordEventOf<'deleted'>> = {
  type: RECORD_EVENT_TYPES.deleted,
  async apply(events, { store, content, logger, knownChildren }) {
    const shared = knownChildren ? { knownChildren } : {};
    // Content first: a crash after it leaves the record, so the redelivery finds the content id again.
    const byKind = new Map<TRecordKind, RecordDeleteKey[]>();
    // A deleted issue keeps none of its children: pruned per connector in one call for the chunk (a project gone from
    // the scope deletes all its issues at once), its attachments' bytes released first.
    const prunes = issueIdsByScope(events.filter((event) => event.data.kind === 'issue').map((event) => ({ ...event.data, issueId: event.data.externalId })));
    // Two deletions of one issue in a chunk prune at the newer revision, as pruning at each in turn would end.
    const revisionOf = new Map<string, string>();
    for (const { data } of events) {
      const key = JSON.stringify([data.tenantId, data.connectorId, data.kind, data.externalId]);
      const seen = revisionOf.get(key);
      if (seen === undefined || seen < data.revision) revisionOf.set(key, data.revision);
    }
    for (const { scope, issueIds } of prunes) {
      const plans = issueIds.map((issueId) => ({ issueId, keepCommentIds: [], keepAttachmentIds: [], revision: revisionOf.get(JSON.stringify([scope.tenantId, scope.connectorId, 'issue', issueId]))! }));
      await store.issues.pruneChildrenMany(scope.tenantId, scope.connectorId, plans, { beforeAttachmentTombstones: (doomed) => releaseContent(content, doomed), ...shared });
    }
    for (const event of events) {
      const { kind, tenantId, connectorId, externalId, revision, syncRunId, reason } = event.data;
      const scope = { tenantId, connectorId };
      if (kind === 'attachment') await releaseAttachmentContent(store, content, scope, { externalId, revision: { $lte: revision } });
      const keys = byKind.get(kind) ?? [];
      keys.push({ tenantId, connectorId, externalId, revision, syncRunId, reason });
      byKind.set(kind, keys);
    }
    for (const [kind, keys] of byKind) {
      const repository = REPOSITORY_OF.get(kind);
      if (!repository) continue;
      if (kind === 'comment' || kind === 'attachment') await addIssueIds(repository(store), keys);
      await repository(store).deleteMany(keys, shared);
      logger.debug({ kind, deleted: keys.length }, 'records deleted');
    }
  },
};

/** A child's tombstone keeps its issue id (read from the stored record), so the issue's later prunes still see it. */
async function addIssueIds(repository: RecordRepositoryPort, keys: RecordDeleteKey[]): Promise<void> {
  for (const key of keys) {
    const [stored] = (await repository.find(key, { externalId: key.externalId }, { includeDeleted: true })) as Array<{ issueId?: unknown }>;
    if (typeof stored?.issueId === 'string') key.issueId = stored.issueId;
  }
}
