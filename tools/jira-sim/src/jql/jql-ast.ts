/** The operators the parser recognises (upper-case, words separated by one space). */
export type JqlOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | '~' | '!~' | 'IN' | 'NOT IN' | 'IS' | 'IS NOT';

/** A single value as written: a bare word or number keeps `quoted: false`, a "..." or '...' string `true`. */
export interface JqlValueOperand {
  readonly type: 'value';
  readonly value: string;
  readonly quoted: boolean;
  /** True for an unquoted run of digits (epoch milliseconds for date fields, an id elsewhere). */
  readonly numeric: boolean;
  readonly offset: number;
}

/** `name(arg, ...)`; arguments are kept as the strings written. */
export interface JqlFunctionOperand {
  readonly type: 'function';
  readonly name: string;
  readonly args: readonly string[];
  readonly offset: number;
}

/** The EMPTY / NULL keyword. */
export interface JqlEmptyOperand {
  readonly type: 'empty';
  readonly offset: number;
}

export interface JqlListOperand {
  readonly type: 'list';
  readonly items: readonly (JqlValueOperand | JqlFunctionOperand | JqlEmptyOperand)[];
  readonly offset: number;
}

export type JqlOperand = JqlValueOperand | JqlFunctionOperand | JqlEmptyOperand | JqlListOperand;

/** `field operator operand`; `field` is spelled as written (messages quote it that way). */
export interface JqlTerminalClause {
  readonly type: 'terminal';
  readonly field: string;
  readonly operator: JqlOperator;
  readonly operand: JqlOperand;
  readonly offset: number;
}

/** Bare words that are not JQL (e.g. `this is not jql`): Jira runs them as a text search. */
export interface JqlFreeTextClause {
  readonly type: 'free-text';
  readonly text: string;
}

export type JqlClause =
  | JqlTerminalClause
  | JqlFreeTextClause
  | { readonly type: 'and' | 'or'; readonly clauses: readonly JqlClause[] }
  | { readonly type: 'not'; readonly clause: JqlClause };

export interface JqlSort {
  readonly field: string;
  /** Absent when the query names no direction: the field's own default applies (see jql-order.ts). */
  readonly direction?: 'ASC' | 'DESC';
  readonly offset: number;
}

/** A parsed query: an optional restriction and the ORDER BY list (empty when there is none). */
export interface JqlQuery {
  readonly where?: JqlClause;
  readonly orderBy: readonly JqlSort[];
}
