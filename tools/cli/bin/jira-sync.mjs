#!/usr/bin/env node
// The jira-sync command: runs the TypeScript sources through tsx, as the apps do.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
