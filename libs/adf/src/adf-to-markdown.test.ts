import { describe, expect, it } from 'vitest';
import { adfToMarkdown } from './index.js';

const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (value: string, ...marks: unknown[]) => ({ type: 'text', text: value, marks });

describe('adfToMarkdown extraction', () => {
  const input = doc(
    paragraph(
      { type: 'mention', attrs: { id: 'acc-1', text: '@Jane' } },
      text(' see '),
      text('docs', { type: 'link', attrs: { href: 'https://docs.example' } }),
      { type: 'mention', attrs: { id: 'acc-1', text: '@Jane' } },
      { type: 'mention', attrs: { id: 'acc-2' } },
    ),
    { type: 'mediaSingle', attrs: { layout: 'center' }, content: [{ type: 'media', attrs: { type: 'file', id: 'm-1', collection: 'c' } }] },
    { type: 'mediaGroup', content: [{ type: 'media', attrs: { type: 'file', id: 'm-2', collection: 'c' } }, { type: 'media', attrs: { type: 'file', id: 'm-1', collection: 'c' } }] },
    paragraph({ type: 'inlineCard', attrs: { url: 'https://jira.example/browse/A-1' } }, { type: 'mediaInline', attrs: { id: 'm-3', collection: 'c' } }),
  );
  const result = adfToMarkdown(input);

  it('lists each media id once, in document order', () => {
    expect(result.mediaIds).toEqual(['m-1', 'm-2', 'm-3']);
  });

  it('lists each mentioned account once, keeping its display text', () => {
    expect(result.mentions).toEqual([{ accountId: 'acc-1', text: '@Jane' }, { accountId: 'acc-2' }]);
  });

  it('collects link marks and smart-card URLs', () => {
    expect(result.links).toEqual(['https://docs.example', 'https://jira.example/browse/A-1']);
  });

  it('puts blocks on separate lines in the plain text', () => {
    expect(result.text.split('\n')[0]).toBe('@Jane see docs@Jane@acc-2');
    expect(result.text).toContain('https://jira.example/browse/A-1');
  });
});

describe('adfToMarkdown media lookup', () => {
  const input = doc({ type: 'mediaSingle', attrs: { layout: 'center' }, content: [{ type: 'media', attrs: { type: 'file', id: 'm-1', collection: 'c' } }] });

  it('asks the lookup with the media id and collection', () => {
    const refs: unknown[] = [];
    adfToMarkdown(input, { resolveMedia: (ref) => void refs.push(ref) });
    expect(refs).toEqual([{ id: 'm-1', collection: 'c', type: 'file' }]);
  });

  it('renders a non-image attachment as a link named after the file', () => {
    const result = adfToMarkdown(input, { resolveMedia: () => ({ filename: 'log.txt', url: 'https://a.example/1' }) });
    expect(result.markdown).toBe('[log.txt](https://a.example/1)\n');
    expect(result.text).toBe('log.txt');
  });

  it('warns and shows a placeholder when the lookup throws', () => {
    const result = adfToMarkdown(input, {
      resolveMedia: () => {
        throw new Error('boom');
      },
    });
    expect(result.markdown).toBe('\\[attachment: m-1]\n');
    expect(result.warnings.map((warning) => warning.message)).toContain('media m-1: the media lookup threw (boom)');
  });
});

describe('adfToMarkdown input forms', () => {
  it('returns an empty result for null, as Jira sends for an empty description', () => {
    expect(adfToMarkdown(null)).toEqual({ markdown: '', text: '', mediaIds: [], mentions: [], links: [], warnings: [] });
  });

  it('parses a JSON string holding a document', () => {
    expect(adfToMarkdown(JSON.stringify(doc(paragraph(text('hi'))))).markdown).toBe('hi\n');
  });

  it('treats plain text as one paragraph and says so', () => {
    const result = adfToMarkdown('just *text*');
    expect(result.markdown).toBe('just \\*text\\*\n');
    expect(result.warnings).toHaveLength(1);
  });

  it('wraps a bare node in a document with a warning', () => {
    const result = adfToMarkdown(paragraph(text('alone')));
    expect(result.markdown).toBe('alone\n');
    expect(result.warnings[0]?.message).toContain('expected a doc node');
  });
});

describe('adfToMarkdown unknown content', () => {
  it('renders an unknown paragraph-like node as a paragraph with one warning', () => {
    const result = adfToMarkdown(doc({ type: 'fancyParagraph', content: [text('kept '), text('bold', { type: 'strong' })] }));
    expect(result.markdown).toBe('kept **bold**\n');
    expect(result.warnings).toEqual([{ path: '/content/0', message: 'unknown node type "fancyParagraph"; rendered its content' }]);
  });

  it('renders the text of an unknown leaf and warns about an unknown mark', () => {
    const result = adfToMarkdown(doc(paragraph({ type: 'sparkle', attrs: { text: 'shiny' } }, text('x', { type: 'glow' }))));
    expect(result.markdown).toBe('shinyx\n');
    expect(result.warnings.map((warning) => warning.path)).toEqual(['/content/0/content/0', '/content/0/content/1/marks/0']);
  });
});
