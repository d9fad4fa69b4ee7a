import type { ListItem } from 'mdast';
import type { BlockHandler, ConvertContext, NodeAt } from '../convert/handler-types.js';
import { trimBreaks } from '../convert/trim-breaks.js';
import { attrText, attrValue, childPath, describeValue, readNode, type AdfNode } from '../model/adf-node.js';
import { withoutEmptyItems } from './list-item.handler.js';

/**
 * `decisionList` -> bullet list whose items start with a bold label: "Decision:" for decided items,
 * "Decision (undecided):" for the rest, so an open question still reads as one.
 */
export const convertDecisionList: BlockHandler = (node, ctx, at) => {
  const items = node.content.map((value, index) => {
    const itemAt = { path: childPath(childPath(at.path, 'content'), index), depth: at.depth + 1 };
    const item = readNode(value);
    if (item?.type === 'decisionItem') return toDecisionItem(item, ctx, itemAt);
    ctx.warn(itemAt.path, `"${item?.type ?? typeof value}" inside a decision list; wrapped in a list item`);
    return { type: 'listItem', spread: false, children: ctx.blockAt(value, itemAt) } satisfies ListItem;
  });
  const children = withoutEmptyItems(items);
  return children.length === 0 ? [] : [{ type: 'list', ordered: false, spread: false, children }];
};

/** A decision item outside a decision list: rendered as a one-item list. */
export const convertStrayDecisionItem: BlockHandler = (node, ctx, at) => [
  { type: 'list', ordered: false, spread: false, children: [toDecisionItem(node, ctx, at)] },
];

function toDecisionItem(node: AdfNode, ctx: ConvertContext, at: NodeAt): ListItem {
  const children = trimBreaks(ctx.inlines(node, at));
  if (children.length === 0) return { type: 'listItem', spread: false, children: [] };
  const state = attrText(node, 'state');
  if (state !== 'DECIDED' && state !== 'UNDECIDED') ctx.warn(at.path, `decision state ${describeValue(attrValue(node, 'state'))} is not DECIDED or UNDECIDED; treated as UNDECIDED`);
  const label = state === 'DECIDED' ? 'Decision:' : 'Decision (undecided):';
  children.unshift({ type: 'strong', children: [{ type: 'text', value: label }] }, { type: 'text', value: ' ' });
  return { type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] };
}
