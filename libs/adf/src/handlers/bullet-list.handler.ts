import type { BlockHandler } from '../convert/handler-types.js';
import { toListItems } from './list-item.handler.js';

/** `bulletList` -> tight unordered list. */
export const convertBulletList: BlockHandler = (node, ctx, at) => {
  const children = toListItems(node, ctx, at);
  return children.length === 0 ? [] : [{ type: 'list', ordered: false, spread: false, children }];
};
