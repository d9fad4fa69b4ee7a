import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Logger } from '@jira-sync/logging';
import { workflowBundlerOptions } from '@jira-sync/temporal';
import type { WorkerOptions } from '@temporalio/worker';

/** Where `npm run bundle-workflows` writes the prebuilt bundle: apps/worker/dist, from src/ and from dist/ alike. */
export const DEFAULT_WORKFLOW_BUNDLE_PATH = fileURLToPath(new URL('../dist/workflow-bundle.js', import.meta.url));

/** Bundles libs/workflows (sources resolved through the workspace libs' source condition). */
export function workflowsToBundle(): Pick<WorkerOptions, 'workflowsPath' | 'bundlerOptions'> {
  return { workflowsPath: createRequire(import.meta.url).resolve('@jira-sync/workflows'), bundlerOptions: workflowBundlerOptions() };
}

/**
 * The prebuilt bundle when one exists (the image builds it, so the worker skips webpack and its memory at start);
 * otherwise the workflows are bundled at start, as on a fresh clone or in development. A bundle is not rebuilt when
 * the workflows change: rerun `npm run bundle-workflows -w @jira-sync/worker` or delete it.
 */
export function workflowSource(codePath: string, logger: Logger): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> {
  if (existsSync(codePath)) {
    logger.info({ codePath }, 'workflows from the prebuilt bundle');
    return { workflowBundle: { codePath } };
  }
  logger.warn({ codePath }, 'no prebuilt workflow bundle: bundling the workflows at start (npm run bundle-workflows -w @jira-sync/worker builds one)');
  return workflowsToBundle();
}
