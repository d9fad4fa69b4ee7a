// Sums vitest JSON reports into the closing `tests:` line of tools/stack/bin/run-tests.mjs. Node builtins only.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Totals over vitest JSON reports. A test file that fails before any of its tests run (an import or syntax
 * error, a throwing top-level hook) reports no failed test, so each such file counts as one failure.
 * @param {Array<{ numPassedTests?: number, numFailedTests?: number, numPendingTests?: number, numTodoTests?: number,
 *   testResults?: Array<{ status?: string, assertionResults?: Array<{ status?: string }> }> }>} reports
 */
export function summarize(reports) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const report of reports) {
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    for (const file of report.testResults ?? []) {
      const failedTests = (file.assertionResults ?? []).filter((test) => test.status === 'failed').length;
      if (file.status === 'failed' && failedTests === 0) failed += 1;
    }
  }
  return { passed, failed, skipped };
}

/** Reads every `*.json` report in `dir`; a report that is not valid JSON counts as one failed suite. */
export function readReports(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      try {
        return JSON.parse(readFileSync(join(dir, name), 'utf8'));
      } catch {
        return { testResults: [{ status: 'failed', assertionResults: [] }] };
      }
    });
}

/** The closing line: `tests: N passed, N failed, N skipped`, with a pointer when a target failed. */
export function summaryLine({ passed, failed, skipped }, targetsFailed) {
  return `tests: ${passed} passed, ${failed} failed, ${skipped} skipped${targetsFailed ? ' (the dependency check or a lint, typecheck or test target failed: see above)' : ''}`;
}
