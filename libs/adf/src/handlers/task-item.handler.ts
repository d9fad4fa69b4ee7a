import type { BlockContent, ListItem } from 'mdast';
import type { BlockHandler, ConvertContext, NodeAt } from '../convert/handler-types.js';
import { trimBreaks } from '../convert/trim-breaks.js';
import { attrText, attrValue, describeValue, type AdfNode } from '../model/adf-node.js';

/**
 * `taskItem` (inline content) or `blockTaskItem` (paragraphs) -> checked or unchecked list item.
 * An empty item has no checkbox: `- [ ]` with nothing after it is not a task in GFM.
 */
export function toTaskListItem(node: AdfNode, ctx: ConvertContext, at: NodeAt): ListItem {
  const children = node.type === 'blockTaskItem' ? ctx.blocks(node, at) : inlineParagraph(node, ctx, at);
  const state = attrText(node, 'state');
  if (state !== 'TODO' && state !== 'DONE') ctx.warn(at.path, `task state ${describeValue(attrValue(node, 'state'))} is not TODO or DONE; treated as TODO`);
  const checked = children[0]?.type === 'paragraph' ? state === 'DONE' : null;
  return { type: 'listItem', spread: false, checked, children };
}

/** A task item outside a task list: rendered as a one-item task list. */
export const convertStrayTaskItem: BlockHandler = (node, ctx, at) => [
  { type: 'list', ordered: false, spread: false, children: [toTaskListItem(node, ctx, at)] },
];

function inlineParagraph(node: AdfNode, ctx: ConvertContext, at: NodeAt): BlockContent[] {
  const children = trimBreaks(ctx.inlines(node, at));
  return children.length === 0 ? [] : [{ type: 'paragraph', children }];
}
