import { createRequire } from 'node:module';
import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundlerOptions } from '@jira-sync/temporal';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

describe('the workflow bundle', () => {
  it('bundles every workflow with workspace libs resolved to their sources', async () => {
    const bundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('./index.ts'),
      ...workflowBundlerOptions(),
      logger: { log: () => undefined, trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    expect(bundle.code).toContain('syncConnectorWorkflow');
    expect(bundle.code).toContain('syncProjectWorkflow');
    // Activity implementations and I/O clients must never be pulled into the sandbox.
    expect(bundle.code).not.toContain('kafkajs');
    expect(bundle.code).not.toContain('createSyncProjectIssues');
  });
});
