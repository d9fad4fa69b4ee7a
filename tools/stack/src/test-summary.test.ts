import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readReports, summarize, summaryLine } from '../bin/test-summary.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the closing tests: line', () => {
  it('sums tests across reports', () => {
    const totals = summarize([
      { numPassedTests: 3, numFailedTests: 1, numPendingTests: 1, numTodoTests: 1, testResults: [{ status: 'failed', assertionResults: [{ status: 'passed' }, { status: 'failed' }] }] },
      { numPassedTests: 2, numFailedTests: 0, testResults: [{ status: 'passed', assertionResults: [{ status: 'passed' }] }] },
    ]);
    expect(totals).toEqual({ passed: 5, failed: 1, skipped: 2 });
  });

  it('counts a test file that failed to load, which ran no test, as one failure', () => {
    const totals = summarize([
      { numPassedTests: 4, numFailedTests: 0, testResults: [{ status: 'failed', assertionResults: [] }, { status: 'passed', assertionResults: [{ status: 'passed' }] }] },
    ]);
    expect(totals.failed).toBe(1);
    expect(summaryLine(totals, true)).toMatch(/^tests: 4 passed, 1 failed, 0 skipped \(/);
  });

  it('reads every JSON report in a folder, and counts an unreadable one as a failed suite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'test-summary-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'adf.test.json'), JSON.stringify({ numPassedTests: 2, testResults: [] }));
    writeFileSync(join(dir, 'adf.test-integration.json'), '{ truncated');
    expect(summarize(readReports(dir))).toEqual({ passed: 2, failed: 1, skipped: 0 });
    expect(summaryLine({ passed: 2, failed: 0, skipped: 0 }, false)).toBe('tests: 2 passed, 0 failed, 0 skipped');
  });
});
