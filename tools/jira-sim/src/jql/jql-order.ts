import type { JqlSort } from './jql-ast.js';
import { JqlError } from './jql-error.js';
import { findJqlField } from './jql-fields.js';
import { compareIds, issueNumber, type JqlIssue } from './jql-issue.js';

type Comparator = (a: JqlIssue, b: JqlIssue) => number;

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Key order is Jira's: by project key, then by issue number (ABC-9 before ABC-10). id, issue and key are
// aliases of one field in JQL, so ORDER BY id sorts by key too.
const FIELD_ORDER = {
  issuekey: { compare: (a, b) => compareText(a.projectKey, b.projectKey) || issueNumber(a.key) - issueNumber(b.key), direction: 'ASC' },
  created: { compare: (a, b) => a.created - b.created, direction: 'DESC' },
  updated: { compare: (a, b) => a.updated - b.updated, direction: 'DESC' },
  summary: { compare: (a, b) => compareText(a.summary ?? '', b.summary ?? ''), direction: 'ASC' },
} satisfies Record<string, { compare: Comparator; direction: 'ASC' | 'DESC' }>;

/**
 * The comparator for an ORDER BY list. A sort without ASC/DESC takes the field's own default, as Jira's
 * navigable fields do: dates newest first (DESC), key and summary ASC. Ties (and a query without ORDER BY)
 * are broken by issue id ascending, so paging is stable.
 */
export function createIssueComparator(sorts: readonly JqlSort[]): Comparator {
  const comparators = sorts.map((sort): Comparator => {
    const field = findJqlField(sort.field);
    if (field === undefined) {
      throw new JqlError('unsupported', `Field '${sort.field}' does not exist or you do not have permission to view it.`);
    }
    if (field === 'project' || field === 'text') {
      throw new JqlError('unsupported', `Not able to sort using field '${sort.field}'.`);
    }
    const order = FIELD_ORDER[field];
    const sign = (sort.direction ?? order.direction) === 'ASC' ? 1 : -1;
    return (a, b) => sign * order.compare(a, b);
  });
  return (a, b) => {
    for (const compare of comparators) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return compareIds(a.id, b.id);
  };
}
