import type { BlockContent, PhrasingContent } from 'mdast';
import type { ConvertContext, NodeAt } from '../convert/handler-types.js';
import { trimBreaks } from '../convert/trim-breaks.js';
import { isInlineType } from '../extract/node-kinds.js';
import { readNode, type AdfNode } from '../model/adf-node.js';
import { fallbackText } from '../model/leaf-text.js';

function describe(node: AdfNode): string {
  return node.type === '' ? 'node without a type' : `unknown node type "${node.type}"`;
}

/** An unknown block: its content converted in place, else its text, with a warning either way. */
export function convertUnknownBlock(node: AdfNode, ctx: ConvertContext, at: NodeAt): BlockContent[] {
  if (node.content.length > 0) {
    ctx.warn(at.path, `${describe(node)}; rendered its content`);
    if (!node.content.every((child) => isInlineType(readNode(child)?.type ?? ''))) return ctx.blocks(node, at);
    // Only inline children: the unknown node was paragraph-like.
    const children = trimBreaks(ctx.inlines(node, at));
    return children.length === 0 ? [] : [{ type: 'paragraph', children }];
  }
  const text = fallbackText(node);
  ctx.warn(at.path, `${describe(node)}; ${text === undefined ? 'dropped (no content or text)' : 'rendered its text'}`);
  return text === undefined ? [] : [{ type: 'paragraph', children: [{ type: 'text', value: text }] }];
}

/** An unknown inline node: its inline content, else its text, with a warning either way. */
export function convertUnknownInline(node: AdfNode, ctx: ConvertContext, at: NodeAt): PhrasingContent[] {
  if (node.content.length > 0) {
    ctx.warn(at.path, `${describe(node)}; rendered its content`);
    return ctx.inlines(node, at);
  }
  const text = fallbackText(node);
  ctx.warn(at.path, `${describe(node)}; ${text === undefined ? 'dropped (no content or text)' : 'rendered its text'}`);
  return text === undefined ? [] : [{ type: 'text', value: text }];
}
