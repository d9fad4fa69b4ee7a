#!/usr/bin/env node
// Runs the dependency check (knip) and every project's lint, typecheck, test (unit) and test-integration targets
// through Nx, then prints one closing line ("N passed, N failed") summed from the vitest JSON reports, failed
// suites included, so CI logs end with a clear verdict.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readReports, summarize, summaryLine } from './test-summary.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const reports = join(root, '.stack', 'test-results');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const deps = spawnSync('npm', ['run', '--silent', 'lint:deps'], { cwd: root, stdio: 'inherit' });
const nx = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'lint', 'typecheck', 'test', 'test-integration', '--outputStyle=static', ...process.argv.slice(2)],
  // The apps fail closed unless development is asked for explicitly; the tests run on the development key ring.
  { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'development', JIRA_SYNC_TEST_REPORT_DIR: reports } },
);

const status = deps.status !== 0 ? (deps.status ?? 1) : (nx.status ?? 1);
console.log(`\n${summaryLine(summarize(readReports(reports)), status !== 0)}`);
process.exit(status);
