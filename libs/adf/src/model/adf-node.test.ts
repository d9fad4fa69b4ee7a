import { describe, expect, it } from 'vitest';
import { attrNumber, attrString, attrText, childPath, readNode } from './adf-node.js';

describe('readNode', () => {
  it('returns undefined for values that are not objects', () => {
    expect(readNode(null)).toBeUndefined();
    expect(readNode('paragraph')).toBeUndefined();
    expect(readNode([{ type: 'text' }])).toBeUndefined();
  });

  it('reads fields of the wrong type as absent', () => {
    const node = readNode({ type: 7, attrs: 'x', content: { 0: 'a' }, marks: null, text: 3 });
    expect(node).toMatchObject({ type: '', attrs: {}, content: [], marks: [], text: undefined });
  });
});

describe('attribute readers', () => {
  const node = readNode({ type: 'x', attrs: { s: 'a', n: 3, ns: ' 4 ', empty: '', inf: Infinity, obj: {} } })!;

  it('accepts finite numbers where a string is expected', () => {
    expect(attrString(node, 's')).toBe('a');
    expect(attrString(node, 'n')).toBe('3');
    expect(attrString(node, 'inf')).toBeUndefined();
    expect(attrString(node, 'obj')).toBeUndefined();
  });

  it('treats an empty string as missing text', () => {
    expect(attrText(node, 'empty')).toBeUndefined();
    expect(attrString(node, 'empty')).toBe('');
  });

  it('parses numeric strings and rejects non-finite numbers', () => {
    expect(attrNumber(node, 'ns')).toBe(4);
    expect(attrNumber(node, 'inf')).toBeUndefined();
    expect(attrNumber(node, 'empty')).toBeUndefined();
  });
});

describe('childPath', () => {
  it('escapes slashes and tildes as JSON pointer segments', () => {
    expect(childPath('/content/0', 'a/b~c')).toBe('/content/0/a~1b~0c');
  });
});
