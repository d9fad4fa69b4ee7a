import type { AdfMark, AdfNode } from './adf-types.js';
import type { Rng } from './rng.js';

/** Builds a node, leaving out empty attrs/marks so the output stays minimal (the schema forbids nothing else). */
export function node(
  type: string,
  parts: { attrs?: Record<string, unknown>; content?: readonly AdfNode[]; marks?: readonly AdfMark[] } = {},
): AdfNode {
  return {
    type,
    ...(parts.attrs === undefined ? {} : { attrs: parts.attrs }),
    ...(parts.content === undefined ? {} : { content: parts.content }),
    ...(parts.marks === undefined || parts.marks.length === 0 ? {} : { marks: parts.marks }),
  };
}

/** A text node; the schema requires non-empty text, so an empty string is a bug in the caller. */
export function text(value: string, marks: readonly AdfMark[] = []): AdfNode {
  if (value.length === 0) throw new RangeError('ADF text nodes must not be empty.');
  return marks.length === 0 ? { type: 'text', text: value } : { type: 'text', text: value, marks };
}

export function mark(type: string, attrs?: Record<string, unknown>): AdfMark {
  return attrs === undefined ? { type } : { type, attrs };
}

export function paragraph(content: readonly AdfNode[], marks: readonly AdfMark[] = []): AdfNode {
  return node('paragraph', { content, marks });
}

export function heading(level: number, content: readonly AdfNode[], marks: readonly AdfMark[] = []): AdfNode {
  return node('heading', { attrs: { level }, content, marks });
}

export function listItem(content: readonly AdfNode[]): AdfNode {
  return node('listItem', { content });
}

export function bulletList(items: readonly (readonly AdfNode[])[]): AdfNode {
  return node('bulletList', { content: items.map(listItem) });
}

export function orderedList(items: readonly (readonly AdfNode[])[], order = 1): AdfNode {
  return node('orderedList', { attrs: { order }, content: items.map(listItem) });
}

export function codeBlock(language: string, code: string, marks: readonly AdfMark[] = []): AdfNode {
  return node('codeBlock', { attrs: { language }, content: [text(code)], marks });
}

/** A v4-shaped UUID from the seeded Rng (localIds must be deterministic, so no crypto here). */
export function localId(rng: Rng): string {
  return `${rng.hex(8)}-${rng.hex(4)}-4${rng.hex(3)}-${rng.pick(['8', '9', 'a', 'b'])}${rng.hex(3)}-${rng.hex(12)}`;
}

export function taskItem(rng: Rng, state: 'TODO' | 'DONE', content: readonly AdfNode[]): AdfNode {
  return node('taskItem', { attrs: { localId: localId(rng), state }, content });
}

export function taskList(rng: Rng, items: readonly AdfNode[]): AdfNode {
  return node('taskList', { attrs: { localId: localId(rng) }, content: items });
}

export function decisionList(rng: Rng, decisions: readonly (readonly AdfNode[])[]): AdfNode {
  const items = decisions.map((content) => node('decisionItem', { attrs: { localId: localId(rng), state: 'DECIDED' }, content }));
  return node('decisionList', { attrs: { localId: localId(rng) }, content: items });
}

/** A `media` node for a Media Services file (`type: 'file'`). */
export function media(file: { id: string; collection: string; alt?: string }, marks: readonly AdfMark[] = []): AdfNode {
  const attrs = { type: 'file', id: file.id, collection: file.collection, ...(file.alt === undefined ? {} : { alt: file.alt }) };
  return node('media', { attrs, marks });
}

export function mention(account: { accountId: string; displayName: string }): AdfNode {
  return node('mention', { attrs: { id: account.accountId, text: `@${account.displayName}`, accessLevel: '' } });
}

export function tableCell(type: 'tableCell' | 'tableHeader', content: readonly AdfNode[]): AdfNode {
  return node(type, { attrs: {}, content });
}

/** A table with one header row and body rows of single-paragraph cells. */
export function table(rng: Rng, header: readonly string[], rows: readonly (readonly string[])[]): AdfNode {
  const cellOf = (value: string, type: 'tableCell' | 'tableHeader') =>
    tableCell(type, [paragraph([text(value, type === 'tableHeader' ? [mark('strong')] : [])])]);
  const row = (cells: readonly string[], type: 'tableCell' | 'tableHeader') =>
    node('tableRow', { content: cells.map((cell) => cellOf(cell, type)) });
  return node('table', {
    attrs: { isNumberColumnEnabled: false, layout: 'default', localId: localId(rng) },
    content: [row(header, 'tableHeader'), ...rows.map((cells) => row(cells, 'tableCell'))],
  });
}
