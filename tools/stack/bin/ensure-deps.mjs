#!/usr/bin/env node
// Installs the workspace's npm dependencies when they are missing or older than package-lock.json, and under CI=true
// Debian's chromium and chromium-driver when missing (the api's browser test drives the OAuth consent with them).
// Runs before anything else in `npm test` and `npm run demo`, so it may use Node builtins only.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

// Tests skip the browser test without Chromium on a developer's machine, but CI must run it.
const chromium = '/usr/bin/chromium';
if (process.env.CI === 'true' && !existsSync(chromium)) {
  console.log('deps: installing Debian packages chromium and chromium-driver (apt-get) ...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  for (const args of [['apt-get', 'update', '-q'], ['apt-get', 'install', '-y', '-q', '--no-install-recommends', 'chromium', 'chromium-driver']]) {
    const [command, ...rest] = [...sudo, ...args];
    const step = spawnSync(command, rest, { stdio: 'inherit', env });
    if (step.status !== 0) {
      console.error(`deps: '${args.join(' ')}' failed; install chromium and chromium-driver (Debian packages) and run the command again`);
      process.exit(step.status ?? 1);
    }
  }
}
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
