import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest ancestor of this file that holds nx.json. */
export function findRepoRoot(start = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(start);
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('stack: cannot find the repository root (no nx.json above tools/stack)');
    dir = parent;
  }
  return dir;
}

export interface StackPaths {
  /** Where the servers' data, logs and pid files live: ignored by git, removed by nothing but the operator. */
  readonly stateDir: string;
  /** Where builds go: outside the repository, keyed by tool and version, shared by every checkout on the machine. */
  readonly cacheDir: string;
  readonly repoRoot: string;
}

/** Resolves the state and cache folders; JIRA_SYNC_STACK_DIR and JIRA_SYNC_CACHE_DIR override them. */
export function resolveStackPaths(env: NodeJS.ProcessEnv = process.env): StackPaths {
  const repoRoot = findRepoRoot();
  const cacheBase = env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return {
    repoRoot,
    stateDir: resolve(env['JIRA_SYNC_STACK_DIR'] || join(repoRoot, '.stack')),
    cacheDir: resolve(env['JIRA_SYNC_CACHE_DIR'] || join(cacheBase, 'jira-sync')),
  };
}
