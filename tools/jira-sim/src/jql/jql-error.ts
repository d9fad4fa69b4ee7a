/**
 * Why a JQL query was refused. Every kind maps to HTTP 400 with `message` as `errorMessages[0]`:
 * - parse: the text is not JQL (Jira's "Error in the JQL Query: ..." sentences, with line/character positions)
 * - unbounded: no search restriction (empty, or only ORDER BY)
 * - date: a date literal Jira would not accept (ISO 8601, seconds, DST gap, unknown format)
 * - unknown-value: a value that names nothing (an unknown project, an issue key that does not exist)
 * - unsupported: a field, operator or function this simulator (or Jira) does not support there
 */
export type JqlErrorKind = 'parse' | 'unbounded' | 'date' | 'unknown-value' | 'unsupported';

/** A JQL query Jira would reject; `message` is Jira's sentence, ready for `errorMessages`. */
export class JqlError extends Error {
  override readonly name = 'JqlError';
  readonly retryable = false;

  constructor(
    readonly kind: JqlErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export const UNBOUNDED_MESSAGE =
  'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';

/** Jira's "(line L, character C)" suffix for a 0-based offset into the query text. */
export function describePosition(source: string, offset: number): string {
  const before = source.slice(0, offset);
  const line = before.split(/\r\n|\r|\n/).length;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return `(line ${line}, character ${offset - lineStart + 1})`;
}

/** A syntax error, optionally located at `offset` (omit it for "... before the end of the query."). */
export function parseError(sentence: string, source: string, offset?: number): JqlError {
  const where = offset === undefined ? '' : ` ${describePosition(source, offset)}`;
  return new JqlError('parse', `Error in the JQL Query: ${sentence}${where}`);
}

/** The error Jira gives for any date literal it cannot read, naming the field as written. */
export function invalidDateError(value: string, field: string): JqlError {
  return new JqlError(
    'date',
    `Date value '${value}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', ` +
      `'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
}

/** The error for a value that names no project, issue or other entity. */
export function unknownValueError(value: string, field: string): JqlError {
  return new JqlError('unknown-value', `The value '${value}' does not exist for the field '${field}'.`);
}
