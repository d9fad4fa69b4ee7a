import { describe, expect, it } from 'vitest';
import { ALL_ROUTES } from '../routes/all-routes.js';
import { join, resolve } from 'node:path';
import { OpenApiContract, openApiDocumentPath, requireOpenApiDocument } from './openapi-contract.test-support.js';

const contract = new OpenApiContract();

describe('the OpenAPI contract checker', () => {
  it('rejects a body that breaks the documented schema', () => {
    const problems = contract.check({ method: 'GET', template: '/rest/api/3/myself', status: 200, contentType: undefined, body: { accountId: 7, surprise: true } });
    expect(problems.length).toBeGreaterThan(0);
  });

  it('accepts a conforming body', () => {
    expect(contract.check({ method: 'GET', template: '/rest/api/3/attachment/meta', status: 200, contentType: undefined, body: { enabled: true, uploadLimit: 10 } })).toEqual([]);
  });

  it('finds every route the simulator serves in the OpenAPI document', () => {
    const missing = ALL_ROUTES.filter((route) => !contract.operation(route.method, route.path)).map((route) => `${route.method} ${route.path}`);
    expect(missing).toEqual([]);
  });

  it('uses only documented query parameter names in route paths', () => {
    const undocumented = ALL_ROUTES.flatMap((route) => {
      const documented = new Set((contract.operation(route.method, route.path)?.parameters ?? []).filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name));
      return [...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? '').filter((name) => !documented.has(name)).map((name) => `${route.path}: ${name}`);
    });
    expect(undocumented).toEqual([]);
  });
});

describe('the OpenAPI document location', () => {
  it('is JIRA_OPENAPI_DOCUMENT when set, else the shared reference folder beside the repository', () => {
    expect(openApiDocumentPath({ JIRA_OPENAPI_DOCUMENT: 'elsewhere/openapi.json' })).toBe(resolve('elsewhere/openapi.json'));
    expect(openApiDocumentPath({})).toMatch(/[\\/]shared[\\/]reference[\\/]jira-platform-openapi-v3\.json$/);
  });

  it('skips with a message saying where to get the document when it is absent, and fails under CI=true', () => {
    const missing = { JIRA_OPENAPI_DOCUMENT: join(import.meta.dirname, 'no-such-openapi.json') };
    const notes: string[] = [];
    expect(requireOpenApiDocument(missing, (note) => notes.push(note))).toBe(false);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('no-such-openapi.json');
    expect(notes[0]).toContain('JIRA_OPENAPI_DOCUMENT');
    expect(() => requireOpenApiDocument({ ...missing, CI: 'true' }, () => undefined)).toThrow(/CI=true requires it/);
  });
});
