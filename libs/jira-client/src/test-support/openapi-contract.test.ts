import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { findContractViolations, openApiDocumentPath, requireOpenApiDocument } from './openapi-contract.test-support.js';

describe('findContractViolations', () => {
  it('accepts a request that matches its operation', () => {
    expect(findContractViolations({ method: 'GET', path: '/rest/api/3/project/search', pathParams: [], query: ['startAt', 'keys'], body: undefined })).toEqual([]);
  });

  it('flags an unknown path, a wrong method, an undeclared parameter and a bad body', () => {
    expect(findContractViolations({ method: 'GET', path: '/rest/api/3/nope', pathParams: [], query: [], body: undefined })[0]).toContain('no such operation');
    expect(findContractViolations({ method: 'DELETE', path: '/rest/api/3/myself', pathParams: [], query: [], body: undefined })).toHaveLength(1);
    expect(findContractViolations({ method: 'GET', path: '/rest/api/3/myself', pathParams: [], query: ['startAt'], body: undefined })[0]).toContain("'startAt'");
    expect(findContractViolations({ method: 'POST', path: '/rest/api/3/search/jql', pathParams: [], query: [], body: { jql: 'x', startAt: 0 } })[0]).toContain('body');
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
