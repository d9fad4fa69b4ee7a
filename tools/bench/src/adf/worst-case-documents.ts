/** Hostile and huge ADF documents for worst-case benchmarks, each built to about a given size of JSON. */
import { buildCorpus } from './corpus.js';

export interface WorstCase {
  name: string;
  /** One document of about `bytes` bytes of ADF JSON, as JSON text (as the sync receives it). */
  build(bytes: number): string;
}

const text = (value: string, ...marks: unknown[]) => (marks.length === 0 ? { type: 'text', text: value } : { type: 'text', text: value, marks });
// Lists, not rest parameters: spreading a few hundred thousand nodes into a call overflows the stack.
const paragraph = (content: unknown[]) => ({ type: 'paragraph', content });
const doc = (content: unknown[]) => ({ type: 'doc', version: 1, content });
const strong = { type: 'strong' };
const em = { type: 'em' };
const strike = { type: 'strike' };
const link = (href: string) => ({ type: 'link', attrs: { href } });

/** Repeats `unit(index)` until the JSON of the list reaches about `bytes`. */
function repeatTo(bytes: number, unit: (index: number) => unknown): unknown[] {
  const size = JSON.stringify(unit(0)).length + 1;
  return Array.from({ length: Math.max(1, Math.ceil(bytes / size)) }, (_, index) => unit(index));
}

/** A string of about `bytes` characters made of `piece(index)`. */
function stringTo(bytes: number, piece: (index: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let index = 0; length < bytes; index += 1) {
    const part = piece(index);
    parts.push(part);
    length += part.length;
  }
  return parts.join('');
}

const url = (index: number) => `https://example.com/p/${index} `;

type Builder = { name: string; build(bytes: number): unknown };

const BUILDERS: readonly Builder[] = [
  {
    name: 'issue-corpus',
    build: (bytes) => {
      const issues = buildCorpus(Math.max(1, Math.ceil(bytes / 3_200)));
      return doc(issues.flatMap((issue) => (issue as { content: unknown[] }).content));
    },
  },
  { name: 'prose-one-text-node', build: (bytes) => doc([paragraph([text(stringTo(bytes, (index) => `word${index % 97} and more words, `))])]) },
  { name: 'tiny-paragraphs', build: (bytes) => doc(repeatTo(bytes, (index) => paragraph([text(`p${index}`)]))) },
  { name: 'urls-one-text-node', build: (bytes) => doc([paragraph([text(stringTo(bytes, url))])]) },
  { name: 'urls-bold', build: (bytes) => doc([paragraph([text(stringTo(bytes, url), strong)])]) },
  { name: 'urls-bold-em-strike', build: (bytes) => doc([paragraph([text(stringTo(bytes, url), strong, em, strike)])]) },
  { name: 'urls-glued', build: (bytes) => doc([paragraph([text(stringTo(bytes, (index) => `https://e.com/${index}`))])]) },
  { name: 'url-closing-parens', build: (bytes) => doc([paragraph([text(`https://example.com/a${')'.repeat(bytes)}`)])]) },
  {
    name: 'link-marks',
    build: (bytes) => doc([paragraph(repeatTo(bytes, (index) => text(`link ${index} `, link(`https://example.com/${index}`))))]),
  },
  {
    name: 'hostile-schemes',
    build: (bytes) =>
      doc(
        repeatTo(bytes, (index) =>
          paragraph([text(`click ${index}`, link('javascript:alert(1)')), text(' '), { type: 'inlineCard', attrs: { url: 'data:text/html,<script>x</script>' } }]),
        ),
      ),
  },
  {
    name: 'prototype-names',
    build: (bytes) =>
      doc(
        repeatTo(bytes, (index) => ({
          type: 'panel',
          attrs: { panelType: 'constructor' },
          content: [paragraph([text(`t${index}`, { type: 'toString' }, { type: '__proto__' }), { type: 'hasOwnProperty', text: 'x' }])],
        })),
      ),
  },
  {
    name: 'table-span-bomb',
    // Tables of 50 rows of 100 cells of colspan 100: 10,000 grid cells per row of 100 real ones.
    build: (bytes) => {
      const cell = (index: number) => ({ type: 'tableCell', attrs: { colspan: 100, rowspan: 100 }, content: [paragraph([text(`c${index}`)])] });
      const row = (index: number) => ({ type: 'tableRow', content: Array.from({ length: 100 }, (_, column) => cell(index * 100 + column)) });
      const table = (index: number) => ({ type: 'table', content: Array.from({ length: 50 }, (_, r) => row(index * 50 + r)) });
      return doc(repeatTo(bytes, table));
    },
  },
  {
    name: 'table-ragged-rows',
    // One row of 2,000 cells over many one-cell rows: padding, not spans.
    build: (bytes) => {
      const cell = (value: string) => ({ type: 'tableCell', content: [paragraph([text(value)])] });
      const wide = { type: 'tableRow', content: Array.from({ length: 2_000 }, (_, index) => cell(`h${index}`)) };
      const rows = repeatTo(Math.max(0, bytes - JSON.stringify(wide).length), (index) => ({ type: 'tableRow', content: [cell(`r${index}`)] }));
      return doc([{ type: 'table', content: [wide, ...rows] }]);
    },
  },
  {
    name: 'intraword-emphasis',
    build: (bytes) => doc([paragraph(repeatTo(bytes, (index) => [text('un'), text('believ', em), text('able '), text('Note:', strong), text(`text${index} `)]).flat())]),
  },
  {
    name: 'adjacent-attention',
    // Strong, emphasis and strikethrough runs touching each other, no spaces: the serializer's marker choice.
    build: (bytes) => doc([paragraph(repeatTo(bytes, (index) => [text(`a${index}`, strong), text('b', em), text('c', strike), text('.', strong, em)]).flat())]),
  },
  // Every character escaped: the serializer's per-position bookkeeping (1.7 GB for 10 MB before values were bounded).
  { name: 'only-asterisks', build: (bytes) => doc([paragraph([text('*'.repeat(bytes))])]) },
  { name: 'markdown-punctuation', build: (bytes) => doc([paragraph([text(stringTo(bytes, (index) => `*_[\`<#>|~!${index}&amp;\\ `))])]) },
  {
    name: 'malformed-lists',
    build: (bytes) => doc(repeatTo(bytes, (index) => ({ type: 'paragraph', content: { 0: text(`m${index} `), 1: { type: 'text', text: 'bold', marks: strong } } }))),
  },
  {
    name: 'inline-nodes',
    build: (bytes) =>
      doc([
        paragraph(
          repeatTo(bytes, (index) => [
            { type: 'mention', attrs: { id: `acc-${index % 50}`, text: '@Dana' } },
            { type: 'emoji', attrs: { shortName: ':ok:', text: '👌' } },
            { type: 'status', attrs: { text: 'DONE', color: 'green' } },
            { type: 'date', attrs: { timestamp: '1700000000000' } },
          ]).flat(),
        ),
      ]),
  },
];

/** Blockquotes nested until the JSON reaches `bytes`; written as text, since `JSON.stringify` recurses. */
function deepNesting(bytes: number): string {
  const open = '{"type":"blockquote","content":[';
  const levels = Math.ceil(bytes / (open.length + 2));
  return `{"type":"doc","version":1,"content":[${open.repeat(levels)}${JSON.stringify(paragraph([text('bottom')]))}${']}'.repeat(levels)}]}`;
}

export const WORST_CASES: readonly WorstCase[] = [
  ...BUILDERS.map(({ name, build }) => ({ name, build: (bytes: number) => JSON.stringify(build(bytes)) })),
  { name: 'deep-nesting', build: deepNesting },
];
