import type { PhrasingContent } from 'mdast';
import type { BlockHandler } from '../convert/handler-types.js';
import { childPath, readNode } from '../model/adf-node.js';
import { renderMarkedMedia } from './media.handler.js';
import { appendAll } from '../model/append-all.js';

/** `mediaGroup` -> one paragraph with its files side by side. */
export const convertMediaGroup: BlockHandler = (node, ctx, at) => {
  const children: PhrasingContent[] = [];
  node.content.forEach((value, index) => {
    const childAt = { path: childPath(childPath(at.path, 'content'), index), depth: at.depth + 1 };
    const child = readNode(value);
    if (children.length > 0) children.push({ type: 'text', value: ' ' });
    if (child?.type === 'media') return void appendAll(children, renderMarkedMedia(child, ctx, childAt));
    ctx.warn(childAt.path, `"${child?.type ?? typeof value}" inside a media group; rendered as its text`);
    children.push({ type: 'text', value: ctx.plainText([value]) });
  });
  return children.length === 0 ? [] : [{ type: 'paragraph', children }];
};
