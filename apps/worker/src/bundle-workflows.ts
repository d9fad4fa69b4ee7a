import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { workflowBundlerOptions } from '@jira-sync/temporal';
import { bundleWorkflowCode } from '@temporalio/worker';
import { BUILT_WORKFLOW_BUNDLE_PATH, workflowsToBundle } from './workflow-bundle.js';

// Build step (npm run bundle-workflows [path]): writes the bundle the worker loads at start instead of running webpack.
// The failure converter goes in as the worker's data converter would put it there (workflowBundlerOptions).
const target = resolve(process.argv[2] ?? BUILT_WORKFLOW_BUNDLE_PATH);
const { workflowsPath } = workflowsToBundle();
const { code } = await bundleWorkflowCode({ workflowsPath: workflowsPath!, ...workflowBundlerOptions() });
await mkdir(dirname(target), { recursive: true });
await writeFile(target, code);
process.stdout.write(`workflow bundle written: ${target} (${Math.round(code.length / 1024)} KiB)\n`);
