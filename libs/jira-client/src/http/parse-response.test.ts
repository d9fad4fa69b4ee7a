import { describe, expect, it } from 'vitest';
import { ZChangelogSchema } from '../resources/changelogs.js';
import { ZCommentSchema } from '../resources/comments.js';
import { ZIssueSchema } from '../resources/search.js';
import { parseErrorBody } from '../errors/map-response-error.js';
import { parseWithSchema } from './parse-response.js';

const ctx = { method: 'GET', endpoint: '/rest/api/3/issue/X-1/changelog' };
const INHERITED = ['toString', 'constructor', 'valueOf', 'hasOwnProperty', 'toLocaleString', 'isPrototypeOf'] as const;

describe('parseWithSchema never lets a schema or a caller see Object.prototype', () => {
  it('accepts a changelog item without toString (optional in the document) and reads it as absent', () => {
    const text = JSON.stringify({ id: '1', created: '2026-01-01T00:00:00.000+0000', items: [{ field: 'status', fromString: 'To Do' }] });
    const changelog = parseWithSchema(ZChangelogSchema, text, ctx);
    const item = changelog.items[0]!;
    expect(item.toString).toBeUndefined();
    expect(item.fromString).toBe('To Do');
    expect(JSON.parse(JSON.stringify(changelog))).toEqual(JSON.parse(text));
  });

  it.each(INHERITED)('reads an absent %s as undefined, in the schema and in the parsed result, at every depth', (name) => {
    const text = JSON.stringify({ id: '10', key: 'X-1', fields: { summary: 's', nested: { a: [{ b: 1 }] } } });
    const issue = parseWithSchema(ZIssueSchema, text, ctx);
    const bag = (value: unknown) => value as Record<string, unknown>;
    expect(bag(issue)[name]).toBeUndefined();
    expect(bag(issue.fields)[name]).toBeUndefined();
    const nested = bag(issue.fields?.['nested']);
    expect(nested[name]).toBeUndefined();
    expect(bag((nested['a'] as unknown[])[0])[name]).toBeUndefined();
  });

  it('still reads those names when Jira really sends them as own properties', () => {
    const text = JSON.stringify({ id: '1', created: 1, items: [{ field: 'f', toString: 'Done', valueOf: 'v', constructor: 'c' }] });
    const item = parseWithSchema(ZChangelogSchema, text, ctx).items[0]! as Record<string, unknown>;
    expect(item).toMatchObject({ toString: 'Done', valueOf: 'v', constructor: 'c' });
  });

  it('keeps a __proto__ key as data instead of a prototype', () => {
    const issue = parseWithSchema(ZIssueSchema, '{"id":"1","fields":{"x":{"__proto__":{"polluted":true}}}}', ctx);
    const x = issue.fields?.['x'] as Record<string, unknown>;
    expect((x as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.keys(x)).toEqual(['__proto__']);
  });

  it('accepts a comment whose optional author is absent without seeing inherited keys', () => {
    const comment = parseWithSchema(ZCommentSchema, '{"id":"1","created":"2026-01-01T00:00:00.000+0000","body":{"type":"doc"}}', ctx);
    expect((comment.body as Record<string, unknown>)['constructor']).toBeUndefined();
  });

  it('reads error bodies without inherited keys too', () => {
    expect(parseErrorBody('{"errorMessages":[],"errors":{}}').summary).toBe('');
    expect(parseErrorBody('{"errors":{"toString":"bad"}}').errors).toEqual({ toString: 'bad' });
  });
});
