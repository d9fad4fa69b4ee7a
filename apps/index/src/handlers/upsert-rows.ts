import type { TRecordEvent } from '@jira-sync/contracts';
import type { RecordRepositoryPort, RecordRow, WriteOptionsPort } from '../record-store.port.js';

/** The repository row of an upsert event: externalId is the CloudEvents subject, the rest comes from data. */
export function rowOf(event: Exclude<TRecordEvent, { type: 'com.jira-sync.record.deleted.v1' }>): RecordRow {
  const { tenantId, connectorId, revision, indexable, syncRunId, record } = event.data;
  return { tenantId, connectorId, externalId: event.subject, revision, indexable, syncRunId, record };
}

/** Keeps only the newest revision of each record, so one bulk write never carries two versions of a record. */
export function newestPerRecord<T extends RecordRow>(rows: readonly T[]): T[] {
  const newest = new Map<string, T>();
  for (const row of rows) {
    const key = JSON.stringify([row.tenantId, row.connectorId, row.externalId]);
    const seen = newest.get(key);
    if (!seen || row.revision > seen.revision) newest.set(key, row);
  }
  return [...newest.values()];
}

interface AclCarrier {
  acl?: { unresolved?: string };
}

function unresolvedAcl(row: RecordRow): boolean {
  return typeof (row.record as AclCarrier | null)?.acl?.unresolved === 'string';
}

/**
 * A record whose ACL the worker could not resolve this time (a scheme Jira refused or kept failing to answer) keeps
 * the last good ACL already stored for it; only a record never stored with a resolved ACL stays fail-closed. One read
 * per scope, and only for the rows that need it: a clean sync reads nothing.
 */
export async function keepLastGoodAcls(repository: RecordRepositoryPort, rows: readonly RecordRow[]): Promise<RecordRow[]> {
  const unresolved = rows.filter(unresolvedAcl);
  if (unresolved.length === 0) return [...rows];
  const kept = new Map<string, unknown>();
  const scopes = new Map<string, { tenantId: string; connectorId: string; ids: string[] }>();
  for (const row of unresolved) {
    const key = JSON.stringify([row.tenantId, row.connectorId]);
    const scope = scopes.get(key) ?? { tenantId: row.tenantId, connectorId: row.connectorId, ids: [] };
    scope.ids.push(row.externalId);
    scopes.set(key, scope);
  }
  for (const { tenantId, connectorId, ids } of scopes.values()) {
    const stored = (await repository.find({ tenantId, connectorId }, { externalId: { $in: ids } }, { fields: ['externalId', 'acl'] })) as Array<{ externalId: string } & AclCarrier>;
    for (const doc of stored) {
      if (doc.acl && doc.acl.unresolved === undefined) kept.set(JSON.stringify([tenantId, connectorId, doc.externalId]), doc.acl);
    }
  }
  return rows.map((row) => {
    const acl = unresolvedAcl(row) ? kept.get(JSON.stringify([row.tenantId, row.connectorId, row.externalId])) : undefined;
    return acl === undefined ? row : { ...row, record: { ...(row.record as object), acl } };
  });
}

/** Writes the events' rows; the repository ignores stale revisions. */
export async function upsertEvents(repository: RecordRepositoryPort, events: ReadonlyArray<Parameters<typeof rowOf>[0]>, options: WriteOptionsPort = {}): Promise<{ written: number; stale: number }> {
  return upsertRows(repository, newestPerRecord(events.map(rowOf)), options);
}

/** Writes rows already reduced to one per record (newestPerRecord); the repository ignores stale revisions. */
export async function upsertRows(repository: RecordRepositoryPort, rows: readonly RecordRow[], options: WriteOptionsPort = {}): Promise<{ written: number; stale: number }> {
  if (rows.length === 0) return { written: 0, stale: 0 };
  return repository.upsertMany(await keepLastGoodAcls(repository, rows), options);
}

/** The written children (comments or attachments) with their issue, grouped by tenant and connector. */
export function childrenByScope(
  events: ReadonlyArray<{ subject: string; data: { tenantId: string; connectorId: string; record: { issueId: string } } }>,
): Array<{ scope: { tenantId: string; connectorId: string }; children: Array<{ externalId: string; issueId: string }> }> {
  const groups = new Map<string, { scope: { tenantId: string; connectorId: string }; children: Array<{ externalId: string; issueId: string }> }>();
  for (const { subject, data } of events) {
    const key = JSON.stringify([data.tenantId, data.connectorId]);
    const group = groups.get(key) ?? { scope: { tenantId: data.tenantId, connectorId: data.connectorId }, children: [] };
    group.children.push({ externalId: subject, issueId: data.record.issueId });
    groups.set(key, group);
  }
  return [...groups.values()];
}
