import { parseError } from './jql-error.js';

/** A lexical token; `offset` is the 0-based position of its first character in the query. */
export interface JqlToken {
  readonly kind: 'word' | 'string' | 'operator' | 'symbol' | 'eof';
  readonly value: string;
  /** The text as written (with quotes for strings); messages quote tokens this way. */
  readonly raw: string;
  readonly offset: number;
}

// Jira's reserved characters: using one outside quotes is a syntax error naming its \uXXXX escape.
const RESERVED = new Set(['[', ']', '{', '}', '*', '/', '%', '+', '^', '$', '#', '@', '?', ';']);
const OPERATOR_START = new Set(['=', '!', '<', '>', '~']);
const SYMBOLS = new Set(['(', ')', ',', '&', '|']);
const SIMPLE_ESCAPES: Record<string, string> = { t: '\t', n: '\n', r: '\r', '\\': '\\', '"': '"', "'": "'", ' ': ' ' };

function isWordBreak(char: string): boolean {
  return /\s/.test(char) || char === '"' || char === "'" || OPERATOR_START.has(char) || SYMBOLS.has(char) || RESERVED.has(char);
}

/** Splits a JQL query into tokens, ending with an `eof` token; throws Jira's message for reserved characters. */
export function tokenizeJql(source: string): JqlToken[] {
  const tokens: JqlToken[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source.charAt(at);
    if (/\s/.test(char)) {
      at += 1;
    } else if (char === '"' || char === "'") {
      at = readQuoted(source, at, tokens);
    } else if (OPERATOR_START.has(char)) {
      at = readOperator(source, at, tokens);
    } else if (SYMBOLS.has(char)) {
      const doubled = (char === '&' || char === '|') && source.charAt(at + 1) === char;
      const raw = doubled ? char + char : char;
      tokens.push({ kind: 'symbol', value: raw, raw, offset: at });
      at += raw.length;
    } else if (RESERVED.has(char)) {
      throw reservedCharacterError(source, at);
    } else {
      at = readWord(source, at, tokens);
    }
  }
  tokens.push({ kind: 'eof', value: '', raw: '', offset: source.length });
  return tokens;
}

function reservedCharacterError(source: string, at: number) {
  const escape = `\\u${source.charCodeAt(at).toString(16).padStart(4, '0')}`;
  const sentence =
    `The character '${source.charAt(at)}' is a reserved JQL character. ` +
    `You must enclose it in a string or use the escape '${escape}' instead.`;
  return parseError(sentence, source, at);
}

function readOperator(source: string, start: number, tokens: JqlToken[]): number {
  const pair = source.slice(start, start + 2);
  const raw = ['!=', '<=', '>=', '!~'].includes(pair) ? pair : source.charAt(start);
  // A lone '!' is the NOT symbol, as in `!(project = A)`.
  const kind = raw === '!' ? 'symbol' : 'operator';
  tokens.push({ kind, value: raw, raw, offset: start });
  return start + raw.length;
}

/** Reads `\x` at `at` (the backslash), returning the decoded text and the next offset. */
function readEscape(source: string, at: number, context: string): [string, number] {
  const next = source.charAt(at + 1);
  const simple = SIMPLE_ESCAPES[next];
  if (simple !== undefined) return [simple, at + 2];
  const hex = source.slice(at + 2, at + 6);
  if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(hex)) return [String.fromCharCode(parseInt(hex, 16)), at + 6];
  const sequence = next === 'u' ? `\\u${hex}` : `\\${next}`;
  throw parseError(`The escape sequence '${sequence}' in the ${context} is illegal.`, source, at);
}

function readQuoted(source: string, start: number, tokens: JqlToken[]): number {
  const quote = source.charAt(start);
  let value = '';
  let at = start + 1;
  while (at < source.length && source.charAt(at) !== quote) {
    if (source.charAt(at) === '\\') {
      const [text, next] = readEscape(source, at, 'quoted string');
      value += text;
      at = next;
    } else {
      value += source.charAt(at);
      at += 1;
    }
  }
  if (at >= source.length) {
    throw parseError(`The quoted string '${source.slice(start + 1)}' has not been completed.`, source, start);
  }
  tokens.push({ kind: 'string', value, raw: source.slice(start, at + 1), offset: start });
  return at + 1;
}

function readWord(source: string, start: number, tokens: JqlToken[]): number {
  let value = '';
  let at = start;
  while (at < source.length && !isWordBreak(source.charAt(at))) {
    if (source.charAt(at) === '\\') {
      const [text, next] = readEscape(source, at, 'unquoted string');
      value += text;
      at = next;
    } else {
      value += source.charAt(at);
      at += 1;
    }
  }
  tokens.push({ kind: 'word', value, raw: source.slice(start, at), offset: start });
  return at;
}
