import type { JqlFunctionOperand, JqlOperand, JqlOperator, JqlTerminalClause, JqlValueOperand } from './jql-ast.js';
import { evaluateDateFunction } from './jql-date-functions.js';
import { resolveDateValue, type JqlClock } from './jql-date-literal.js';
import { JqlError, unknownValueError } from './jql-error.js';
import { assertOperatorSupported, requireJqlField } from './jql-fields.js';
import { compareIds, issueNumber, type JqlIssue } from './jql-issue.js';
import { createTextMatcher } from './jql-text-match.js';

/** Everything outside the query the evaluator needs: the caller's clock and look-ups into the site's data. */
export interface JqlContext extends JqlClock {
  /** Finds a project by key (case-insensitive), name (case-insensitive) or id, as the caller may see it. */
  readonly resolveProject: (value: string) => { readonly id: string; readonly key: string } | undefined;
  /** When given, `key = ABC-999` naming no issue is refused as Jira does; when absent it just matches nothing. */
  readonly issueKeyExists?: (key: string) => boolean;
  /** When given, maps a key an issue had before a move to its current key (`key = OLD-1` finds the moved issue). */
  readonly currentIssueKey?: (key: string) => string | undefined;
}

export type IssuePredicate = (issue: JqlIssue) => boolean;

const KEY = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;

function unsupported(message: string): JqlError {
  return new JqlError('unsupported', message);
}

function unknownFunction(operand: JqlFunctionOperand): JqlError {
  return unsupported(`Unable to find JQL function '${operand.name}(${operand.args.join(', ')})'.`);
}

/** The single values an operand stands for; a list only after IN / NOT IN, EMPTY only where handled before. */
function valuesOf(operand: JqlOperand, operator: JqlOperator): (JqlValueOperand | JqlFunctionOperand)[] {
  const list = operator === 'IN' || operator === 'NOT IN';
  if (operand.type === 'list' && !list) {
    throw unsupported(`The operator '${operator}' does not support multiple values.`);
  }
  const items = operand.type === 'list' ? operand.items : [operand];
  return items.map((item) => {
    if (item.type === 'empty') throw unsupported(`The operator '${operator}' does not support the operand 'EMPTY'.`);
    return item;
  });
}

/** IN and NOT IN test each value for equality (NOT IN is negated by the caller). */
function relationOf(operator: JqlOperator): JqlOperator {
  return operator === 'IN' || operator === 'NOT IN' ? '=' : operator;
}

/** Applies a relational operator to a comparison result; '=' and '!=' both test equality (the caller negates). */
function relate(operator: JqlOperator, comparison: number): boolean {
  switch (operator) {
    case '<':
      return comparison < 0;
    case '<=':
      return comparison <= 0;
    case '>':
      return comparison > 0;
    case '>=':
      return comparison >= 0;
    default:
      return comparison === 0;
  }
}

function compileProject(clause: JqlTerminalClause, context: JqlContext): IssuePredicate {
  const ids = new Set(
    valuesOf(clause.operand, clause.operator).map((operand) => {
      if (operand.type === 'function') throw unknownFunction(operand);
      const project = context.resolveProject(operand.value);
      if (project === undefined) throw unknownValueError(operand.value, clause.field);
      return project.id;
    }),
  );
  return (issue) => ids.has(issue.projectId);
}

function compileIssueKey(clause: JqlTerminalClause, context: JqlContext): IssuePredicate {
  const tests = valuesOf(clause.operand, clause.operator).map((operand): IssuePredicate => {
    if (operand.type === 'function') throw unknownFunction(operand);
    const relation = relationOf(clause.operator);
    if (/^\d+$/.test(operand.value)) return (issue) => relate(relation, compareIds(issue.id, operand.value));
    if (!KEY.test(operand.value)) {
      throw new JqlError('unknown-value', `The issue key '${operand.value}' for field '${clause.field}' is invalid.`);
    }
    const key = operand.value.toUpperCase();
    if (context.issueKeyExists && !context.issueKeyExists(key)) {
      throw new JqlError('unknown-value', `An issue with key '${operand.value}' does not exist for field '${clause.field}'.`);
    }
    const current = (context.currentIssueKey?.(key) ?? key).toUpperCase();
    const project = current.slice(0, current.lastIndexOf('-'));
    return (issue) =>
      issue.projectKey.toUpperCase() === project && relate(relation, issueNumber(issue.key) - issueNumber(current));
  });
  return (issue) => tests.some((test) => test(issue));
}

function compileDate(clause: JqlTerminalClause, field: 'created' | 'updated', context: JqlContext): IssuePredicate {
  const instants = valuesOf(clause.operand, clause.operator).map((operand) =>
    operand.type === 'function'
      ? evaluateDateFunction(operand, context)
      : resolveDateValue(operand, clause.field, context),
  );
  const relation = relationOf(clause.operator);
  return (issue) => instants.some((instant) => relate(relation, issue[field] - instant));
}

function compileText(clause: JqlTerminalClause, includeBody: boolean): IssuePredicate {
  const [operand] = valuesOf(clause.operand, clause.operator);
  if (operand === undefined || operand.type !== 'value') {
    throw unsupported(`The operator '${clause.operator}' requires a text value.`);
  }
  return createTextMatcher(operand.value, includeBody);
}

/** Compiles `field operator operand`, validating it eagerly (unknown projects, bad dates) as Jira does. */
export function compileTerminal(clause: JqlTerminalClause, context: JqlContext): IssuePredicate {
  const field = requireJqlField(clause.field);
  const emptiness = clause.operand.type === 'empty' && (clause.operator === '=' || clause.operator === '!=');
  const operator = emptiness ? (clause.operator === '=' ? 'IS' : 'IS NOT') : clause.operator;
  assertOperatorSupported(field, clause.field, operator);
  if (operator === 'IS' || operator === 'IS NOT') {
    if (clause.operand.type !== 'empty') {
      throw unsupported(`The operator '${operator}' only supports the operand 'EMPTY'.`);
    }
    // None of the supported fields can be empty on an issue.
    return () => operator === 'IS NOT';
  }
  const negated = operator === '!=' || operator === 'NOT IN' || operator === '!~';
  const predicate =
    field === 'project' ? compileProject(clause, context)
    : field === 'issuekey' ? compileIssueKey(clause, context)
    : field === 'summary' || field === 'text' ? compileText(clause, field === 'text')
    : compileDate(clause, field, context);
  return negated ? (issue) => !predicate(issue) : predicate;
}
