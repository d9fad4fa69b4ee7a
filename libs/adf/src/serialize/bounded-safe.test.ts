import fc from 'fast-check';
import type { PhrasingContent, Root } from 'mdast';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { mdastText } from '../property/text-of.test-support.js';
import { SAFE_PIECE } from './bounded-safe.js';
import { REFERENCE_OPTIONS, serializeMarkdown } from './serialize-markdown.js';

/** Pieces heavy in what the serializer escapes, and in what pieces must not be split inside (whitespace, digits). */
const piece = fc.constantFrom(...'*_[]()<>!#|\\`~&:.-+=@ab w1', '\n', '  ', '1. ', '12)', '# ', '&amp;', 'www.', 'https://x.io', '```', 'é😀');
/** Texts of two to three pieces. */
const longText = fc.array(piece, { minLength: 1, maxLength: 20 }).map((parts) => {
  let value = '';
  for (let index = 0; value.length < 2.5 * SAFE_PIECE; index += 1) value += parts[index % parts.length]!;
  return value;
});
const parseBack = (markdown: string) => mdastText(fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }));

const trees = (value: string): Root[] => {
  const text: PhrasingContent = { type: 'text', value };
  return [
    { type: 'root', children: [{ type: 'paragraph', children: [text] }] },
    { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'a' }, { type: 'strong', children: [text] }, { type: 'text', value: 'b' }] }] },
    { type: 'root', children: [{ type: 'heading', depth: 2, children: [text] }] },
    { type: 'root', children: [{ type: 'table', children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: [text] }] }] }] },
  ];
};

/** -1 when `bounded` is `reference` with backslashes added before ASCII punctuation and nothing else; else where it is not. */
function firstDifference(bounded: string, reference: string): number {
  let j = 0;
  for (let i = 0; i < bounded.length; i += 1) {
    if (bounded[i] === reference[j]) j += 1;
    else if (!(bounded[i] === '\\' && /[!-/:-@[-`{-~]/.test(bounded[i + 1] ?? '') && bounded[i + 1] === reference[j])) return i;
  }
  return j === reference.length ? -1 : bounded.length;
}

describe('bounded safe', () => {
  it('differs from the unbounded serializer on long text only by backslashes added before punctuation', () => {
    fc.assert(
      fc.property(longText, (value) => {
        for (const tree of trees(value)) {
          const markdown = serializeMarkdown(tree);
          const reference = toMarkdown(tree, REFERENCE_OPTIONS);
          const at = firstDifference(markdown, reference);
          expect(at, `${JSON.stringify(markdown.slice(at - 30, at + 10))} vs ${JSON.stringify(reference.slice(at - 30, at + 10))}`).toBe(-1);
        }
      }),
      { numRuns: Number(process.env.ADF_PROPERTY_RUNS ?? 30) },
    );
  });

  it('writes long text that parses back to the same text', () => {
    // Parsing punctuation-heavy Markdown is slow: two texts of just over one piece.
    for (const unit of ['*_[]()<>!#|\\`~&:.-+=@ab w1', 'a_b! [x](y) www.e.io 1. # ~~s~~ &amp; \\\n']) {
      const value = unit.repeat(Math.ceil((1.3 * SAFE_PIECE) / unit.length));
      const [paragraph] = trees(value);
      expect(parseBack(serializeMarkdown(paragraph!))).toBe(parseBack(toMarkdown(paragraph!, REFERENCE_OPTIONS)));
    }
  });

  it('leaves text up to one piece exactly as the serializer writes it', () => {
    const value = '*_[x]! '.repeat(Math.floor(SAFE_PIECE / 7));
    for (const tree of trees(value)) expect(serializeMarkdown(tree)).toBe(toMarkdown(tree, REFERENCE_OPTIONS));
  });
});
