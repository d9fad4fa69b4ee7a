import { parseError, type JqlError } from './jql-error.js';
import type { JqlToken } from './jql-lexer.js';

/** Words with a meaning in JQL; outside quotes they cannot be field names or values. */
export const JQL_KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'empty', 'null', 'order', 'by', 'asc', 'desc']);

/**
 * Jira's reserved JQL words (its documented list): unquoted they are a 400 even where a value is expected, so a
 * project whose key is one of them (DO, IF, SET...) must be quoted: `project = "DO"`.
 */
export const JQL_RESERVED_WORDS = new Set(
  (
    'abort access add after alias all alter and any as asc audit avg before begin between boolean break by byte catch cf char character check checkpoint ' +
    'collate collation column commit connect continue count create current date decimal declare decrement default defaults define delete delimiter desc ' +
    'difference distinct divide do double drop else empty encoding end equals escape exclusive exec execute exists explain false fetch file field first ' +
    'float for from function go goto grant greater group having identified if immediate in increment index initial inner inout input insert int integer ' +
    'intersect intersection into is isempty isnull join last left less like limit lock long max min minus mode modify modulo more multiply next noaudit ' +
    'not notin nowait null number object of on option or order outer output power previous prior privileges public raise raw remainder rename resource ' +
    'return returns revoke right row rowid rownum rows select session set share size sqrt start strict string subtract sum synonym table then to trans ' +
    'transaction trigger true uid union unique update user validate values view when whenever where while with'
  ).split(' '),
);

/** A position in the token list with the look-ahead and error helpers the parser needs. */
export class JqlTokenCursor {
  protected at: number;

  constructor(
    protected readonly source: string,
    private readonly tokens: readonly JqlToken[],
    start = 0,
  ) {
    this.at = start;
  }

  protected peek(): JqlToken {
    return this.tokens[this.at] ?? this.tokens[this.tokens.length - 1]!;
  }

  /** Consumes and returns the current token (the final `eof` token is never consumed). */
  protected next(): JqlToken {
    const token = this.peek();
    if (token.kind !== 'eof') this.at += 1;
    return token;
  }

  /** Skips the current token and returns `result`, for `while (cond && this.skip(true))` loops. */
  protected skip<T>(result: T): T {
    this.at += 1;
    return result;
  }

  protected isKeyword(word: string): boolean {
    const token = this.peek();
    return token.kind === 'word' && token.value.toLowerCase() === word;
  }

  protected isSymbol(symbol: string): boolean {
    const token = this.peek();
    return token.kind === 'symbol' && token.value === symbol;
  }

  protected expectSymbol(symbol: string): void {
    const token = this.next();
    if (token.kind === 'symbol' && token.value === symbol) return;
    if (token.kind === 'eof') throw this.error(`Expecting '${symbol}' before the end of the query.`);
    throw this.error(`Expecting '${symbol}' but got '${token.raw}'.`, token);
  }

  /** Reads a field name: a quoted string or a bare word that is not a keyword. */
  protected expectName(what: string): string {
    const token = this.next();
    if (token.kind === 'string') return token.value;
    if (token.kind === 'word' && !JQL_KEYWORDS.has(token.value.toLowerCase())) return token.value;
    if (token.kind === 'eof') throw this.error(`Expecting a ${what} before the end of the query.`);
    if (token.kind === 'word') {
      throw this.error(`'${token.raw}' is a reserved JQL word. You must surround it in quotation marks to use it in a query.`, token);
    }
    throw this.error(
      `Expecting a ${what} but got '${token.raw}'. You must surround '${token.raw}' in quotation marks to use it as a ${what}.`,
      token,
    );
  }

  /** A syntax error located at `token`, or "before the end of the query" style when no token is given. */
  protected error(sentence: string, token?: JqlToken): JqlError {
    return parseError(sentence, this.source, token?.offset);
  }
}
