import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { entryCommand, readStages } from './dockerfile.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const APPS = ['api', 'worker', 'index'] as const;

/** Where `npm run build` (the app's nx build target) writes the compiled main module, read from its tsconfig. */
function builtMain(app: string): string {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'apps', app, 'package.json'), 'utf8')) as { scripts: Record<string, string>; main?: string };
  expect(pkg.scripts['build']).toBe('tsc -p tsconfig.lib.json');
  const tsconfig = JSON.parse(readFileSync(join(repoRoot, 'apps', app, 'tsconfig.lib.json'), 'utf8')) as { compilerOptions: { rootDir: string; outDir: string } };
  expect(tsconfig.compilerOptions.rootDir).toBe('src');
  return `apps/${app}/${tsconfig.compilerOptions.outDir}/main.js`;
}

describe.each(APPS)('docker/%s.Dockerfile', (app) => {
  const stages = readStages(join(import.meta.dirname, '..', `${app}.Dockerfile`));
  const runtime = stages.at(-1)!;
  const build = stages.find((stage) => stage.name === 'build');
  const runs = (stage: typeof runtime | undefined) => (stage?.instructions ?? []).filter((entry) => entry.keyword === 'RUN').map((entry) => entry.args).join(' && ');

  it('is multi-stage: the build stage compiles with the nx build target, the runtime stage only copies its output', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(runs(build)).toContain(`npx nx run @jira-sync/${app}:build`);
    expect(runs(build)).toContain('npm ci --no-audit --no-fund');
    expect(runs(runtime)).toBe('');
    const copies = runtime.instructions.filter((entry) => entry.keyword === 'COPY');
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies) expect(copy.args).toMatch(/^--from=build /);
  });

  it('ships production dependencies only (npm ci --omit=dev for this workspace) and no TypeScript sources', () => {
    expect(runs(build)).toContain(`npm ci --omit=dev --workspace @jira-sync/${app}`);
    // Only package.json, dist/ and node_modules/ of the app and the libs reach /out, the runtime stage's only input.
    expect(runs(build)).toMatch(/cp "\$dir\/package\.json"/);
    expect(runs(build)).not.toMatch(/cp -R "?\$dir\/src/);
  });

  it('runs as the unprivileged node user with NODE_ENV=production', () => {
    const users = runtime.instructions.filter((entry) => entry.keyword === 'USER').map((entry) => entry.args);
    expect(users.at(-1)).toBe('node');
    expect(runtime.instructions).toContainEqual({ keyword: 'ENV', args: 'NODE_ENV=production' });
    expect(runtime.from).toBe(build?.from);
    expect(runtime.from).toMatch(/^node:20\.\d+/);
  });

  it('starts the artifact the build target emits, relative to WORKDIR /app where the repository layout is kept', () => {
    expect(runtime.instructions.filter((entry) => entry.keyword === 'WORKDIR').at(-1)?.args).toBe('/app');
    expect(entryCommand(runtime)).toEqual(['node', builtMain(app)]);
  });

  it('has a health check on the app’s own endpoint', () => {
    const check = runtime.instructions.find((entry) => entry.keyword === 'HEALTHCHECK');
    expect(check?.args).toMatch(/fetch\('http:\/\/127\.0\.0\.1:\d+\/(livez|readyz)'\)/);
  });
});
