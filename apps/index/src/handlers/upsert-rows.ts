import type { TRecordEvent } from '@jira-sync/contracts';
import type { RecordRepositoryPort, RecordRow } from '../record-store.port.js';

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

/** Writes the events' rows; the repository ignores stale revisions. */
export async function upsertEvents(repository: RecordRepositoryPort, events: ReadonlyArray<Parameters<typeof rowOf>[0]>): Promise<{ written: number; stale: number }> {
  const rows = newestPerRecord(events.map(rowOf));
  if (rows.length === 0) return { written: 0, stale: 0 };
  return repository.upsertMany(rows);
}
