import fc from 'fast-check';
import type { BlockContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { adfToMarkdown, adfToMdast, MAX_DEPTH_LIMIT } from './index.js';
import { serializeMarkdown } from './serialize/serialize-markdown.js';

const paragraph = (value: string) => ({ type: 'paragraph', content: [{ type: 'text', text: value }] });

/** A blockquote/list chain `depth` levels deep with text at the bottom, built without recursion. */
function nested(depth: number, type: 'blockquote' | 'bulletList'): unknown {
  let node: unknown = paragraph('bottom');
  for (let level = 0; level < depth; level += 1) {
    node = type === 'blockquote' ? { type: 'blockquote', content: [node] } : { type: 'bulletList', content: [{ type: 'listItem', content: [node] }] };
  }
  return { type: 'doc', version: 1, content: [node] };
}

describe('adfToMarkdown robustness', () => {
  it('never throws on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(typeof adfToMarkdown(value).markdown).toBe('string');
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on node-shaped objects with wrong field types', () => {
    const field = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 3 }), fc.object({ maxDepth: 2 }));
    const node = fc.letrec((tie) => ({
      node: fc.record(
        { type: fc.constantFrom('paragraph', 'text', 'table', 'tableRow', 'mediaSingle', 'orderedList', 'taskList', 'panel', 'date', 'x'), attrs: field, marks: field, text: field, content: fc.oneof(field, fc.array(tie('node'), { maxLength: 3 })) },
        { requiredKeys: ['type'] },
      ),
    })).node;
    fc.assert(
      fc.property(node, (value) => {
        const result = adfToMarkdown({ type: 'doc', content: [value] });
        expect(result.warnings.filter((warning) => /failed/.test(warning.message))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('degrades content deeper than maxDepth to text, with a warning', () => {
    const result = adfToMarkdown(nested(20, 'blockquote'), { maxDepth: 5 });
    expect(result.markdown).toBe('> > > > > bottom\n');
    expect(result.warnings).toEqual([{ path: '/content/0/content/0/content/0/content/0/content/0/content/0', message: 'nesting deeper than 5; rendered as plain text' }]);
  });

  it('converts 100,000 levels of nesting without overflowing the stack', () => {
    for (const type of ['blockquote', 'bulletList'] as const) {
      const result = adfToMarkdown(nested(100_000, type), { maxDepth: Number.MAX_SAFE_INTEGER });
      expect(result.text).toBe('bottom');
      expect(result.markdown.startsWith(type === 'blockquote' ? '> > > > >' : '- - - - -')).toBe(true);
      expect(result.markdown).toContain('bottom');
      expect(result.warnings.map((warning) => warning.message)).toEqual([`nesting deeper than ${MAX_DEPTH_LIMIT}; rendered as plain text`]);
    }
  });

  it('cuts cycles in programmatic input instead of looping', () => {
    const cyclic: { type: string; content: unknown[] } = { type: 'blockquote', content: [paragraph('inside')] };
    cyclic.content.push(cyclic);
    const result = adfToMarkdown({ type: 'doc', content: [cyclic] });
    expect(result.markdown).toBe('> inside\n');
    expect(result.warnings.map((warning) => warning.message)).toContain('node contains itself; cycle cut');
  });

  it('keeps at most 100 warnings and counts the rest', () => {
    const content = Array.from({ length: 250 }, () => ({ type: 'mystery', text: 'x' }));
    const { warnings } = adfToMarkdown({ type: 'doc', content });
    expect(warnings).toHaveLength(101);
    expect(warnings.at(-1)?.message).toBe('150 further warnings were not recorded');
  });

  it('converts a 3 MB document', () => {
    const content = Array.from({ length: 10_000 }, (_, index) => paragraph(`paragraph ${index} `.repeat(20)));
    expect(JSON.stringify(content).length).toBeGreaterThan(3_000_000);
    const result = adfToMarkdown({ type: 'doc', content });
    expect(result.markdown.split('\n\n')).toHaveLength(10_000);
  });
});

describe('adfToMarkdown depth limit', () => {
  it('renders the marks of a paragraph sitting exactly at maxDepth', () => {
    const doc = { type: 'doc', content: [{ type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'deep', marks: [{ type: 'strong' }] }] }] }] };
    const result = adfToMarkdown(doc, { maxDepth: 2 });
    expect(result.markdown).toBe('> **deep**\n');
    expect(result.warnings).toEqual([]);
  });
});

describe('wide documents', () => {
  it('converts a container of 150,000 blocks to an mdast tree', () => {
    const column = { type: 'layoutColumn', attrs: { width: 100 }, content: Array.from({ length: 150_000 }, () => paragraph('x')) };
    const result = adfToMdast({ type: 'doc', content: [{ type: 'layoutSection', content: [column] }] });
    expect(result.tree.children).toHaveLength(150_000);
    expect(result.warnings).toEqual([]);
  });
});

describe('depth cap margin', () => {
  it('stays well inside what the serializer survives: lists nested twice as deep as the cap still serialize', () => {
    let node: BlockContent = { type: 'paragraph', children: [{ type: 'text', value: 'x' }] };
    for (let level = 0; level < MAX_DEPTH_LIMIT; level += 1) {
      node = { type: 'list', spread: false, children: [{ type: 'listItem', spread: false, children: [node] }] };
    }
    expect(serializeMarkdown({ type: 'root', children: [node] })).toContain('x');
  });
});
