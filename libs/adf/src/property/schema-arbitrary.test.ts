import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFullSchema } from '../schema.test-support.js';
import { SchemaArbitraries } from './schema-arbitrary.test-support.js';

interface Definition {
  properties?: { type?: { enum?: string[] } };
}

/** Node and mark type names used anywhere in a sample of values. */
function typesIn(values: readonly unknown[]): Set<string> {
  const seen = new Set<string>();
  const stack: unknown[] = [...values];
  while (stack.length > 0) {
    const node = stack.pop() as { type?: unknown; content?: unknown; marks?: unknown } | null;
    if (typeof node !== 'object' || node === null) continue;
    if (typeof node.type === 'string') seen.add(node.type);
    if (Array.isArray(node.content)) stack.push(...(node.content as unknown[]));
    if (Array.isArray(node.marks)) stack.push(...(node.marks as unknown[]));
  }
  return seen;
}

describe('SchemaArbitraries', () => {
  const schema = loadFullSchema();
  const arbitraries = new SchemaArbitraries(schema as { definitions: never }, { formatted_text_inline_node: 8, paragraph_with_no_marks_node: 3 });

  it('reaches every node and mark type of the full schema within 500 seeded documents', () => {
    const definitions = schema.definitions as Record<string, Definition>;
    const expected = Object.entries(definitions)
      .filter(([name]) => name.endsWith('_node') || name.endsWith('_mark'))
      .flatMap(([, definition]) => definition.properties?.type?.enum ?? []);
    const seen = typesIn(fc.sample(arbitraries.definition('doc_node', 7), { numRuns: 500, seed: 42 }));
    expect(expected.filter((type) => !seen.has(type))).toEqual([]);
  });

  it('stops at the budget: a budget of zero yields only empty documents', () => {
    const docs = fc.sample(arbitraries.definition('doc_node', 0), { numRuns: 20, seed: 1 });
    expect(docs.every((doc) => (doc as { content: unknown[] }).content.length === 0)).toBe(true);
  });
});
