import type { PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { applyMarks } from './apply-marks.js';
import { readMarks } from './read-marks.js';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const specs = (...types: string[]) => readMarks(types.map((type) => ({ type })), '', () => undefined).specs;

describe('applyMarks', () => {
  it('shares one wrapper between neighbours that carry the same mark', () => {
    const result = applyMarks([
      { nodes: [text('a')], specs: specs('strong') },
      { nodes: [text('b')], specs: specs('strong', 'em') },
    ]);
    expect(result).toEqual([{ type: 'strong', children: [text('a'), { type: 'emphasis', children: [text('b')] }] }]);
  });

  it('moves edge whitespace outside emphasis so the Markdown stays emphasis', () => {
    const result = applyMarks([{ nodes: [text(' a ')], specs: specs('em') }]);
    expect(result).toEqual([text(' '), { type: 'emphasis', children: [text('a')] }, text(' ')]);
  });

  it('leaves whitespace-only content unwrapped', () => {
    expect(applyMarks([{ nodes: [text('  ')], specs: specs('strong') }])).toEqual([text('  ')]);
  });

  it('renders underline and sub/sup as inline HTML around the text', () => {
    const { specs: subsup } = readMarks([{ type: 'subsup', attrs: { type: 'sub' } }], '', () => undefined);
    expect(applyMarks([{ nodes: [text('2')], specs: subsup }])).toEqual([
      { type: 'html', value: '<sub>' },
      text('2'),
      { type: 'html', value: '</sub>' },
    ]);
  });
});

describe('readMarks', () => {
  it('orders link outermost and reports code separately', () => {
    const read = readMarks([{ type: 'code' }, { type: 'strong' }, { type: 'link', attrs: { href: 'https://x.test' } }], '', () => undefined);
    expect(read.code).toBe(true);
    expect(read.specs.map((spec) => spec.rank)).toEqual([0, 1]);
  });

  it('warns about unknown marks and links without href but not about colours', () => {
    const warnings: string[] = [];
    readMarks([{ type: 'sparkle' }, { type: 'link', attrs: {} }, { type: 'textColor', attrs: { color: '#ff0000' } }], '/p', (path) => warnings.push(path));
    expect(warnings).toEqual(['/p/marks/0', '/p/marks/1']);
  });
});

describe('applyMarks and emphasis between letters', () => {
  const strong = specs('strong');
  const em = specs('em');

  it('moves edge punctuation out of emphasis that touches a letter, so no character reference is needed', () => {
    expect(applyMarks([{ nodes: [text('Note:')], specs: strong }, { nodes: [text('text')], specs: [] }])).toEqual([
      { type: 'strong', children: [text('Note')] },
      text(':text'),
    ]);
    expect(applyMarks([{ nodes: [text('a')], specs: [] }, { nodes: [text('(b)')], specs: em }, { nodes: [text('c')], specs: [] }])).toEqual([
      text('a('),
      { type: 'emphasis', children: [text('b')] },
      text(')c'),
    ]);
  });

  it('leaves emphasis alone next to spaces or punctuation, and when only punctuation is emphasised', () => {
    const spaced = applyMarks([{ nodes: [text('see ')], specs: [] }, { nodes: [text('(b)')], specs: em }, { nodes: [text('.')], specs: [] }]);
    expect(spaced).toEqual([text('see '), { type: 'emphasis', children: [text('(b)')] }, text('.')]);
    const onlyPunctuation = applyMarks([{ nodes: [text('x')], specs: [] }, { nodes: [text('!!')], specs: strong }, { nodes: [text('y')], specs: [] }]);
    expect(onlyPunctuation).toEqual([text('x'), { type: 'strong', children: [text('!!')] }, text('y')]);
  });

  it('keeps intraword emphasis between letters as it is', () => {
    expect(applyMarks([{ nodes: [text('un')], specs: [] }, { nodes: [text('believ')], specs: em }, { nodes: [text('able')], specs: [] }])).toEqual([
      text('un'),
      { type: 'emphasis', children: [text('believ')] },
      text('able'),
    ]);
  });
});
