/**
 * Webpack settings for Temporal's workflow bundler: resolve workspace libs to their TypeScript sources
 * (the `jira-sync-source` export condition) and map NodeNext-style `.js` imports to `.ts` files.
 */
export function workflowBundlerOptions(): BundlerHook {
  return {
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
  webpackConfigHook(config: WebpackLike): WebpackLike;
}

interface WebpackLike {
  resolve?: { conditionNames?: string[]; extensionAlias?: Record<string, string | string[]> };
}
