import fc from 'fast-check';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { adfToMarkdown, adfToMdast, type AdfToMarkdownOptions } from '../index.js';
import { createDocumentValidator, loadFullSchema } from '../schema.test-support.js';
import { SchemaArbitraries } from './schema-arbitrary.test-support.js';
import { adfNodes, adfTextLeaves, firstMissingLeaf, mdastText, withoutWhitespace } from './text-of.test-support.js';

/** Text and paragraphs are weighted up: they are where Markdown escaping can go wrong. */
const arbitraries = new SchemaArbitraries(loadFullSchema() as { definitions: never }, {
  formatted_text_inline_node: 8,
  code_inline_node: 2,
  paragraph_with_no_marks_node: 3,
});
/** Random documents from the full schema, a few levels deep. */
const documents = arbitraries.definition('doc_node', 7);
/** Bounded for a shared CI machine; raise with ADF_PROPERTY_RUNS for a deeper local search. */
const RUNS = { numRuns: Number(process.env.ADF_PROPERTY_RUNS ?? 300) };

/** Resolves every media id to an attachment named after it, half of them images, so media renders too. */
const OPTIONS: AdfToMarkdownOptions = {
  resolveMedia: (ref) => ({ filename: ref.id, url: `https://jira.example/attachment/${ref.id}`, mimeType: ref.id.length % 2 === 0 ? 'image/png' : 'text/plain' }),
};
/** Documents paired with options: without a media lookup, or with one. */
const cases = fc.tuple(documents, fc.constantFrom<AdfToMarkdownOptions>({}, OPTIONS));

function parseBack(markdown: string) {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

describe('adfToMarkdown on random schema-valid documents', () => {
  it('generates documents that the schema accepts', () => {
    const validate = createDocumentValidator();
    fc.assert(fc.property(documents, (doc) => validate(doc)), { numRuns: 100 });
  });

  it('never throws and always returns strings and arrays', () => {
    fc.assert(
      fc.property(cases, ([doc, options]) => {
        const result = adfToMarkdown(doc, options);
        expect(typeof result.markdown).toBe('string');
        expect(typeof result.text).toBe('string');
        expect(result.warnings.filter((warning) => /failed/.test(warning.message))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('keeps every text leaf, in order, in the plain text', () => {
    fc.assert(fc.property(cases, ([doc, options]) => {
        expect(firstMissingLeaf(adfTextLeaves(doc), adfToMarkdown(doc, options).text)).toBeUndefined();
      }), RUNS);
  });

  it('keeps every text leaf, in order, in the Markdown tree', () => {
    fc.assert(fc.property(cases, ([doc, options]) => {
        expect(firstMissingLeaf(adfTextLeaves(doc), mdastText(adfToMdast(doc, options).tree, { html: false }))).toBeUndefined();
      }), RUNS);
  });

  it('writes Markdown that parses back to a tree with the same text', () => {
    fc.assert(
      fc.property(cases, ([doc, options]) => {
        const { markdown } = adfToMarkdown(doc, options);
        const expected = withoutWhitespace(mdastText(adfToMdast(doc, options).tree));
        expect(withoutWhitespace(mdastText(parseBack(markdown)))).toBe(expected);
      }),
      RUNS,
    );
  });

  it('reports every media id and mentioned account exactly once', () => {
    fc.assert(
      fc.property(documents, (doc) => {
        const nodes = adfNodes(doc);
        const mediaIds = nodes.filter((node) => (node.type === 'media' || node.type === 'mediaInline') && typeof node.attrs?.id === 'string').map((node) => node.attrs!.id);
        const accounts = nodes.filter((node) => node.type === 'mention' && node.attrs?.id !== '').map((node) => node.attrs!.id);
        const result = adfToMarkdown(doc);
        expect(result.mediaIds).toEqual([...new Set(mediaIds)]);
        expect(result.mentions.map((mention) => mention.accountId)).toEqual([...new Set(accounts)]);
      }),
      RUNS,
    );
  });
});
