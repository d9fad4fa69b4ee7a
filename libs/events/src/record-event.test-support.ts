import { RECORD_EVENT_TYPES, recordEventKey, recordEventSource, revisionOf, type TRecordEvent } from '@jira-sync/contracts';

/** A valid user record event, for tests that need real events on the wire. */
export function userEvent(accountId: string, displayName = `User ${accountId}`): { key: string; event: TRecordEvent } {
  return {
    key: recordEventKey('t1', 'c1', accountId),
    event: {
      specversion: '1.0',
      id: `evt-${accountId}-${displayName.length}`,
      source: recordEventSource('t1', 'c1'),
      subject: accountId,
      time: '2026-12-01T10:00:00.000Z',
      datacontenttype: 'application/json',
      type: RECORD_EVENT_TYPES.user,
      data: {
        tenantId: 't1',
        connectorId: 'c1',
        revision: revisionOf(1_764_000_000_000, 1),
        syncRunId: 'run-1',
        indexable: true,
        record: { accountId, displayName, active: true, accountType: 'atlassian' },
      },
    },
  };
}
