import { describe, expect, it } from 'vitest';
import { flattenToPhrasing } from './flatten-to-phrasing.js';

describe('flattenToPhrasing', () => {
  it('joins blocks with <br> and gives list items a text bullet', () => {
    const result = flattenToPhrasing([
      { type: 'paragraph', children: [{ type: 'text', value: 'intro' }] },
      { type: 'list', ordered: true, start: 3, children: [{ type: 'listItem', checked: true, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'done' }] }] }] },
    ]);
    expect(result).toEqual([
      { type: 'text', value: 'intro' },
      { type: 'html', value: '<br>' },
      { type: 'text', value: '3. ☑ ' },
      { type: 'text', value: 'done' },
    ]);
  });

  it('turns each code line into inline code and drops alert markers', () => {
    const result = flattenToPhrasing([
      { type: 'code', value: 'a\n\nb' },
      { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'html', value: '[!NOTE]' }, { type: 'text', value: '\n' }, { type: 'text', value: 'c' }] }] },
    ]);
    expect(result).toEqual([
      { type: 'inlineCode', value: 'a' },
      { type: 'html', value: '<br>' },
      { type: 'inlineCode', value: 'b' },
      { type: 'html', value: '<br>' },
      { type: 'text', value: 'c' },
    ]);
  });
});
