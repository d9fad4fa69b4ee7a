import { describe, expect, it } from 'vitest';
import { EXIT } from './exit-codes.js';
import { exitCodeOf, progressLines } from './follow.js';

const progress = {
  tenantId: 't',
  connectorId: 'c',
  mode: 'full' as const,
  generation: 1,
  status: 'running' as const,
  step: 'issues',
  steps: [
    { step: 'users', status: 'completed' as const, count: 12 },
    { step: 'issues', status: 'running' as const, count: 0 },
  ],
  projects: [{ projectKey: 'ENG', status: 'running' as const, issuesDone: 40, issuesEstimated: 0 }],
  errors: ['grant Administer Projects on OPS'],
};

describe('following a sync', () => {
  it('prints one line per step, project and error, with an unknown estimate shown as ?', () => {
    expect(progressLines(progress)).toEqual(['step users: completed (12)', 'step issues: running', 'project ENG: running, 40/? issues', 'error: grant Administer Projects on OPS']);
  });

  it('exits 0 only for a completed run whose outcome is completed', () => {
    const result = { status: 'completed' } as never;
    expect(exitCodeOf({ state: 'completed', result })).toBe(EXIT.ok);
    expect(exitCodeOf({ state: 'completed', result: { status: 'partial' } as never })).toBe(EXIT.syncNotCompleted);
    expect(exitCodeOf({ state: 'failed', error: 'x' })).toBe(EXIT.syncNotCompleted);
    expect(exitCodeOf({ state: 'cancelled' })).toBe(EXIT.syncNotCompleted);
  });
});
