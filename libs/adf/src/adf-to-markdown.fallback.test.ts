import { describe, expect, it, vi } from 'vitest';
import { adfToMarkdown } from './index.js';
import { serializeMarkdown } from './serialize/serialize-markdown.js';
import type * as SerializeModule from './serialize/serialize-markdown.js';

vi.mock('./serialize/serialize-markdown.js', async (importOriginal) => {
  const actual = await importOriginal<typeof SerializeModule>();
  return { serializeMarkdown: vi.fn(actual.serializeMarkdown) };
});

describe('adfToMarkdown when the serializer fails', () => {
  it('falls back to the plain text as paragraphs and says why', () => {
    vi.mocked(serializeMarkdown).mockImplementationOnce(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    const doc = { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Title' }] }, { type: 'paragraph', content: [{ type: 'text', text: 'Body *text*' }] }] };
    const result = adfToMarkdown(doc);
    expect(result.markdown).toBe('Title\n\nBody \\*text\\*\n');
    expect(result.text).toBe('Title\nBody *text*');
    expect(result.warnings).toEqual([{ path: '', message: 'Markdown serialization failed (Maximum call stack size exceeded); rendered the plain text instead' }]);
  });
});
