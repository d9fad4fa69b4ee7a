import { describe, expect, it } from 'vitest';
import { adfToPlainText } from './adf-plain-text.js';
import type { AdfDoc } from './adf-types.js';

describe('adfToPlainText', () => {
  it('flattens blocks to lines and inline nodes to their visible text', () => {
    const doc: AdfDoc = {
      version: 1,
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Summary' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'Ping ', marks: [{ type: 'strong' }] },
            { type: 'mention', attrs: { id: 'acc-1', text: '@Ada Lovelace' } },
            { type: 'text', text: ' ' },
            { type: 'emoji', attrs: { shortName: ':bug:', text: '🐛' } },
            { type: 'hardBreak' },
            { type: 'date', attrs: { timestamp: String(Date.UTC(2026, 2, 1)) } },
            { type: 'text', text: ' ' },
            { type: 'status', attrs: { text: 'BLOCKED', color: 'red' } },
          ],
        },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }] },
        { type: 'codeBlock', attrs: { language: 'sql' }, content: [{ type: 'text', text: 'SELECT 1;' }] },
        {
          type: 'table',
          content: [{ type: 'tableRow', content: [
            { type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A' }] }] },
            { type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'B' }] }] },
          ] }],
        },
        { type: 'mediaSingle', attrs: { layout: 'center' }, content: [{ type: 'media', attrs: { type: 'file', id: 'f', collection: '' } }] },
        { type: 'blockCard', attrs: { url: 'https://example.com/x' } },
      ],
    };
    expect(adfToPlainText(doc)).toBe('Summary\nPing @Ada Lovelace 🐛\n2026-03-01 BLOCKED\none\nSELECT 1;\nA | B\nhttps://example.com/x');
  });

  it('returns an empty string for an empty document', () => {
    expect(adfToPlainText({ version: 1, type: 'doc', content: [] })).toBe('');
  });
});
