import type { JqlQuery, JqlTerminalClause, JqlClause } from './jql-ast.js';
import { JqlError, UNBOUNDED_MESSAGE } from './jql-error.js';
import { findJqlField } from './jql-fields.js';
import { tokenizeJql, type JqlToken } from './jql-lexer.js';
import { JqlParser } from './jql-parser.js';

/** The most fields an ORDER BY may list in enhanced search. */
export const MAX_ORDER_BY_FIELDS = 7;

export interface ParseJqlOptions {
  /** Accept a query without a restriction (enhanced search refuses them; other endpoints may not). */
  readonly allowUnbounded?: boolean;
}

function terminals(clause: JqlClause): JqlTerminalClause[] {
  if (clause.type === 'terminal') return [clause];
  if (clause.type === 'not') return terminals(clause.clause);
  if (clause.type === 'free-text') return [];
  return clause.clauses.flatMap(terminals);
}

function orderByStart(tokens: readonly JqlToken[]): number {
  return tokens.findIndex(
    (token, index) => token.value.toLowerCase() === 'order' && tokens[index + 1]?.value.toLowerCase() === 'by',
  );
}

/**
 * Words only (no operators, quotes or parentheses) that are not JQL over known fields, e.g. `this is not jql`:
 * Jira runs them as a text search instead of failing. Returns undefined when the words are real JQL.
 */
function parseFreeText(source: string, tokens: readonly JqlToken[]): JqlQuery | undefined {
  if (!tokens.every((token) => token.kind === 'word' || token.kind === 'eof')) return undefined;
  try {
    const query = new JqlParser(source, tokens).parseQuery();
    const where = query.where;
    if (where === undefined || terminals(where).every((clause) => findJqlField(clause.field) !== undefined)) return undefined;
  } catch (error) {
    if (!(error instanceof JqlError)) throw error;
  }
  const orderAt = orderByStart(tokens);
  const text = source.slice(0, orderAt < 0 ? source.length : tokens[orderAt]!.offset).trim();
  const orderBy = orderAt < 0 ? [] : new JqlParser(source, tokens, orderAt).parseQuery().orderBy;
  return { where: { type: 'free-text', text }, orderBy };
}

/**
 * Parses JQL text into a query, throwing JqlError with Jira's message for syntax errors, an unbounded
 * query (empty, or only ORDER BY) and an ORDER BY of more than seven fields. Values are not checked
 * here; compileJql checks them against the caller's context.
 */
export function parseJql(text: string, options: ParseJqlOptions = {}): JqlQuery {
  const tokens = tokenizeJql(text);
  const query = parseFreeText(text, tokens) ?? new JqlParser(text, tokens).parseQuery();
  if (query.where === undefined && !options.allowUnbounded) throw new JqlError('unbounded', UNBOUNDED_MESSAGE);
  if (query.orderBy.length > MAX_ORDER_BY_FIELDS) {
    throw new JqlError('unsupported', `The ORDER BY clause may list at most ${MAX_ORDER_BY_FIELDS} fields.`);
  }
  return query;
}
