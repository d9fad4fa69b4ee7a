import type { BlockHandler } from '../convert/handler-types.js';
import { attrNumber } from '../model/adf-node.js';
import { toListItems } from './list-item.handler.js';

/** CommonMark ordered list markers have at most nine digits, the last item's included. */
const MAX_START = 999_999_999;

/** `orderedList` -> tight ordered list that keeps its `order` as the start number. */
export const convertOrderedList: BlockHandler = (node, ctx, at) => {
  const children = toListItems(node, ctx, at);
  if (children.length === 0) return [];
  const order = attrNumber(node, 'order');
  let start = 1;
  if (order !== undefined) {
    start = Math.min(MAX_START - (children.length - 1), Math.max(0, Math.floor(order)));
    if (start !== order) ctx.warn(at.path, `list order ${order} cannot start a Markdown list of ${children.length}; using ${start}`);
  }
  return [{ type: 'list', ordered: true, start, spread: false, children }];
};
