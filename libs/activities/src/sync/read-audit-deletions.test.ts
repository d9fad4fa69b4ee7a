import { describe, expect, it } from 'vitest';
import { deletedIssueId } from './read-audit-deletions.activity.js';

const record = (summary: string, objectItem: { id?: string; name?: string; typeName?: string }) => ({ id: 1, summary, created: '2026-12-01T10:00:00.000+0000', objectItem });

describe('issue deletions in the audit log', () => {
  it('takes the exact numeric id of an "Issue deleted" record on an ISSUE, or of an ISSUE_DELETE record', () => {
    expect(deletedIssueId(record('Issue deleted', { id: '10042', name: 'PLAT-1', typeName: 'ISSUE' }))).toBe('10042');
    expect(deletedIssueId(record('issue deleted ', { id: '10042', name: 'PLAT-1', typeName: 'issue' }))).toBe('10042');
    expect(deletedIssueId(record('Deleted', { id: '10043', typeName: 'ISSUE_DELETE' }))).toBe('10043');
  });

  it('ignores other records, and never matches a key or a name in place of the id', () => {
    expect(deletedIssueId(record('Issue updated', { id: '10042', typeName: 'ISSUE' }))).toBeUndefined();
    expect(deletedIssueId(record('Project deleted', { id: '10000', typeName: 'PROJECT' }))).toBeUndefined();
    expect(deletedIssueId(record('Issue deleted', { id: 'PLAT-1', name: 'PLAT-1', typeName: 'ISSUE' }))).toBeUndefined();
    expect(deletedIssueId(record('Issue deleted', { name: '10042', typeName: 'ISSUE' }))).toBeUndefined();
  });
});
