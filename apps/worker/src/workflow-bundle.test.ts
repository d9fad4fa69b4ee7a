import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLogger } from '@jira-sync/logging';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILT_WORKFLOW_BUNDLE_PATH, defaultWorkflowBundlePath, WORKFLOW_BUNDLE_FILE, workflowSource } from './workflow-bundle.js';

const logger = createLogger({ name: 'workflow-bundle-test', level: 'fatal' });
const dirs: string[] = [];

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('where the worker takes its workflows from', () => {
  it('loads the prebuilt bundle when the file exists, without bundling', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'workflow-bundle-'));
    dirs.push(dir);
    const codePath = join(dir, WORKFLOW_BUNDLE_FILE);
    await writeFile(codePath, '// bundle');
    expect(workflowSource(codePath, logger)).toEqual({ workflowBundle: { codePath } });
  });

  it('falls back to bundling libs/workflows at start when no bundle was built', () => {
    const source = workflowSource(join(tmpdir(), `missing-${process.pid}`, WORKFLOW_BUNDLE_FILE), logger);
    expect(source.workflowBundle).toBeUndefined();
    expect(source.workflowsPath).toMatch(/workflows[\\/](src[\\/]index\.ts|dist[\\/]index\.js)$/);
    expect(source.bundlerOptions?.webpackConfigHook).toBeTypeOf('function');
  });

  it('bundles at start when no bundle is named, as the worker run from src/ does', () => {
    expect(workflowSource(undefined, logger).workflowsPath).toMatch(/workflows[\\/](src[\\/]index\.ts|dist[\\/]index\.js)$/);
  });

  it('names the built bundle only for the built artifact, so src/ runs never load a stale bundle', () => {
    expect(defaultWorkflowBundlePath(pathToFileURL(join(import.meta.dirname, 'main.ts')).href)).toBeUndefined();
    expect(defaultWorkflowBundlePath(pathToFileURL(join(import.meta.dirname, '..', 'dist', 'main.js')).href)).toBe(BUILT_WORKFLOW_BUNDLE_PATH);
  });

  it('gives the bundle a file name no compiled module of src/ takes in dist/', () => {
    const compiled = readdirSync(import.meta.dirname, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => file.replace(/\.ts$/, '.js'));
    expect(compiled).toContain('workflow-bundle.js');
    expect(compiled).not.toContain(WORKFLOW_BUNDLE_FILE);
  });
});
