#!/usr/bin/env node
// Installs the workspace's npm dependencies when they are missing or older than package-lock.json.
// Runs before anything else in `npm test` and `npm run demo`, so it may use Node builtins only.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
// npm writes node_modules/.package-lock.json after every successful install; if it is at least as new as
// package-lock.json, the installed tree matches the lock file.
const installed = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) process.exit(0);

console.log('deps: installing npm dependencies from package-lock.json (npm ci) ...');
const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) {
  console.error('deps: npm ci failed; fix the error above (is package-lock.json in sync with package.json?) and run the command again');
  process.exit(result.status ?? 1);
}
