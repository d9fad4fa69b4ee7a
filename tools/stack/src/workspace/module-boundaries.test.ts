// Lint probes for the workspace's module boundaries (eslint.config.mjs, ARCHITECTURE.md "Rules each part keeps"):
// each ban is linted on a virtual file placed in the project it concerns, so loosening a rule fails this suite.
import { ESLint } from 'eslint';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const BOUNDARY_RULES = new Set(['@nx/enforce-module-boundaries', 'no-restricted-imports']);

let eslint: ESLint;
beforeAll(() => {
  // The Nx rule reads the cached project graph and skips itself without one; computing the graph writes it.
  execFileSync('npx', ['nx', 'show', 'projects'], { cwd: root, stdio: 'ignore', timeout: 120_000 });
  // Type information is not needed for import rules, and virtual files belong to no tsconfig.
  eslint = new ESLint({ cwd: root, overrideConfig: [{ files: ['**/*.ts'], ...tseslint.configs.disableTypeChecked }] });
});

/**
 * A real file of `project` (`libs/store`), a test file when `probe` ends in `.test.ts`: Nx finds a file's project
 * through its graph of files on disk, so the probe borrows an existing path and lints its own text under it.
 */
function borrowedPath(probe: string): string {
  const project = probe.split('/').slice(0, 2).join('/');
  const wantTest = probe.endsWith('.test.ts');
  const files = (readdirSync(join(root, project, 'src'), { recursive: true }) as string[]).map((file) => file.replaceAll('\\', '/')).sort();
  const file = files.find((name) => name.endsWith('.ts') && !name.endsWith('.d.ts') && name.endsWith('.test.ts') === wantTest && !name.includes('test-support'));
  if (!file) throw new Error(`no ${wantTest ? 'test' : 'source'} file in ${project} to lint the probe as`);
  return join(root, project, 'src', file);
}

/** The boundary rules that `source`, linted as a file of the project that `probe` names, breaks. */
async function violations(probe: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport {};\n`, { filePath: borrowedPath(probe) });
  return (result?.messages ?? []).filter((message) => message.ruleId !== null && BOUNDARY_RULES.has(message.ruleId)).map((message) => message.ruleId ?? '');
}

describe('module boundaries', () => {
  it('lets workflow code import contracts at run time, to build child workflow ids', async () => {
    expect(await violations('libs/workflows/src/probe.ts', "import { syncWorkflowId } from '@jira-sync/contracts';\nvoid syncWorkflowId;")).toEqual([]);
  });

  it.each(['@jira-sync/events', '@jira-sync/logging', '@jira-sync/temporal', '@jira-sync/store', '@jira-sync/activities', '@jira-sync/jira-client'])(
    'bans %s from workflow code at run time, and allows its types',
    async (lib) => {
      expect(await violations('libs/workflows/src/probe.ts', `import { anything } from '${lib}';\nvoid anything;`)).toContain('no-restricted-imports');
      expect(await violations('libs/workflows/src/probe.ts', `import type { Anything } from '${lib}';\nexport type Probe = Anything;`)).toEqual([]);
    },
  );

  it.each([
    ['libs/store/src/probe.ts', '@jira-sync/logging'],
    ['libs/events/src/probe.ts', '@jira-sync/store'],
    ['libs/jira-client/src/probe.ts', '@jira-sync/temporal'],
    ['libs/temporal/src/probe.ts', '@jira-sync/events'],
    ['libs/logging/src/probe.ts', '@jira-sync/jira-client'],
  ])('bans %s from importing another io lib (%s)', async (path, lib) => {
    expect(await violations(path, `import { anything } from '${lib}';\nvoid anything;`)).toContain('@nx/enforce-module-boundaries');
  });

  it('lets io libs import contracts', async () => {
    expect(await violations('libs/store/src/probe.ts', "import { syncWorkflowId } from '@jira-sync/contracts';\nvoid syncWorkflowId;")).toEqual([]);
  });

  it('keeps the boundaries in test files, which may add tools (the simulator) only', async () => {
    expect(await violations('libs/store/src/probe.test.ts', "import { anything } from '@jira-sync/logging';\nvoid anything;")).toContain(
      '@nx/enforce-module-boundaries',
    );
    expect(await violations('libs/adf/src/probe.test.ts', "import { anything } from '@jira-sync/store';\nvoid anything;")).toContain(
      '@nx/enforce-module-boundaries',
    );
    expect(await violations('libs/jira-client/src/probe.test.ts', "import { startSimulator } from '@jira-sync/jira-sim';\nvoid startSimulator;")).toEqual([]);
    expect(await violations('libs/jira-client/src/probe.ts', "import { startSimulator } from '@jira-sync/jira-sim';\nvoid startSimulator;")).toContain(
      '@nx/enforce-module-boundaries',
    );
  });

  it('keeps the contracts lib free of workspace dependencies', async () => {
    expect(await violations('libs/contracts/src/probe.ts', "import { anything } from '@jira-sync/adf';\nvoid anything;")).toContain('@nx/enforce-module-boundaries');
  });
});
