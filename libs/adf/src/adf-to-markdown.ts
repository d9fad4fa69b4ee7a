import type { Root } from 'mdast';
import { Converter } from './convert/converter.js';
import { MediaResolver } from './convert/media-resolver.js';
import { describeThrown, WarningLog } from './convert/warnings.js';
import { extractDocument, type DocumentExtract } from './extract/extract-document.js';
import { readDocumentRoot } from './model/read-document-root.js';
import { serializeMarkdown } from './serialize/serialize-markdown.js';
import { DEFAULT_MAX_DEPTH, MAX_DEPTH_LIMIT, type AdfConversionResult, type AdfToMarkdownOptions } from './types.js';

/** The mdast tree built from an ADF document, before serialization (exposed for tests and tools). */
export interface AdfMdastResult extends DocumentExtract {
  tree: Root;
  warnings: AdfConversionResult['warnings'];
}

/** Converts ADF (any JSON value) to an mdast tree plus extracted text, media ids, mentions and links. */
export function adfToMdast(doc: unknown, options: AdfToMarkdownOptions = {}): AdfMdastResult {
  const log = new WarningLog();
  const media = new MediaResolver(typeof options.resolveMedia === 'function' ? options.resolveMedia : undefined, log);
  const root = readDocumentRoot(doc, log);
  for (const problem of root?.problems ?? []) log.add('', problem);
  const converter = new Converter(media, log, clampDepth(options.maxDepth));
  const tree: Root = { type: 'root', children: root === undefined ? [] : converter.blocks(root, { path: '', depth: 0 }) };
  const extract = extractDocument(root === undefined ? [] : root.content, media, log);
  return { tree, ...extract, warnings: log.list() };
}

/** Converts an ADF document to GitHub-flavoured Markdown and extracts text, media ids, mentions and links. Never throws. */
export function adfToMarkdown(doc: unknown, options: AdfToMarkdownOptions = {}): AdfConversionResult {
  let converted: AdfMdastResult;
  try {
    converted = adfToMdast(doc, options);
  } catch (error) {
    const warning = { path: '', message: `conversion failed (${describeThrown(error)}); the document was not converted` };
    return { markdown: '', text: '', mediaIds: [], mentions: [], links: [], warnings: [warning] };
  }
  const { tree, warnings, ...extract } = converted;
  try {
    return { markdown: serializeMarkdown(tree), ...extract, warnings };
  } catch (error) {
    // A serializer failure still leaves the text readable: one paragraph per line of plain text.
    const warning = { path: '', message: `Markdown serialization failed (${describeThrown(error)}); rendered the plain text instead` };
    return { markdown: plainTextMarkdown(extract.text), ...extract, warnings: [...warnings, warning] };
  }
}

function plainTextMarkdown(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  try {
    return serializeMarkdown({ type: 'root', children: lines.map((value) => ({ type: 'paragraph', children: [{ type: 'text', value }] })) });
  } catch {
    return '';
  }
}

function clampDepth(maxDepth: unknown): number {
  if (typeof maxDepth !== 'number' || !Number.isFinite(maxDepth)) return DEFAULT_MAX_DEPTH;
  return Math.min(MAX_DEPTH_LIMIT, Math.max(1, Math.floor(maxDepth)));
}
