import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes } from 'mdast';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { adfToMarkdown, adfToMdast } from './index.js';
import { BLOCK_HANDLERS, INLINE_HANDLERS } from './handlers/registry.js';
import { MAX_TABLE_FILL } from './handlers/table-grid.js';

const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (value: string, ...marks: unknown[]) => (marks.length === 0 ? { type: 'text', text: value } : { type: 'text', text: value, marks });
const link = (href: string) => ({ type: 'link', attrs: { href } });
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', `${name}.adf.json`), 'utf8'));

/** What the issue asks for: http, https, mailto and relative links; nothing else may be live. */
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

function parseBack(markdown: string): Nodes {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** Every node of a tree in document order, without recursion. */
function nodesOf(tree: Nodes): Nodes[] {
  const all: Nodes[] = [];
  const stack: Nodes[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    all.push(node);
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index] as Nodes);
  }
  return all;
}

/** The scheme a browser would see in an href: tab and line endings removed, C0 controls and spaces trimmed. */
function browserScheme(url: string): string | undefined {
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\0- ]+|[\0- ]+$/g, '');
  return /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(cleaned)?.[1]?.toLowerCase();
}

/** Destinations that a renderer of the Markdown would follow or load. */
function liveDestinations(markdown: string): string[] {
  return nodesOf(parseBack(markdown)).flatMap((node) => (node.type === 'link' || node.type === 'image' || node.type === 'definition' ? [node.url] : []));
}

describe('link schemes', () => {
  const HOSTILE = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    '\tjavascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'javascript&colon;alert(1)',
    'javascript&#58;alert(1)',
    '&#106;avascript:alert(1)',
    'javascript%3Aalert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:image/svg+xml,<svg onload=alert(1)>',
    'file:///etc/passwd',
    'livescript:alert(1)',
  ];
  const carriers = (url: string) => [
    paragraph(text('label', link(url))),
    paragraph({ type: 'inlineCard', attrs: { url } }),
    { type: 'blockCard', attrs: { url } },
    { type: 'embedCard', attrs: { url, layout: 'center' } },
    { type: 'mediaSingle', attrs: { layout: 'center' }, content: [{ type: 'media', attrs: { type: 'external', url, alt: 'alt' } }] },
    { type: 'mediaSingle', attrs: { layout: 'center' }, content: [{ type: 'media', attrs: { type: 'external', url: 'https://x.example/a.png' }, marks: [link(url)] }] },
  ];

  it.each(HOSTILE)('never makes %j a live link, image or reported link', (url) => {
    const result = adfToMarkdown(doc(...carriers(url)), { resolveMedia: () => ({ filename: 'f.txt', url }) });
    for (const destination of liveDestinations(result.markdown)) {
      const scheme = browserScheme(destination);
      expect(scheme === undefined || ALLOWED_SCHEMES.has(scheme), `${destination} in ${result.markdown}`).toBe(true);
    }
    for (const reported of result.links) expect(browserScheme(reported) ?? 'https').toMatch(/^(https?|mailto)$/);
    expect(result.warnings.filter((warning) => /failed/.test(warning.message))).toEqual([]);
  });

  it('keeps the text of every refused link and says which scheme was refused', () => {
    const result = adfToMarkdown(doc(...carriers('javascript:alert(1)')));
    expect(liveDestinations(result.markdown)).toEqual(['https://x.example/a.png']);
    expect(result.markdown).toContain('label');
    expect(result.text).toContain('javascript:alert(1)');
    expect(result.links).toEqual([]);
    expect(result.warnings.map((warning) => warning.path)).toEqual(['/content/0/content/0/marks/0', '/content/1/content/0', '/content/2', '/content/3', '/content/4/content/0', '/content/5/content/0/marks/0']);
    expect(result.warnings.every((warning) => warning.message.includes('"javascript:" scheme'))).toBe(true);
  });

  it('refuses a disallowed attachment URL from the media lookup too', () => {
    const media = doc({ type: 'mediaSingle', attrs: { layout: 'center' }, content: [{ type: 'media', attrs: { type: 'file', id: 'm', collection: 'c' } }] });
    const result = adfToMarkdown(media, { resolveMedia: () => ({ filename: 'shot.png', url: 'javascript:alert(1)', mimeType: 'image/png' }) });
    expect(result.markdown).toBe('\\[attachment: shot.png]\n');
    expect(result.warnings[0]?.message).toContain('"javascript:" scheme');
  });

  it('links http, https, mailto and relative URLs as before, and reports them', () => {
    const allowed = ['https://a.example/x', 'http://a.example', 'mailto:dev@example.com', '/browse/ABC-1', '#top', '?q=1', '//cdn.example/x'];
    const result = adfToMarkdown(doc(paragraph(...allowed.map((url) => text(`to ${url} `, link(url))))));
    expect(liveDestinations(result.markdown)).toEqual(allowed);
    expect(result.links).toEqual(allowed);
    expect(result.warnings).toEqual([]);
  });
});

