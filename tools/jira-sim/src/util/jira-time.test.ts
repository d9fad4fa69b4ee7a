import { describe, expect, it } from 'vitest';
import { formatJiraTime } from './jira-time.js';

describe('Jira timestamps', () => {
  it('renders the offset without a colon in the requested zone', () => {
    const instant = Date.UTC(2026, 0, 15, 12, 34, 56, 789);
    expect(formatJiraTime(instant, 'UTC')).toBe('2026-01-15T12:34:56.789+0000');
    expect(formatJiraTime(instant, 'America/Los_Angeles')).toBe('2026-01-15T04:34:56.789-0800');
    expect(formatJiraTime(instant, 'Asia/Kolkata')).toBe('2026-01-15T18:04:56.789+0530');
  });

  it('follows daylight saving time', () => {
    expect(formatJiraTime(Date.UTC(2026, 6, 1, 12), 'America/Los_Angeles')).toBe('2026-07-01T05:00:00.000-0700');
    expect(formatJiraTime(Date.UTC(2026, 6, 1, 12), 'Europe/London')).toBe('2026-07-01T13:00:00.000+0100');
  });
});

describe('Jira timestamps on a transition day', () => {
  it('uses the offset in force at each instant of the day clocks change', () => {
    expect(formatJiraTime(Date.UTC(2026, 2, 8, 9, 59), 'America/Los_Angeles')).toBe('2026-03-08T01:59:00.000-0800');
    expect(formatJiraTime(Date.UTC(2026, 2, 8, 10, 1), 'America/Los_Angeles')).toBe('2026-03-08T03:01:00.000-0700');
  });
});
