import type { JqlIssue } from './jql-issue.js';
import type { JqlContext } from './jql-terminal.js';

const PROJECTS = [
  { id: '10000', key: 'ABC', name: 'Alpha Build' },
  { id: '10001', key: 'XYZ', name: 'Xylophone' },
];

/** A Los Angeles caller at 2026-03-01T18:00Z, seeing two projects (resolved by key, name or id). */
export function createContext(overrides: Partial<JqlContext> = {}): JqlContext {
  return {
    timeZone: 'America/Los_Angeles',
    now: Date.parse('2026-03-01T18:00:00Z'),
    resolveProject: (value) =>
      PROJECTS.find(
        (project) =>
          project.id === value ||
          project.key.toLowerCase() === value.toLowerCase() ||
          project.name.toLowerCase() === value.toLowerCase(),
      ),
    ...overrides,
  };
}

/** An issue in project ABC (or XYZ from the key) with ISO `created`/`updated` times. */
export function createIssue(id: string, key: string, updated: string, created = updated, summary = ''): JqlIssue {
  const projectKey = key.slice(0, key.lastIndexOf('-'));
  return {
    id,
    key,
    projectKey,
    projectId: projectKey === 'ABC' ? '10000' : '10001',
    created: Date.parse(created),
    updated: Date.parse(updated),
    summary,
  };
}
