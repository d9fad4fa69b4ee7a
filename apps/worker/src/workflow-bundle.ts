import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '@jira-sync/logging';
import { workflowBundlerOptions } from '@jira-sync/temporal';
import type { WorkerOptions } from '@temporalio/worker';

/**
 * The bundle's file name. It must not be the name tsc gives a compiled module of src/ (this module compiles to
 * dist/workflow-bundle.js, which the worker once took for the bundle and refused: "Can't extract inlined source map").
 */
export const WORKFLOW_BUNDLE_FILE = 'workflows.bundle.js';

/** Where `npm run bundle-workflows` writes the bundle: apps/worker/dist, from src/ and from dist/ alike. */
export const BUILT_WORKFLOW_BUNDLE_PATH = fileURLToPath(new URL(`../dist/${WORKFLOW_BUNDLE_FILE}`, import.meta.url));

/**
 * The bundle the worker loads when WORKFLOW_BUNDLE_PATH is unset: the built one, but only for the built artifact
 * (dist/main.js, as in the image). Run from src/ (npm start, the tests, the demo) the worker bundles the workflows it
 * runs, so a bundle left in dist/ by an earlier build never stands in for changed workflows.
 */
export function defaultWorkflowBundlePath(moduleUrl: string = import.meta.url): string | undefined {
  const moduleDir = dirname(fileURLToPath(moduleUrl));
  return basename(moduleDir) === 'dist' ? BUILT_WORKFLOW_BUNDLE_PATH : undefined;
}

/** Bundles libs/workflows (sources resolved through the workspace libs' source condition). */
export function workflowsToBundle(): Pick<WorkerOptions, 'workflowsPath' | 'bundlerOptions'> {
  return { workflowsPath: createRequire(import.meta.url).resolve('@jira-sync/workflows'), bundlerOptions: workflowBundlerOptions() };
}

/**
 * The prebuilt bundle when one is named and exists (the image builds it, so the worker skips webpack and its memory at
 * start); otherwise the workflows are bundled at start, as on a fresh clone or in development. A bundle is not rebuilt
 * when the workflows change: rerun `npm run bundle-workflows -w @jira-sync/worker` or delete it.
 */
export function workflowSource(codePath: string | undefined, logger: Logger): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> {
  if (codePath !== undefined && existsSync(codePath)) {
    logger.info({ codePath }, 'workflows from the prebuilt bundle');
    return { workflowBundle: { codePath } };
  }
  if (codePath !== undefined) {
    logger.warn({ codePath }, 'no prebuilt workflow bundle: bundling the workflows at start (npm run bundle-workflows -w @jira-sync/worker builds one)');
  }
  return workflowsToBundle();
}
