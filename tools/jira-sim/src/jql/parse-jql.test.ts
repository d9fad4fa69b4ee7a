import { describe, expect, it } from 'vitest';
import { JqlError } from './jql-error.js';
import { parseJql } from './parse-jql.js';

function errorOf(text: string): JqlError {
  try {
    parseJql(text);
  } catch (error) {
    if (error instanceof JqlError) return error;
    throw error;
  }
  throw new Error(`expected ${text} to be refused`);
}

describe('parseJql', () => {
  it('parses a clause with ORDER BY fields and directions', () => {
    expect(parseJql('project = ABC ORDER BY updated ASC, key')).toEqual({
      where: {
        type: 'terminal',
        field: 'project',
        operator: '=',
        operand: { type: 'value', value: 'ABC', quoted: false, numeric: false, offset: 10 },
        offset: 0,
      },
      orderBy: [
        { field: 'updated', direction: 'ASC', offset: 23 },
        { field: 'key', offset: 36 },
      ],
    });
  });

  it('reads keywords and operators in any case', () => {
    const query = parseJql('PROJECT NOT IN (a, "b") and Updated >= -5d oR key iS nOt EMPTY order BY id desc');
    expect(query.where).toMatchObject({
      type: 'or',
      clauses: [
        { type: 'and', clauses: [{ operator: 'NOT IN', operand: { type: 'list' } }, { operator: '>=' }] },
        { operator: 'IS NOT', operand: { type: 'empty' } },
      ],
    });
    expect(query.orderBy).toMatchObject([{ field: 'id', direction: 'DESC' }]);
  });

  it('binds AND tighter than OR and honours parentheses and NOT', () => {
    expect(parseJql('a = 1 OR b = 2 AND c = 3').where).toMatchObject({ type: 'or', clauses: [{}, { type: 'and' }] });
    expect(parseJql('(a = 1 OR b = 2) AND NOT c = 3').where).toMatchObject({
      type: 'and',
      clauses: [{ type: 'or' }, { type: 'not', clause: { field: 'c' } }],
    });
    expect(parseJql('a = 1 && !(b = 2 || c = 3)').where).toMatchObject({ type: 'and', clauses: [{}, { type: 'not' }] });
  });

  it('keeps quoted values, escapes and unquoted digits apart', () => {
    const query = parseJql(`updated > 1732877091000 and summary ~ 'it\\'s' and project = "10000"`);
    expect(query.where).toMatchObject({
      clauses: [
        { operand: { value: '1732877091000', numeric: true, quoted: false } },
        { operand: { value: "it's", quoted: true } },
        { operand: { value: '10000', numeric: false, quoted: true } },
      ],
    });
  });

  it('decodes \\uXXXX escapes outside quotes, so reserved characters can be written unquoted', () => {
    expect(parseJql('summary ~ 50\\u0025').where).toMatchObject({ operand: { value: '50%', quoted: false } });
  });

  it('parses functions with and without arguments', () => {
    expect(parseJql('updated >= startOfDay(-1) and created < now()').where).toMatchObject({
      clauses: [{ operand: { type: 'function', name: 'startOfDay', args: ['-1'] } }, { operand: { name: 'now', args: [] } }],
    });
  });

  it('refuses empty queries and queries with only ORDER BY as unbounded', () => {
    for (const text of ['', '   ', 'order by created', 'ORDER BY updated ASC, key ASC']) {
      expect(errorOf(text)).toMatchObject({
        kind: 'unbounded',
        message: 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.',
      });
    }
    expect(parseJql('', { allowUnbounded: true })).toEqual({ orderBy: [] });
  });

  it('runs bare words as a free-text search', () => {
    expect(parseJql('this is not jql')).toEqual({ where: { type: 'free-text', text: 'this is not jql' }, orderBy: [] });
    expect(parseJql('login broken ORDER BY created')).toMatchObject({
      where: { type: 'free-text', text: 'login broken' },
      orderBy: [{ field: 'created' }],
    });
    expect(parseJql('project is not empty').where).toMatchObject({ type: 'terminal', field: 'project' });
  });

  it('refuses more than seven ORDER BY fields', () => {
    const eight = 'project = A ORDER BY created, updated, key, id, issue, issuekey, summary, createdDate';
    expect(errorOf(eight).message).toBe('The ORDER BY clause may list at most 7 fields.');
  });
});

describe('parseJql syntax errors', () => {
  it.each([
    ['project = ABC AND (key = ABC-1', "Error in the JQL Query: Expecting ')' before the end of the query."],
    ['project in (A, B', "Error in the JQL Query: Expecting ')' before the end of the query."],
    ['project = 50%', "Error in the JQL Query: The character '%' is a reserved JQL character. You must enclose it in a string or use the escape '\\u0025' instead. (line 1, character 13)"],
    ['created > 2026/03/01', "Error in the JQL Query: The character '/' is a reserved JQL character. You must enclose it in a string or use the escape '\\u002f' instead. (line 1, character 15)"],
    ['updated > 2023-07-13T21:24:33.000+0000', "Error in the JQL Query: The character '+' is a reserved JQL character. You must enclose it in a string or use the escape '\\u002b' instead. (line 1, character 34)"],
    ['summary ~ "a\\qb"', "Error in the JQL Query: The escape sequence '\\q' in the quoted string is illegal. (line 1, character 13)"],
    ['project = "ABC', "Error in the JQL Query: The quoted string 'ABC' has not been completed. (line 1, character 11)"],
    ['project =', 'Error in the JQL Query: Expecting either a value, list or function before the end of the query.'],
    ['project = )', "Error in the JQL Query: Expecting either a value, list or function but got ')'. You must surround ')' in quotation marks to use it as a value. (line 1, character 11)"],
    ['project ABC = 1', "Error in the JQL Query: Expecting operator but got 'ABC'. The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'. (line 1, character 9)"],
    ['project = A B = C', "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'B'. (line 1, character 13)"],
    ['project = A AND', 'Error in the JQL Query: Expecting a field name before the end of the query.'],
    ['project = A ORDER updated', "Error in the JQL Query: Expecting 'BY' but got 'updated'. (line 1, character 19)"],
    ['project = A AND\n  = B', "Error in the JQL Query: Expecting a field name but got '='. You must surround '=' in quotation marks to use it as a field name. (line 2, character 3)"],
  ])('refuses %j with Jira\'s message', (text, message) => {
    expect(errorOf(text)).toMatchObject({ kind: 'parse', message });
  });
});
