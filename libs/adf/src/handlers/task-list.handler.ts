import type { ListItem } from 'mdast';
import type { BlockHandler, ConvertContext, NodeAt } from '../convert/handler-types.js';
import { childPath, readNode } from '../model/adf-node.js';
import { withoutEmptyItems } from './list-item.handler.js';
import { toTaskListItem } from './task-item.handler.js';
import { appendAll } from '../model/append-all.js';

/**
 * `taskList` -> GFM task list. A nested `taskList` (a sibling of the items in ADF) is moved into the
 * preceding item, which is where Markdown nests lists.
 */
export const convertTaskList: BlockHandler = (node, ctx, at) => {
  const items: ListItem[] = [];
  node.content.forEach((value, index) => {
    const childAt = { path: childPath(childPath(at.path, 'content'), index), depth: at.depth + 1 };
    const child = readNode(value);
    const previous = items.at(-1);
    if (child?.type === 'taskList' && previous !== undefined) appendAll(previous.children, ctx.blockAt(value, childAt));
    else items.push(toItem(value, ctx, childAt));
  });
  const children = withoutEmptyItems(items);
  return children.length === 0 ? [] : [{ type: 'list', ordered: false, spread: false, children }];
};

function toItem(value: unknown, ctx: ConvertContext, at: NodeAt): ListItem {
  const child = readNode(value);
  if (child !== undefined && (child.type === 'taskItem' || child.type === 'blockTaskItem')) return toTaskListItem(child, ctx, at);
  if (child?.type !== 'taskList') ctx.warn(at.path, `"${child?.type ?? typeof value}" inside a task list; wrapped in a list item`);
  return { type: 'listItem', spread: false, checked: null, children: ctx.blockAt(value, at) };
}
