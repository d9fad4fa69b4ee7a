import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCompose } from './compose-schema.js';

const repoRoot = join(import.meta.dirname, '..', '..');
const APPS = ['api', 'worker', 'index'] as const;

/** Rows of the settings table in docker/README.md: name -> the readers listed in its second column. */
function documentedSettings(): Map<string, string[]> {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Settings'), readme.indexOf('## Metrics and health'));
  const rows = new Map<string, string[]>();
  for (const line of section.split('\n')) {
    const match = /^\| `([A-Z][A-Z0-9_]*)` \| ([^|]+) \|/.exec(line);
    if (match) rows.set(match[1]!, match[2]!.split(',').map((reader) => reader.trim()));
  }
  return rows;
}

/** The variables an app's env.ts schema declares (the only file that reads process.env). */
function settingsReadBy(app: string): string[] {
  const source = readFileSync(join(repoRoot, 'apps', app, 'src', 'env.ts'), 'utf8');
  return [...source.matchAll(/^\s+([A-Z][A-Z0-9_]*): z\b/gm)].map((match) => match[1]!);
}

describe('the settings table in docker/README.md', () => {
  const documented = documentedSettings();

  it('is the one table: a single settings section, with rows', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
    expect(readme.match(/^## Settings$/gm)).toHaveLength(1);
    expect(documented.size).toBeGreaterThan(20);
  });

  it.each(APPS)('lists every setting the %s app reads, with that app as a reader', (app) => {
    const read = settingsReadBy(app);
    expect(read.length).toBeGreaterThan(3);
    const missing = read.filter((name) => !documented.get(name)?.includes(app));
    expect(missing).toEqual([]);
  });

  it('lists every variable compose.yaml interpolates and every environment key it gives the apps', () => {
    const text = readFileSync(join(import.meta.dirname, '..', 'compose.yaml'), 'utf8');
    const interpolated = [...text.matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)].map((match) => match[1]!);
    const services = parseCompose(text)['services'] as Record<string, { environment?: Record<string, unknown> }>;
    const given = APPS.flatMap((app) => Object.keys(services[app]?.environment ?? {}));
    expect([...new Set([...interpolated, ...given])].filter((name) => !documented.has(name))).toEqual([]);
  });
});
