import { describe, expect, it } from 'vitest';
import { createIssue } from './jql-fixtures.test-support.js';
import { createIssueComparator } from './jql-order.js';
import { parseJql } from './parse-jql.js';

const ISSUES = [
  createIssue('10005', 'XYZ-2', '2026-03-01T10:00:00Z', '2026-01-05T00:00:00Z', 'b'),
  createIssue('10002', 'ABC-10', '2026-03-01T10:00:00Z', '2026-01-02T00:00:00Z', 'a'),
  createIssue('10004', 'ABC-9', '2026-03-01T09:00:00Z', '2026-01-04T00:00:00Z', 'c'),
  createIssue('10001', 'ABC-2', '2026-03-01T10:00:00Z', '2026-01-01T00:00:00Z', 'a'),
];

function order(orderBy: string): string[] {
  const compare = createIssueComparator(parseJql(`project = ABC ${orderBy}`).orderBy);
  return [...ISSUES].sort(compare).map((issue) => issue.key);
}

describe('createIssueComparator', () => {
  it('breaks ties on the sort key by issue id ascending', () => {
    expect(order('ORDER BY updated ASC')).toEqual(['ABC-9', 'ABC-2', 'ABC-10', 'XYZ-2']);
  });

  it('applies several keys in turn with their directions', () => {
    expect(order('ORDER BY updated DESC, key DESC')).toEqual(['XYZ-2', 'ABC-10', 'ABC-2', 'ABC-9']);
    expect(order('order by SUMMARY asc, created desc')).toEqual(['ABC-10', 'ABC-2', 'XYZ-2', 'ABC-9']);
  });

  it('sorts keys by project then issue number, and id is an alias of key', () => {
    expect(order('ORDER BY key ASC')).toEqual(['ABC-2', 'ABC-9', 'ABC-10', 'XYZ-2']);
    expect(order('ORDER BY id')).toEqual(['ABC-2', 'ABC-9', 'ABC-10', 'XYZ-2']);
  });

  it('sorts dates newest first when no direction is given, as Jira does', () => {
    expect(order('ORDER BY created')).toEqual(['XYZ-2', 'ABC-9', 'ABC-10', 'ABC-2']);
  });

  it('orders by id ascending when the query has no ORDER BY', () => {
    expect(order('')).toEqual(['ABC-2', 'ABC-10', 'ABC-9', 'XYZ-2']);
  });

  it('refuses unknown and unsortable fields', () => {
    expect(() => order('ORDER BY priority')).toThrow("Field 'priority' does not exist or you do not have permission to view it.");
    expect(() => order('ORDER BY text')).toThrow("Not able to sort using field 'text'.");
  });
});
