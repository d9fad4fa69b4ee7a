import type { JqlClause, JqlQuery } from './jql-ast.js';
import type { JqlIssue } from './jql-issue.js';
import { createIssueComparator } from './jql-order.js';
import { compileTerminal, type IssuePredicate, type JqlContext } from './jql-terminal.js';
import { createTextMatcher } from './jql-text-match.js';
import { toWallTime } from './zoned-time.js';

/** A query bound to a caller: a filter and the ORDER BY comparator (with an id ascending tie-break). */
export interface CompiledJql {
  matches(issue: JqlIssue): boolean;
  compare(a: JqlIssue, b: JqlIssue): number;
}

function compileClause(clause: JqlClause, context: JqlContext): IssuePredicate {
  switch (clause.type) {
    case 'terminal':
      return compileTerminal(clause, context);
    case 'free-text':
      return createTextMatcher(clause.text, true);
    case 'not': {
      const inner = compileClause(clause.clause, context);
      return (issue) => !inner(issue);
    }
    case 'and': {
      const parts = clause.clauses.map((part) => compileClause(part, context));
      return (issue) => parts.every((part) => part(issue));
    }
    case 'or': {
      const parts = clause.clauses.map((part) => compileClause(part, context));
      return (issue) => parts.some((part) => part(issue));
    }
  }
}

/**
 * Binds a parsed query to the caller's time zone, clock and project look-up. Every value is checked here,
 * left to right, so unknown projects, invalid dates and unsupported fields throw JqlError before any issue
 * is read, as Jira answers 400 before searching. `context.timeZone` must be an IANA name (RangeError otherwise).
 */
export function compileJql(query: JqlQuery, context: JqlContext): CompiledJql {
  toWallTime(context.now, context.timeZone); // an unknown zone name is a caller bug: RangeError now, not mid-search
  const matches = query.where === undefined ? () => true : compileClause(query.where, context);
  return { matches, compare: createIssueComparator(query.orderBy) };
}
