// Flat ESLint config for the whole workspace: type-aware TypeScript rules, Nx module boundaries by tag,
// and the Temporal workflow sandbox bans (workflow code must stay deterministic and free of I/O).
import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

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
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:adf', onlyDependOnLibsWithTags: ['type:contracts'] },
            // io libs may use tools (the Jira simulator) from their integration tests only; see the override below.
            { sourceTag: 'type:io', onlyDependOnLibsWithTags: ['type:contracts', 'type:adf', 'type:io'] },
            {
              sourceTag: 'type:activities',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:adf', 'type:io'],
            },
            // Workflows import activity *types* only; the type-only rule below keeps runtime code out.
            { sourceTag: 'type:workflows', onlyDependOnLibsWithTags: ['type:contracts', 'type:activities', 'type:io'] },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:adf', 'type:io', 'type:activities', 'type:workflows'],
            },
            {
              // Tools (demo, bench, e2e) drive the apps from outside, so they may use an app's exported router type.
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['type:contracts', 'type:adf', 'type:io', 'type:activities', 'type:workflows', 'type:tool', 'type:app'],
            },
          ],
        },
      ],
    },
  },
  {
    // Per-project test configs share one root file by relative import.
    files: ['**/vitest.config.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // Tests of io libs run against the simulator and the stack tools; production code never does.
    files: ['libs/**/*.test.ts', 'libs/**/*.test-support.ts', 'apps/**/*.test.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
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
              group: ['@jira-sync/activities', '@jira-sync/jira-client', '@jira-sync/store', '@jira-sync/temporal'],
              allowTypeImports: true,
              message: 'Workflows may import only the types of activities and io libs.',
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