describe('document-supplied names that are Object.prototype members', () => {
  const NAMES = Object.getOwnPropertyNames(Object.prototype);
  /** Attribute names the converter reads, and the prototype's names, each holding an object whose `toString` is not a function. */
  const ATTRIBUTES = ['text', 'level', 'state', 'timestamp', 'url', 'href', 'title', 'id', 'shortName', 'panelType', 'language', 'order', 'colspan', 'rowspan', 'extensionKey', 'extensionType', 'type', 'alt', 'collection', 'data', 'datasource', 'resourceId', 'localId'];
  const junkAttrs = (): Record<string, unknown> =>
    JSON.parse(`{${[...ATTRIBUTES, ...NAMES].map((name) => `"${name}": {"toString": 1, "valueOf": 2, "url": "javascript:x", "name": {"toString": 3}}`).join(',')}}`) as Record<string, unknown>;

  /** Documents using `name` wherever the document chooses a name or an attribute value. */
  function documentsNaming(name: string): unknown[] {
    const leaf = text(`leaf ${name}`);
    return [
      doc(paragraph(text(`marked ${name}`, { type: name }), text(' and strong', { type: name }, { type: 'strong' }))),
      doc({ type: name, content: [paragraph(leaf)] }, { type: name, text: `leaf ${name}` }, paragraph({ type: name, text: `inline ${name}` })),
      doc({ type: 'panel', attrs: { panelType: name }, content: [paragraph(leaf)] }),
      doc({ type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'panel', attrs: { panelType: name }, content: [paragraph(leaf)] }] }] }),
      doc(paragraph(text(`sub ${name}`, { type: 'subsup', attrs: { type: name } }), { type: 'status', attrs: { text: name, color: name } }, { type: 'emoji', attrs: { shortName: name } })),
      doc({ type: 'heading', attrs: { level: name }, content: [leaf] }, { type: 'codeBlock', attrs: { language: name }, content: [text(`code ${name}`)] }),
      doc({ type: 'taskList', attrs: { localId: name }, content: [{ type: 'taskItem', attrs: { localId: name, state: name }, content: [leaf] }] }),
      doc({ type: 'decisionList', attrs: { localId: name }, content: [{ type: 'decisionItem', attrs: { localId: name, state: name }, content: [leaf] }] }),
      doc({ type: 'extension', attrs: { extensionKey: name, extensionType: name } }, paragraph({ type: 'mention', attrs: { id: name, text: name } }, { type: 'date', attrs: { timestamp: name } })),
      doc({ type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: name, rowspan: name }, content: [paragraph(leaf)] }] }] }),
      doc({ type: 'mediaSingle', attrs: { layout: name }, content: [{ type: 'media', attrs: { type: name, id: name, collection: name, alt: name } }] }),
    ];
  }

  it.each(NAMES)('%s never reaches the prototype: no failure, no "undefined", every text kept', (name) => {
    for (const input of documentsNaming(name)) {
      const result = adfToMarkdown(input, { resolveMedia: () => undefined });
      expect(result.warnings.filter((warning) => /failed/.test(warning.message))).toEqual([]);
      expect(result.markdown).not.toMatch(/undefined|\[object |function /);
      for (const leaf of JSON.stringify(input).match(/(?<="text":")(leaf|marked|inline|sub|code) [^"]+/g) ?? []) expect(result.text).toContain(leaf);
    }
  });

  it('reads no attribute, field or list through a prototype, for every node type', () => {
    for (const type of [...BLOCK_HANDLERS.keys(), ...INLINE_HANDLERS.keys()]) {
      const node = { type, attrs: junkAttrs(), content: [paragraph(text(`inside ${type}`))], marks: [{ type: 'strong', attrs: junkAttrs() }], text: `text of ${type}` };
      const result = adfToMarkdown(doc(node));
      expect(result.warnings.filter((warning) => /failed/.test(warning.message)), type).toEqual([]);
      expect(result.markdown, type).not.toMatch(/undefined|\[object |function /);
    }
  });

  it('renders the prototype-names fixture with its text and a warning for each odd name', () => {
    const result = adfToMarkdown(fixture('prototype-names'));
    expect(result.text).toContain('panel of type constructor');
    expect(result.warnings.map((warning) => warning.message)).toEqual(
      expect.arrayContaining(['unknown mark "toString" dropped; text kept', 'panel type "constructor" is not a known panel type; rendered as info', 'heading level an object is not 1-6; using 1']),
    );
  });
});

