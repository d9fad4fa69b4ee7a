import { JiraPermissionError, type TAuditRecord } from '@jira-sync/jira-client';
import type { TActivityDeps } from './activity-deps.js';
import { deletionEvent, deletionRevision } from './deletion-events.js';
import { EventBatcher } from './publish-in-batches.js';
import type { TSyncStepInput } from './sync-context.js';
import { mapFailures } from './to-application-failure.js';

/**
 * How far before the previous run's start the audit log is read: covers a skew between the worker's clock and Jira's,
 * and deletions made while that run was listing. Reading a deletion twice is harmless.
 */
const AUDIT_OVERLAP_MS = 60 * 60_000;
/** Issue ids looked up in the store at once. */
const LOOKUP_BATCH = 500;

export interface TReadAuditDeletionsResult {
  /** False when the credential may not read the audit log (not Administer Jira, a Free plan) or there is no earlier run: reconcile ids instead. */
  available: boolean;
  reason: string;
  /** Issue deletions the audit log listed since the previous run. */
  deletionsListed: number;
  /** Of those, issues the store held: deleted now. */
  issuesDeleted: number;
}

/**
 * An issue deletion in Jira's audit log, by its exact id. Cloud does not document the record, so this accepts both
 * shapes seen in the wild (summary "Issue deleted" on an ISSUE object, or an ISSUE_DELETE object) and only a numeric
 * `objectItem.id`: a key or a name is never matched, let alone a part of one.
 */
export function deletedIssueId(record: TAuditRecord): string | undefined {
  const item = record.objectItem;
  const typeName = item?.typeName?.toUpperCase();
  const isDeletion = typeName === 'ISSUE_DELETE' || (typeName === 'ISSUE' && /^issue deleted$/i.test(record.summary.trim()));
  return isDeletion && item?.id && /^\d+$/.test(item.id) ? item.id : undefined;
}

/**
 * Incremental syncs with an admin credential: the issue deletions Jira's audit log lists since the previous run, as
 * `deleted` events for the issues the store holds (one request a thousand audit records, instead of every project's
 * ids). Without the right to read it, or without an earlier run, it says so and the workflow reconciles ids.
 */
export function createReadAuditDeletions(deps: TActivityDeps) {
  return async function readAuditDeletions(input: TSyncStepInput): Promise<TReadAuditDeletionsResult> {
    return mapFailures(async () => {
      const none = (reason: string): TReadAuditDeletionsResult => ({ available: false, reason, deletionsListed: 0, issuesDeleted: 0 });
      const stored = deps.storedRecords;
      if (!stored) return none('no store to compare with is configured');
      const previous = await deps.syncState?.getConnectorState(input.tenantId, input.connectorId);
      if (!previous) return none('no earlier sync to read the audit log from');
      const from = new Date(Math.max(0, previous.generation - AUDIT_OVERLAP_MS));
      const { client } = await deps.openConnector(input.tenantId, input.connectorId);
      const ids = new Set<string>();
      try {
        for await (const record of client.auditRecords({ from, filter: 'issue deleted' })) {
          // Newest first: a server that ignored `from` still ends the read here.
          const created = Date.parse(record.created);
          if (!Number.isNaN(created) && created < from.getTime()) break;
          const id = deletedIssueId(record);
          if (id) ids.add(id);
        }
      } catch (error) {
        if (error instanceof JiraPermissionError) return none('the credential may not read the audit log (Administer Jira on a paid plan)');
        throw error;
      }
      const batcher = new EventBatcher(deps.recordPublisher);
      const scope = { tenantId: input.tenantId, connectorId: input.connectorId };
      const all = [...ids];
      let issuesDeleted = 0;
      for (let start = 0; start < all.length; start += LOOKUP_BATCH) {
        for (const issue of await stored.issuesByIds(scope, all.slice(start, start + LOOKUP_BATCH))) {
          await batcher.add(deletionEvent(input, 'issue', issue.externalId, deletionRevision(issue.revision, input.generation), 'deleted in Jira (audit log)', deps.now()));
          issuesDeleted++;
        }
      }
      await batcher.flush();
      return { available: true, reason: 'the audit log lists issue deletions', deletionsListed: ids.size, issuesDeleted };
    });
  };
}
