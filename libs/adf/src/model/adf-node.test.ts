import { describe, expect, it } from 'vitest';
import { attrNumber, attrString, attrText, attrValue, childPath, describeValue, readNode } from './adf-node.js';

describe('readNode', () => {
  it('returns undefined for values that are not objects', () => {
    expect(readNode(null)).toBeUndefined();
    expect(readNode('paragraph')).toBeUndefined();
    expect(readNode([{ type: 'text' }])).toBeUndefined();
  });

  it('reads fields of the wrong type as absent, and says what was wrong', () => {
    const node = readNode({ type: 7, attrs: 'x', content: 'a', marks: null, text: 3 });
    expect(node).toMatchObject({ type: '', content: [], marks: [], text: undefined });
    expect(node?.problems).toEqual(['content is "a", not an array; ignored', 'attrs is "x", not an object; ignored']);
  });

  it('reads a node or mark object given instead of a list as a list of that one item', () => {
    const child = { type: 'text', text: 'x' };
    const mark = { type: 'strong' };
    const node = readNode({ type: 'paragraph', content: child, marks: mark });
    expect(node?.content).toEqual([child]);
    expect(node?.marks).toEqual([mark]);
    expect(node?.problems).toEqual([
      'content is an object, not an array; read as a list of that one item',
      'marks is an object, not an array; read as a list of that one item',
    ]);
  });

  it('reads an object with index keys (a serialized sparse array) as its values in index order', () => {
    const node = readNode({ type: 'paragraph', content: { 10: 'c', 2: 'b', 0: 'a' } });
    expect(node?.content).toEqual(['a', 'b', 'c']);
    expect(node?.problems).toEqual(['content is an object with index keys, not an array; read its values in index order']);
  });

  it('reports nothing for a well-formed node, or for null lists', () => {
    expect(readNode({ type: 'paragraph', content: [], marks: null, attrs: null })?.problems).toEqual([]);
  });

  it('never reads a field through the prototype', () => {
    const inherited = Object.create({ type: 'paragraph', text: 'inherited', content: [{ type: 'text', text: 'x' }], attrs: { level: 1 } }) as object;
    expect(readNode(inherited)).toMatchObject({ type: '', text: undefined, content: [] });
    const withInheritedAttrs = readNode({ type: 'heading', attrs: Object.create({ level: 2, url: 'https://x.example' }) as object })!;
    expect(attrNumber(withInheritedAttrs, 'level')).toBeUndefined();
    expect(attrValue(withInheritedAttrs, 'url')).toBeUndefined();
    expect(attrValue(readNode({ type: 'x', attrs: {} })!, 'constructor')).toBeUndefined();
  });
});

describe('describeValue', () => {
  it('describes any value without calling its methods', () => {
    expect(describeValue({ toString: 'not a function' })).toBe('an object');
    expect(describeValue({ toString: () => 'x' })).toBe('an object');
    expect(describeValue('x'.repeat(50))).toBe(`"${'x'.repeat(40)}…"`);
    expect(describeValue(3)).toBe('3');
    expect(describeValue([1])).toBe('an array');
    expect(describeValue(undefined)).toBe('missing');
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
