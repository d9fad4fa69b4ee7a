#!/usr/bin/env node
// Runs every project's lint, typecheck and test targets through Nx, then prints one closing line
// ("N passed, N failed") summed from the vitest JSON reports, so CI logs end with a clear verdict.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const reports = join(root, '.stack', 'test-results');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const nx = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'lint', 'typecheck', 'test', '--outputStyle=static', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, JIRA_SYNC_TEST_REPORT_DIR: reports } },
);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of existsSync(reports) ? readdirSync(reports) : []) {
  const report = JSON.parse(readFileSync(join(reports, file), 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
const status = nx.status ?? 1;
console.log(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped${status === 0 ? '' : ' (a lint, typecheck or test target failed: see above)'}`);
process.exit(status);