describe('table spans', () => {
  const cell = (value: string, attrs: Record<string, unknown> = {}) => ({ type: 'tableCell', attrs, content: [paragraph(text(value))] });
  const row = (...cells: unknown[]) => ({ type: 'tableRow', content: cells });

  it('ignores spans that would expand a small table into a huge grid, with a warning', () => {
    // 4,000 cells of colspan 100: 400,000 grid cells with spans, kept at 4,000 without.
    const table = { type: 'table', content: Array.from({ length: 40 }, (_, r) => row(...Array.from({ length: 100 }, (_, c) => cell(`r${r}c${c}`, { colspan: 100 })))) };
    const result = adfToMarkdown(doc(table));
    expect(result.markdown.length).toBeLessThan(100_000);
    expect(result.markdown).toContain('| r39c0 | r39c1 |');
    expect(result.warnings).toEqual([{ path: '/content/0', message: expect.stringContaining('spans ignored') as string }]);
  });

  it('shares one budget of empty cells among all tables of a document; tables past it become paragraphs', () => {
    // Each table: a 51-cell first row over 100 one-cell rows, 5,000 padding cells with or without spans.
    const table = (index: number) => ({ type: 'table', content: [row(...Array.from({ length: 51 }, (_, c) => cell(`h${c}`))), ...Array.from({ length: 100 }, (_, r) => row(cell(`t${index}r${r}`)))] });
    const count = Math.ceil((MAX_TABLE_FILL * 1.5) / 5_050);
    const { tree, warnings } = adfToMdast(doc(...Array.from({ length: count }, (_, index) => table(index))));
    const tables = tree.children.filter((node) => node.type === 'table').length;
    expect(tables).toBeLessThanOrEqual(Math.floor(MAX_TABLE_FILL / 5_050));
    expect(tables).toBeGreaterThan(0);
    expect(warnings.some((warning) => warning.message.includes('rendered one paragraph per row'))).toBe(true);
    const markdown = adfToMarkdown(doc(...Array.from({ length: count }, (_, index) => table(index)))).markdown;
    expect(markdown).toContain(`t${count - 1}r99`);
    expect(markdown).toContain('h0 | h1 | h2');
  });
});

describe('link-dense text', () => {
  const urls = (count: number) => Array.from({ length: count }, (_, index) => `https://example.com/p/${index}`);

  it('keeps the bold of 75,000 bare URLs in one run (the serializer overflowed its stack on it)', () => {
    const all = urls(75_000);
    const result = adfToMarkdown(doc(paragraph(text(all.join(' '), { type: 'strong' }))));
    expect(result.warnings).toEqual([]);
    expect(result.markdown.startsWith('**<https://example.com/p/0> <https://example.com/p/1>')).toBe(true);
    expect(result.markdown.trimEnd().endsWith('<https://example.com/p/74999>**')).toBe(true);
    expect(result.links).toHaveLength(75_000);
  });

  it('splits a URL from a long run of closing parentheses in one pass (re-counting them was quadratic)', () => {
    const result = adfToMarkdown(doc(paragraph(text(`see https://example.com/a${')'.repeat(200_000)} end`))));
    expect(result.links).toEqual(['https://example.com/a']);
    expect(result.markdown.startsWith('see <https://example.com/a>)))')).toBe(true);
  });

  it('links every URL of a 1 MB text node', () => {
    const all = urls(40_000);
    const value = all.join(' ');
    expect(value.length).toBeGreaterThan(1_000_000);
    const result = adfToMarkdown(doc(paragraph(text(value))));
    expect(result.links).toEqual(all);
    expect(result.markdown.split('<https://').length - 1).toBe(40_000);
  });
});

describe('content and marks of the wrong type', () => {
  it('reads a single node or mark object as a list of one, and warns at its path', () => {
    const result = adfToMarkdown(fixture('malformed-lists'));
    expect(result.text).toContain('content given as one node object');
    expect(result.markdown).toContain('**an index-keyed object**');
    expect(result.markdown).toContain('*as an object*');
    expect(result.warnings).toEqual([
      { path: '/content/0', message: 'content is an object, not an array; read as a list of that one item' },
      { path: '/content/1', message: 'content is an object with index keys, not an array; read its values in index order' },
      { path: '/content/1/content/1', message: 'marks is an object, not an array; read as a list of that one item' },
      { path: '/content/2/content/0', message: 'content is an object, not an array; read as a list of that one item' },
      { path: '/content/2/content/0/content/0/content/1', message: 'marks is an object, not an array; read as a list of that one item' },
      { path: '/content/3', message: 'content is "not a list", not an array; ignored' },
    ]);
  });

  it('warns about the document root and about marks of the wrong type as well', () => {
    expect(adfToMarkdown({ type: 'doc', content: 'x' }).warnings).toEqual([{ path: '', message: 'content is "x", not an array; ignored' }]);
    const result = adfToMarkdown(doc(paragraph({ type: 'text', text: 'x', marks: [{ type: 'link', attrs: 'https://x.example' }] })));
    expect(result.warnings).toEqual([
      { path: '/content/0/content/0/marks/0', message: 'link mark without href dropped; text kept' },
      { path: '/content/0/content/0/marks/0', message: 'mark attrs is "https://x.example", not an object; ignored' },
    ]);
  });

  it('reports each malformed node once, also when it is deeper than maxDepth', () => {
    const deep = { type: 'blockquote', content: { type: 'blockquote', content: { type: 'paragraph', content: [text('deep')] } } };
    const result = adfToMarkdown(doc(deep), { maxDepth: 1 });
    expect(result.text).toBe('deep');
    expect(result.warnings.filter((warning) => warning.message.startsWith('content is')).map((warning) => warning.path)).toEqual(['/content/0', '/content/0/content/0']);
  });
});
