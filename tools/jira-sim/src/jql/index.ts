export type {
  JqlClause,
  JqlEmptyOperand,
  JqlFreeTextClause,
  JqlFunctionOperand,
  JqlListOperand,
  JqlOperand,
  JqlOperator,
  JqlQuery,
  JqlSort,
  JqlTerminalClause,
  JqlValueOperand,
} from './jql-ast.js';
export { compileJql, type CompiledJql } from './compile-jql.js';
export { JqlError, UNBOUNDED_MESSAGE, type JqlErrorKind } from './jql-error.js';
export type { JqlIssue } from './jql-issue.js';
export type { JqlClock } from './jql-date-literal.js';
export type { JqlContext } from './jql-terminal.js';
export { MAX_ORDER_BY_FIELDS, parseJql, type ParseJqlOptions } from './parse-jql.js';
export { wallTimeToEpoch, toWallTime, offsetAt, type WallTime } from './zoned-time.js';
