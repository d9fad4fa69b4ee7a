import { basename, join } from 'node:path';
import type { UserWorkspaceConfig } from 'vitest/config';

/**
 * One test configuration for every project: workspace libs resolve to their TypeScript sources through the
 * `jira-sync-source` export condition, and integration tests (real servers) get generous hook timeouts
 * because the first call to a freshly started server can be slow on a 2-core machine.
 */
export function sharedTestConfig(root: string): UserWorkspaceConfig {
  // tools/stack/bin/run-tests.mjs sets this to collect one JSON report per project and target (`test`,
  // `test-integration`: npm names the running script) for its closing summary line.
  const reportDir = process.env['JIRA_SYNC_TEST_REPORT_DIR'];
  const target = process.env['npm_lifecycle_event'] ?? 'test';
  const reporting = reportDir
    ? { reporters: ['default', 'json'], outputFile: { json: join(reportDir, `${basename(root)}.${target}.json`) } }
    : {};
  return {
    root,
    resolve: { conditions: ['jira-sync-source'] },
    ssr: { resolve: { conditions: ['jira-sync-source'] } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      environment: 'node',
      testTimeout: 60_000,
      hookTimeout: 120_000,
      pool: 'forks',
      // The apps fail closed unless NODE_ENV=development is asked for; tests (and apps they start) ask explicitly.
      env: { NODE_ENV: 'development' },
      ...reporting,
    },
  };
}
