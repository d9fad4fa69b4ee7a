import type { ListItem } from 'mdast';
import type { BlockHandler, ConvertContext, NodeAt } from '../convert/handler-types.js';
import { spaceListItem } from '../convert/list-item-spacing.js';
import { childPath, readNode, type AdfNode } from '../model/adf-node.js';

/**
 * Converts the children of a list into list items; a child that is not a `listItem` becomes one. Empty
 * items are dropped: chains of them (`- - -`) read back as other constructs.
 */
export function toListItems(list: AdfNode, ctx: ConvertContext, at: NodeAt): ListItem[] {
  return withoutEmptyItems(list.content.map((value, index): ListItem => {
    const itemAt = { path: childPath(childPath(at.path, 'content'), index), depth: at.depth + 1 };
    const item = readNode(value);
    if (item?.type === 'listItem') return { type: 'listItem', spread: false, children: ctx.blocks(item, itemAt) };
    ctx.warn(itemAt.path, `"${item?.type ?? typeof value}" inside a list; wrapped in a list item`);
    return { type: 'listItem', spread: false, children: ctx.blockAt(value, itemAt) };
  }));
}

/** Drops list items without content and spaces out those that need it. */
export function withoutEmptyItems(items: ListItem[]): ListItem[] {
  return items.filter((item) => item.children.length > 0).map(spaceListItem);
}

/** A `listItem` outside a list: rendered as a one-item bullet list. */
export const convertStrayListItem: BlockHandler = (node, ctx, at) => {
  ctx.warn(at.path, 'listItem outside a list; rendered as a bullet list');
  return [{ type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: ctx.blocks(node, at) }] }];
};
