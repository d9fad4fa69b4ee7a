import { describe, expect, it } from 'vitest';
import { compileJql } from './compile-jql.js';
import { createContext, createIssue } from './jql-fixtures.test-support.js';
import type { JqlContext } from './jql-terminal.js';
import { parseJql } from './parse-jql.js';

const ISSUES = [
  createIssue('10001', 'ABC-1', '2026-03-01T17:59:00Z', '2026-01-01T00:00:00Z', 'Login page broken'),
  createIssue('10002', 'ABC-2', '2026-03-01T18:00:00Z', '2026-02-01T00:00:00Z', 'Checkout slow'),
  createIssue('10003', 'XYZ-1', '2026-03-01T18:00:59Z', '2026-02-15T00:00:00Z', 'Broken build on main'),
  createIssue('10004', 'ABC-10', '2026-03-02T09:00:00Z', '2026-03-01T12:00:00Z', 'Login timeout'),
];

function keysFor(jql: string, context: JqlContext = createContext()): string[] {
  const compiled = compileJql(parseJql(jql), context);
  return ISSUES.filter((issue) => compiled.matches(issue)).map((issue) => issue.key);
}

function refusalOf(jql: string, context: JqlContext = createContext()) {
  try {
    compileJql(parseJql(jql), context);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('compileJql project clauses', () => {
  it('matches project by key in any case, by name and by id', () => {
    expect(keysFor('project = abc')).toEqual(['ABC-1', 'ABC-2', 'ABC-10']);
    expect(keysFor('project = "Xylophone"')).toEqual(['XYZ-1']);
    expect(keysFor('project = 10001')).toEqual(['XYZ-1']);
  });

  it('supports !=, IN, NOT IN and IS NOT EMPTY', () => {
    expect(keysFor('project != ABC')).toEqual(['XYZ-1']);
    expect(keysFor('project in (ABC, XYZ)')).toHaveLength(4);
    expect(keysFor('project not in (XYZ)')).toEqual(['ABC-1', 'ABC-2', 'ABC-10']);
    expect(keysFor('project is not empty')).toHaveLength(4);
    expect(keysFor('project is empty')).toEqual([]);
  });

  it("refuses an unknown project with Jira's message", () => {
    expect(refusalOf('project in (ABC, NOPE)')).toMatchObject({
      kind: 'unknown-value',
      message: "The value 'NOPE' does not exist for the field 'project'.",
    });
  });

  it('refuses operators the field does not support', () => {
    expect(refusalOf('project > ABC')).toMatchObject({
      kind: 'unsupported',
      message: "The operator '>' is not supported by the 'project' field.",
    });
  });
});

describe('compileJql issue key and id clauses', () => {
  it('matches keys case-insensitively and ids through every alias', () => {
    expect(keysFor('key = abc-2')).toEqual(['ABC-2']);
    expect(keysFor('issuekey in (ABC-1, XYZ-1)')).toEqual(['ABC-1', 'XYZ-1']);
    expect(keysFor('id = 10003')).toEqual(['XYZ-1']);
    expect(keysFor('issue in (10001, 10004)')).toEqual(['ABC-1', 'ABC-10']);
    expect(keysFor('key not in (ABC-1) AND id != 10002')).toEqual(['XYZ-1', 'ABC-10']);
  });

  it('compares keys by number within their project', () => {
    expect(keysFor('key > ABC-2')).toEqual(['ABC-10']);
    expect(keysFor('key <= ABC-2')).toEqual(['ABC-1', 'ABC-2']);
    expect(keysFor('id >= 10003')).toEqual(['XYZ-1', 'ABC-10']);
  });

  it('refuses malformed keys, and missing keys when the context can tell', () => {
    expect(refusalOf('key = ABC')).toMatchObject({ message: "The issue key 'ABC' for field 'key' is invalid." });
    const strict = createContext({ issueKeyExists: (key) => key === 'ABC-1' });
    expect(refusalOf('key in (ABC-1, ABC-99)', strict)).toMatchObject({
      kind: 'unknown-value',
      message: "An issue with key 'ABC-99' does not exist for field 'key'.",
    });
  });
});

describe('compileJql date clauses', () => {
  it('reads literals in the caller zone at minute granularity (LA 10:00 is 18:00Z)', () => {
    expect(keysFor("updated >= '2026/03/01 10:00'")).toEqual(['ABC-2', 'XYZ-1', 'ABC-10']);
    expect(keysFor("updated > '2026/03/01 10:00'")).toEqual(['XYZ-1', 'ABC-10']);
    expect(keysFor("updated < '2026-03-01 10:00'")).toEqual(['ABC-1']);
    expect(keysFor("updated <= '2026-03-01 10:00'")).toEqual(['ABC-1', 'ABC-2']);
    expect(keysFor("updated = '2026/03/01 10:00'")).toEqual(['ABC-2']);
    expect(keysFor("updated != '2026/03/01 10:00'")).toEqual(['ABC-1', 'XYZ-1', 'ABC-10']);
  });

  it('reads the same literal differently for a caller east of UTC', () => {
    const tokyo = createContext({ timeZone: 'Asia/Tokyo' });
    expect(keysFor("updated >= '2026/03/02 03:00'", tokyo)).toEqual(['ABC-2', 'XYZ-1', 'ABC-10']);
    expect(keysFor("updated >= '2026/03/01 10:00'", tokyo)).toHaveLength(4);
  });

  it('compares epoch milliseconds exactly', () => {
    const ms = Date.parse('2026-03-01T18:00:00Z');
    expect(keysFor(`updated >= ${ms} AND updated < ${ms + 59_000}`)).toEqual(['ABC-2']);
    expect(keysFor(`updated in (${ms}, 1)`)).toEqual(['ABC-2']);
  });

  it('evaluates periods and functions against the context clock', () => {
    expect(keysFor('created >= -30d')).toEqual(['ABC-2', 'XYZ-1', 'ABC-10']);
    expect(keysFor('created >= "-3w 6d"')).toEqual(['XYZ-1', 'ABC-10']);
    expect(keysFor('created >= startOfDay()')).toEqual(['ABC-10']);
    expect(keysFor('updated > now()')).toEqual(['XYZ-1', 'ABC-10']);
    expect(keysFor('createdDate < startOfMonth()')).toEqual(['ABC-1', 'ABC-2', 'XYZ-1']);
  });

  it('refuses invalid and DST-gap dates with the date error', () => {
    expect(refusalOf("updated >= '2023-07-13T21:24:33.000+0000'")).toMatchObject({ kind: 'date' });
    const newYork = createContext({ timeZone: 'America/New_York' });
    expect(refusalOf("updated >= '2026-03-08 02:30'", newYork)).toMatchObject({ kind: 'date' });
    expect(refusalOf("updated >= '2026-03-08 02:30'", createContext({ timeZone: 'Asia/Tokyo' }))).toBeUndefined();
  });
});

describe('compileJql logic and text', () => {
  it('combines clauses with AND, OR, NOT and parentheses', () => {
    expect(keysFor('project = ABC AND (key = ABC-1 OR key = ABC-10)')).toEqual(['ABC-1', 'ABC-10']);
    expect(keysFor('project = XYZ OR key = ABC-2')).toEqual(['ABC-2', 'XYZ-1']);
    expect(keysFor('NOT project = ABC')).toEqual(['XYZ-1']);
  });

  it('searches summary words for ~, text and free text; bare non-JQL words match nothing here', () => {
    expect(keysFor('summary ~ "broken"')).toEqual(['ABC-1', 'XYZ-1']);
    expect(keysFor('summary !~ broken')).toEqual(['ABC-2', 'ABC-10']);
    expect(keysFor('text ~ "log*"')).toEqual(['ABC-1', 'ABC-10']);
    expect(keysFor('login broken')).toEqual(['ABC-1']);
    expect(keysFor('this is not jql')).toEqual([]);
  });

  it('fails fast on a time zone name that does not exist', () => {
    expect(() => compileJql(parseJql('project = ABC'), createContext({ timeZone: 'Mars/Olympus_Mons' }))).toThrow(RangeError);
  });

  it("refuses unknown fields with Jira's message", () => {
    expect(refusalOf('status = Done')).toMatchObject({
      kind: 'unsupported',
      message: "Field 'status' does not exist or you do not have permission to view it.",
    });
  });
});
