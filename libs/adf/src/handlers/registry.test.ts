import { describe, expect, it } from 'vitest';
import { INLINE_NODE_TYPES } from '../extract/node-kinds.js';
import { readMarks } from '../marks/read-marks.js';
import { loadFullSchema } from '../schema.test-support.js';
import { BLOCK_HANDLERS, INLINE_HANDLERS } from './registry.js';

interface Definition {
  properties?: { type?: { enum?: string[] } };
}

/** The `type` values of the schema's definitions whose names end with `suffix`. */
function schemaTypes(suffix: string): string[] {
  const definitions = loadFullSchema().definitions as Record<string, Definition>;
  const types = Object.entries(definitions)
    .filter(([name]) => name.endsWith(suffix))
    .flatMap(([, definition]) => definition.properties?.type?.enum ?? []);
  return [...new Set(types)].sort();
}

describe('handler registry', () => {
  it('has a handler for every node type of the full ADF schema', () => {
    const nodes = schemaTypes('_node');
    expect(nodes.length).toBeGreaterThan(40);
    expect(nodes.filter((type) => !BLOCK_HANDLERS.has(type) && !INLINE_HANDLERS.has(type))).toEqual([]);
  });

  it('knows every mark type of the full ADF schema', () => {
    const warnings: string[] = [];
    const marks = schemaTypes('_mark');
    readMarks(marks.map((type) => ({ type, attrs: { href: 'https://x.example', type: 'sub' } })), '', (_path, message) => warnings.push(message));
    expect(marks).toContain('subsup');
    expect(warnings).toEqual([]);
  });

  it('agrees with the extractor on which node types are inline', () => {
    expect([...INLINE_NODE_TYPES].sort()).toEqual([...INLINE_HANDLERS.keys()].sort());
  });
});
