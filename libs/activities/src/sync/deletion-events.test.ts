import { revisionOf } from '@jira-sync/contracts';
import { describe, expect, it } from 'vitest';
import { deletionEvent, deletionRevision } from './deletion-events.js';

describe('deletion events', () => {
  it("outrank the stored record with the record's own Jira time, so a later update of it outranks the tombstone again", () => {
    const stored = revisionOf(1_700_000_000_000, 1_000);
    const deletion = deletionRevision(stored, 2_000);
    expect(deletion > stored).toBe(true);
    expect(deletion).toBe(revisionOf(1_700_000_000_000, 2_000));
    // Moved back a minute later, or re-read by a later run: newer than the tombstone.
    expect(revisionOf(1_700_000_060_000, 2_000) > deletion).toBe(true);
    expect(revisionOf(1_700_000_000_000, 3_000) > deletion).toBe(true);
  });

  it('stay above a stored generation that is not older than the run', () => {
    const stored = revisionOf(5, 9_000);
    expect(deletionRevision(stored, 2_000)).toBe(revisionOf(5, 9_001));
  });

  it('are keyed like the record they delete', () => {
    const step = { tenantId: 't', connectorId: 'c', generation: 1, syncRunId: 'r' };
    const keyed = deletionEvent(step, 'issue', '10001', revisionOf(1, 1), 'gone', new Date(0));
    expect(keyed.key).toBe('t/c/issue:10001');
    expect(keyed.event).toMatchObject({ subject: '10001', data: { kind: 'issue', externalId: '10001', reason: 'gone' } });
  });
});
