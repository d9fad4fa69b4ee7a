import fc from 'fast-check';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import { groupPlainRuns, PLAIN_RUN } from './plain-runs.js';
import { REFERENCE_OPTIONS, serializeMarkdown } from './serialize-markdown.js';

/** The serializer without the speed-ups: what `serializeMarkdown` must always equal. */
const reference = (tree: Root) => toMarkdown(tree, REFERENCE_OPTIONS);

/** Characters the serializer escapes, and what URLs carry: parentheses, spaces, non-ASCII. */
const alphabet = fc.constantFrom(...'*_[]()<>`\\~|#!&:.-+=@ ab1\n\t', 'é', '😀', 'www.', 'https://', '&amp;', '1. ', '- ', '```', '%20');
const value = fc.array(alphabet, { maxLength: 5 }).map((parts) => parts.join(''));
const url = fc
  .tuple(fc.constantFrom('https://x.io/', 'http://e.com/a(b)/', 'mailto:', 'https://ü.de/', 'ftp://h/', '', '/rel/'), value)
  .map(([scheme, rest]) => scheme + rest);

/** Children of a run: texts, autolinks (the link text is its URL) and links with other text or children. */
const plain: fc.Arbitrary<PhrasingContent> = fc.oneof(
  value.map((v): PhrasingContent => ({ type: 'text', value: v })),
  url.map((u): PhrasingContent => ({ type: 'link', url: u, children: [{ type: 'text', value: u }] })),
  url.map((u): PhrasingContent => ({ type: 'link', url: `mailto:${u}`, children: [{ type: 'text', value: u }] })),
  fc.tuple(url, fc.option(value, { nil: null }), value).map(([u, title, text]): PhrasingContent => ({ type: 'link', url: u, title, children: [{ type: 'text', value: text }] })),
  fc.tuple(url, value).map(([u, text]): PhrasingContent => ({ type: 'link', url: u, children: [{ type: 'strong', children: [{ type: 'text', value: text }] }] })),
);
/** Other phrasing next to runs: attention, code, breaks, HTML. */
const other: fc.Arbitrary<PhrasingContent> = fc.oneof(
  fc.tuple(fc.constantFrom('strong', 'emphasis', 'delete'), value).map(([type, v]) => ({ type, children: [{ type: 'text', value: v || 'x' }] }) as PhrasingContent),
  value.map((v): PhrasingContent => ({ type: 'inlineCode', value: v })),
  fc.constant<PhrasingContent>({ type: 'break' }),
  fc.constant<PhrasingContent>({ type: 'html', value: '<br>' }),
);
/** Long runs of plain children, now and then broken by another node. */
const inline = fc.array(fc.oneof({ weight: 8, arbitrary: plain }, { weight: 1, arbitrary: other }), { minLength: 8, maxLength: 40 });
const wrapped = fc.tuple(fc.constantFrom('strong', 'emphasis', 'delete', 'link'), inline).map(([type, children]): PhrasingContent =>
  type === 'link' ? { type, url: 'https://x.io/(a)', children } : ({ type, children } as PhrasingContent),
);
const block: fc.Arbitrary<RootContent> = fc.oneof(
  inline.map((children): RootContent => ({ type: 'paragraph', children })),
  fc.tuple(inline, wrapped, inline).map(([a, b, c]): RootContent => ({ type: 'paragraph', children: [...a, b, ...c] })),
  inline.map((children): RootContent => ({ type: 'heading', depth: 2, children })),
  fc.tuple(inline, inline).map(([a, b]): RootContent => ({ type: 'table', children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: a }, { type: 'tableCell', children: b }] }] })),
  inline.map((children): RootContent => ({ type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] }] })),
);
const trees = fc.array(block, { minLength: 1, maxLength: 3 }).map((children): Root => ({ type: 'root', children }));

describe('plain runs', () => {
  it('give the same Markdown as the unmodified serializer on long runs of text and links full of characters it escapes', () => {
    fc.assert(
      fc.property(trees, (tree) => {
        expect(serializeMarkdown(tree)).toBe(reference(tree));
      }),
      { numRuns: Number(process.env.ADF_PROPERTY_RUNS ?? 200) },
    );
  });

  it('group long runs only, into new parents, leaving the tree given untouched', () => {
    const text = (v: string): PhrasingContent => ({ type: 'text', value: v });
    const children: PhrasingContent[] = [...Array.from({ length: 9 }, (_, index) => text(`t${index}`)), { type: 'break' }, text('a'), text('b')];
    const tree: Root = { type: 'root', children: [{ type: 'paragraph', children }] };
    const before = JSON.stringify(tree);
    const grouped = groupPlainRuns(tree);
    expect(JSON.stringify(tree)).toBe(before);
    const [paragraph] = grouped.children as Array<{ children: Array<{ type: string }> }>;
    expect(paragraph!.children.map((child) => child.type)).toEqual([PLAIN_RUN, 'break', 'text', 'text']);
  });

  it('write three thousand URLs in one bold run as the unmodified serializer does', () => {
    const children: PhrasingContent[] = [];
    for (let index = 0; index < 3_000; index += 1) {
      const u = `https://e.com/${index}_(x)`;
      children.push({ type: 'link', url: u, children: [{ type: 'text', value: u }] }, { type: 'text', value: index % 7 === 0 ? ' *' : ' ' });
    }
    const tree: Root = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'strong', children }] }] };
    expect(serializeMarkdown(tree)).toBe(reference(tree));
  });
});
