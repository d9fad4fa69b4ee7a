import { describe, expect, it } from 'vitest';
import { join, resolve } from 'node:path';
import { openApiDocumentPath, readOpenApiDocument, requireOpenApiDocument } from './openapi-document.test-support.js';

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

  it('reads a fresh copy of the document each time', () => {
    if (!requireOpenApiDocument()) return;
    const first = readOpenApiDocument<{ paths: Record<string, unknown> }>();
    expect(first.paths['/rest/api/3/myself']).toBeDefined();
    delete first.paths['/rest/api/3/myself'];
    expect(readOpenApiDocument<{ paths: Record<string, unknown> }>().paths['/rest/api/3/myself']).toBeDefined();
  });
});
