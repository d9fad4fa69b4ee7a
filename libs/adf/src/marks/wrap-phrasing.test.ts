import type { PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { MAX_ATTENTION_NODES, wrapAttention } from './wrap-phrasing.js';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
/** Nodes inside `node`, nested ones included. */
const inside = (node: PhrasingContent): number => ('children' in node ? node.children.reduce((sum, child) => sum + 1 + inside(child), 0) : 0);
const link = (url: string): PhrasingContent => ({ type: 'link', url, children: [text(url)] });

describe('wrapAttention', () => {
  it('wraps small content in one node, edge whitespace outside', () => {
    expect(wrapAttention('strong', [text(' a ')])).toEqual([text(' '), { type: 'strong', children: [text('a')] }, text(' ')]);
  });

  it('splits content past the serializer limit into several wrappers at whitespace, none too large', () => {
    const children = Array.from({ length: 30_000 }, (_, index) => (index % 2 === 0 ? link(`https://x.example/${index}`) : text(' ')));
    const wrapped = wrapAttention('strong', children);
    const strongs = wrapped.filter((node) => node.type === 'strong');
    expect(strongs.length).toBeGreaterThan(2);
    for (const strong of strongs) {
      expect(inside(strong)).toBeLessThanOrEqual(MAX_ATTENTION_NODES + 2);
      expect(strong.type === 'strong' && strong.children[0]?.type).toBe('link');
    }
    // Between the wrappers: the whitespace that separated them, outside both.
    expect(wrapped.filter((node) => node.type !== 'strong').every((node) => node.type === 'text' && node.value.trim() === '')).toBe(true);
    const urls = wrapped.flatMap((node) => (node.type === 'strong' ? node.children : [])).filter((node) => node.type === 'link');
    expect(urls).toHaveLength(15_000);
  });

  it('counts nested nodes, and splits without whitespace when there is none', () => {
    const nested = Array.from({ length: 8_000 }, (): PhrasingContent => ({ type: 'emphasis', children: [text('a'), { type: 'inlineCode', value: 'b' }] }));
    const wrapped = wrapAttention('strong', nested);
    expect(wrapped.length).toBeGreaterThan(1);
    expect(wrapped.every((node) => node.type === 'strong' && inside(node) <= 2 * MAX_ATTENTION_NODES)).toBe(true);
    expect(wrapped.reduce((sum, node) => sum + inside(node), 0)).toBe(8_000 * 3);
  });
});
