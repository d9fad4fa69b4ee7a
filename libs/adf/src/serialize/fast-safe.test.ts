import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { describe, expect, it } from 'vitest';
import { adfToMdast } from '../index.js';
import { SchemaArbitraries } from '../property/schema-arbitrary.test-support.js';
import { loadFullSchema } from '../schema.test-support.js';
import { REFERENCE_OPTIONS, serializeMarkdown } from './serialize-markdown.js';

/** The serializer without the speed-ups: what `serializeMarkdown` must always equal. */
const reference = (tree: Root) => toMarkdown(tree, REFERENCE_OPTIONS);

/** Every ASCII character the serializer may escape, with letters, digits, spaces and line endings around them. */
const alphabet = fc.constantFrom(...'abcXYZ019 \t\n\r!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', 'é', '😀', 'www.', 'https://', '&amp;', '1. ', '- ', '```');
/** Short values, so that neighbouring nodes often meet at characters the serializer escapes. */
const value = fc.array(alphabet, { maxLength: 4 }).map((parts) => parts.join(''));
const PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~', ' ', '\n', 'a', '1'];

const phrasing: fc.Arbitrary<PhrasingContent> = fc.letrec<{ node: PhrasingContent }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    value.map((v): PhrasingContent => ({ type: 'text', value: v })),
    value.map((v): PhrasingContent => ({ type: 'inlineCode', value: v })),
    fc.constant<PhrasingContent>({ type: 'break' }),
    fc.constantFrom<PhrasingContent>({ type: 'html', value: '<br>' }, { type: 'html', value: '<sub>' }),
    fc.tuple(value, fc.option(value, { nil: null }), value).map(([url, title, alt]): PhrasingContent => ({ type: 'image', url, title, alt })),
    fc.tuple(fc.constantFrom('strong', 'emphasis', 'delete'), fc.array(tie('node'), { minLength: 1, maxLength: 3 })).map(
      ([type, children]) => ({ type, children }) as PhrasingContent,
    ),
    fc.tuple(value, fc.option(value, { nil: null }), fc.array(tie('node'), { minLength: 1, maxLength: 3 })).map(
      ([url, title, children]) => ({ type: 'link', url, title, children }) as PhrasingContent,
    ),
    value.map((v): PhrasingContent => ({ type: 'link', url: `https://x.io/${v}`, children: [{ type: 'text', value: `https://x.io/${v}` }] })),
  ),
})).node;

const inline = fc.array(phrasing, { minLength: 1, maxLength: 6 });
const block: fc.Arbitrary<RootContent> = fc.oneof(
  inline.map((children): RootContent => ({ type: 'paragraph', children })),
  fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([depth, children]): RootContent => ({ type: 'heading', depth: depth as 1, children })),
  inline.map((children): RootContent => ({ type: 'blockquote', children: [{ type: 'paragraph', children }] })),
  inline.map((children): RootContent => ({ type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, checked: false, children: [{ type: 'paragraph', children }] }] })),
  fc.tuple(inline, inline).map(([a, b]): RootContent => ({ type: 'table', children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: a }, { type: 'tableCell', children: b }] }] })),
  fc.tuple(value, value, value).map(([lang, meta, code]): RootContent => ({ type: 'code', lang: lang || null, meta: meta || null, value: code })),
);
const trees = fc.array(block, { minLength: 1, maxLength: 4 }).map((children): Root => ({ type: 'root', children }));

describe('serializer speed-ups', () => {
  it('give the same Markdown as the unmodified serializer on trees full of characters it escapes', () => {
    fc.assert(
      fc.property(trees, (tree) => {
        expect(serializeMarkdown(tree)).toBe(reference(tree));
      }),
      { numRuns: Number(process.env.ADF_PROPERTY_RUNS ?? 1_000) },
    );
  });

  it('give the same Markdown for every pair of characters where two nodes meet', () => {
    const text = (v: string): PhrasingContent => ({ type: 'text', value: v });
    const containers = (children: PhrasingContent[]): Root[] => [
      { type: 'root', children: [{ type: 'paragraph', children }] },
      { type: 'root', children: [{ type: 'heading', depth: 2, children }] },
      { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'link', url: 'u', children }] }] },
      { type: 'root', children: [{ type: 'table', children: [{ type: 'tableRow', children: [{ type: 'tableCell', children }] }] }] },
    ];
    for (const left of PUNCTUATION) {
      for (const right of PUNCTUATION) {
        const neighbours: PhrasingContent[][] = [
          [text(`a${left}`), text(`${right}b`)],
          [text(`a${left}`), { type: 'strong', children: [text(`${right}b`)] }],
          [{ type: 'emphasis', children: [text(`a${left}`)] }, text(`${right}b`)],
          [text(left), text(right), text(left)],
        ];
        for (const children of neighbours) for (const tree of containers(children)) expect(serializeMarkdown(tree), JSON.stringify(children)).toBe(reference(tree));
      }
    }
  });

  it('give the same Markdown on every fixture and on random schema-valid documents', () => {
    const fixtures = join(import.meta.dirname, '..', 'fixtures');
    for (const name of readdirSync(fixtures).filter((file) => file.endsWith('.adf.json'))) {
      const { tree } = adfToMdast(JSON.parse(readFileSync(join(fixtures, name), 'utf8')));
      expect(serializeMarkdown(tree), name).toBe(reference(tree));
    }
    const documents = new SchemaArbitraries(loadFullSchema() as { definitions: never }, { formatted_text_inline_node: 8 }).definition('doc_node', 6);
    fc.assert(
      fc.property(documents, (doc) => {
        const { tree } = adfToMdast(doc);
        expect(serializeMarkdown(tree)).toBe(reference(tree));
      }),
      { numRuns: Number(process.env.ADF_PROPERTY_RUNS ?? 200) },
    );
  });
});
