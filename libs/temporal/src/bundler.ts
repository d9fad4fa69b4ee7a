import { FAILURE_CONVERTER_PATH } from './data-converter.js';

/**
 * Options for Temporal's workflow bundler: resolve workspace libs to their TypeScript sources (the
 * `jira-sync-source` export condition), map NodeNext-style `.js` imports to `.ts` files, and bundle the failure
 * converter that encodes failure messages (a workflow converts its own failures inside the sandbox).
 * `bundleWorkflowCode` uses every field; a Worker's bundlerOptions take the hook, its data converter the path.
 */
export function workflowBundlerOptions(): BundlerHook {
  return {
    failureConverterPath: FAILURE_CONVERTER_PATH,
    webpackConfigHook(config) {
      config.resolve ??= {};
      config.resolve.conditionNames = ['jira-sync-source', 'import', 'require', 'module', 'default'];
      config.resolve.extensionAlias = { '.js': ['.ts', '.js'] };
      return config;
    },
  };
}

// Method syntax keeps the parameter bivariant, so this fits the bundler's webpack Configuration type
// without this lib depending on webpack or the worker package.
interface BundlerHook {
  failureConverterPath: string;
  webpackConfigHook(config: WebpackLike): WebpackLike;
}

interface WebpackLike {
  resolve?: { conditionNames?: string[]; extensionAlias?: Record<string, string | string[]> };
}
