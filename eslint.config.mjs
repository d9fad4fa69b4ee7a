// Flat ESLint config for the whole workspace: type-aware TypeScript rules, Nx module boundaries by tag,
// and the Temporal workflow sandbox bans (workflow code must stay deterministic and free of I/O).
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

/**
 * Tag rules for `@nx/enforce-module-boundaries` (ARCHITECTURE.md, "Rules each part keeps"). io libs depend on
 * contracts and adf, never on each other; workflows reach io libs and activities only through type imports (the
 * sandbox rule below); tests may also use tools, and a workflow's tests its activities and io libs at run time.
 */
function boundaries(inTests) {
  const tools = inTests ? ['type:tool'] : [];
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
      { sourceTag: 'type:adf', onlyDependOnLibsWithTags: ['type:contracts'] },
      { sourceTag: 'type:io', onlyDependOnLibsWithTags: ['type:contracts', 'type:adf', ...tools] },
      { sourceTag: 'type:activities', onlyDependOnLibsWithTags: ['type:contracts', 'type:adf', 'type:io', ...tools] },
      { sourceTag: 'type:workflows', onlyDependOnLibsWithTags: ['type:contracts', 'type:activities', 'type:io', ...tools] },
      {
        sourceTag: 'type:app',
        onlyDependOnLibsWithTags: ['type:contracts', 'type:adf', 'type:io', 'type:activities', 'type:workflows', ...tools],
      },
      {
        // Tools (demo, bench, e2e) drive the apps from outside, so they may use an app's exported router type.
        sourceTag: 'type:tool',
        onlyDependOnLibsWithTags: ['type:contracts', 'type:adf', 'type:io', 'type:activities', 'type:workflows', 'type:tool', 'type:app'],
      },
    ],
  };
}

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.nx/**', '**/.stack/**', '**/bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': ['error', boundaries(false)],
    },
  },
  {
    // Per-project test configs share one root file by relative import.
    files: ['**/vitest.config.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Tests may also drive the Jira simulator and the stack tools (type:tool), and a workflow's tests run it in Node
    // against real activities and io libs; every other boundary holds in tests too.
    files: ['**/*.test.ts', '**/*.test-support.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries(true)] },
  },
  {
    // Temporal workflow sandbox: no Node builtins, no I/O clients, no activity/worker runtime.
    files: ['libs/workflows/src/**/*.ts'],
    ignores: ['libs/workflows/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({ name, message: 'Workflow code runs in a deterministic sandbox without Node builtins.' })),
          patterns: [
            {
              group: ['@temporalio/activity', '@temporalio/client', '@temporalio/worker', '@temporalio/testing', 'mongodb', 'kafkajs', 'undici'],
              message: 'Workflow code must not import I/O or runtime packages; call activities instead.',
            },
            {
              // Run time: contracts only (ids, schemas, search attribute names); everything else as types.
              group: ['@jira-sync/*', '!@jira-sync/contracts'],
              allowTypeImports: true,
              message: 'Workflows may import only contracts at run time, and only the types of activities and io libs.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
