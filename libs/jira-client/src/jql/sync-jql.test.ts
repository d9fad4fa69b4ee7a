import { describe, expect, it } from 'vitest';
import { formatJqlLocalMinute, parseJiraTimestamp } from './jira-timestamp.js';
import { buildSyncJql, quoteJqlValue } from './sync-jql.js';

const t = Date.UTC(2026, 0, 15, 3, 30, 45, 500); // 2026-01-15 03:30:45.500 UTC

describe('buildSyncJql', () => {
  it('writes epoch-ms bounds by default, with project scope and a unique order', () => {
    expect(buildSyncJql({ projectsIn: ['ABC', 'DEF'], projectsNotIn: ['X'], updated: { from: t, to: t + 1000 } })).toBe(
      `project in ("ABC", "DEF") AND project not in ("X") AND updated >= ${t} AND updated <= ${t + 1000} ORDER BY updated ASC, key ASC`,
    );
  });

  it('formats literals in the API user zone: 03:30 UTC is the previous evening in Los Angeles', () => {
    const jql = buildSyncJql({ updated: { from: t }, dateFormat: { kind: 'local', timeZone: 'America/Los_Angeles' } });
    expect(jql).toBe('updated >= "2026/01/14 19:30" ORDER BY updated ASC, key ASC');
  });

  it('rounds a local upper bound up to the next minute so no update inside the minute is lost', () => {
    const jql = buildSyncJql({ updated: { to: t }, dateFormat: { kind: 'local', timeZone: 'UTC' } });
    expect(jql).toContain('updated < "2026/01/15 03:31"');
  });

  it('moves a checkpoint back by the overlap window', () => {
    expect(buildSyncJql({ checkpoint: { updatedAt: t, overlapMs: 60_000 } })).toBe(`updated >= ${t - 60_000} ORDER BY updated ASC, key ASC`);
  });

  it('adds created ranges and stays bounded with no filter at all', () => {
    expect(buildSyncJql({ created: { from: new Date(t) } })).toBe(`created >= ${t} ORDER BY updated ASC, key ASC`);
    expect(buildSyncJql()).toBe('created >= 0 ORDER BY updated ASC, key ASC');
  });

  it('escapes quotes and backslashes in values', () => {
    expect(quoteJqlValue('a"b\\c')).toBe('"a\\"b\\\\c"');
  });
});

describe('Jira timestamps', () => {
  it('parses offsets without a colon, in any zone, to the same instant', () => {
    expect(parseJiraTimestamp('2026-01-15T03:30:45.500+0000')).toBe(t);
    expect(parseJiraTimestamp('2026-01-14T19:30:45.500-0800')).toBe(t);
    expect(parseJiraTimestamp('2026-01-15T05:30:45.500+02:00')).toBe(t);
    expect(parseJiraTimestamp('yesterday')).toBeUndefined();
  });

  it('formats a minute literal in 24-hour time', () => {
    expect(formatJqlLocalMinute(Date.UTC(2026, 5, 1, 0, 5), 'UTC')).toBe('2026/06/01 00:05');
  });
});
