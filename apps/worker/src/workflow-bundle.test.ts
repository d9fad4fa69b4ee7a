import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@jira-sync/logging';
import { afterAll, describe, expect, it } from 'vitest';
import { workflowSource } from './workflow-bundle.js';

const logger = createLogger({ name: 'workflow-bundle-test', level: 'fatal' });
const dirs: string[] = [];

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('where the worker takes its workflows from', () => {
  it('loads the prebuilt bundle when the file exists, without bundling', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'workflow-bundle-'));
    dirs.push(dir);
    const codePath = join(dir, 'workflow-bundle.js');
    await writeFile(codePath, '// bundle');
    expect(workflowSource(codePath, logger)).toEqual({ workflowBundle: { codePath } });
  });

  it('falls back to bundling libs/workflows at start when no bundle was built', () => {
    const source = workflowSource(join(tmpdir(), `missing-${process.pid}`, 'workflow-bundle.js'), logger);
    expect(source.workflowBundle).toBeUndefined();
    expect(source.workflowsPath).toMatch(/workflows[\\/](src[\\/]index\.ts|dist[\\/]index\.js)$/);
    expect(source.bundlerOptions?.webpackConfigHook).toBeTypeOf('function');
  });
});
