import type { BlockContent } from 'mdast';
import type { BlockHandler } from '../convert/handler-types.js';
import { applyMarks } from '../marks/apply-marks.js';
import { readMarks } from '../marks/read-marks.js';
import { childPath, readNode } from '../model/adf-node.js';
import { renderMarkedMedia } from './media.handler.js';
import { appendAll } from '../model/append-all.js';

/** `mediaSingle` -> a paragraph with the image or file link (wrapped in its link mark), then the caption. */
export const convertMediaSingle: BlockHandler = (node, ctx, at) => {
  const { specs } = readMarks(node.marks, at.path, (path, message) => ctx.warn(path, message));
  const result: BlockContent[] = [];
  node.content.forEach((value, index) => {
    const childAt = { path: childPath(childPath(at.path, 'content'), index), depth: at.depth + 1 };
    const child = readNode(value);
    if (child?.type === 'media') {
      result.push({ type: 'paragraph', children: applyMarks([{ nodes: renderMarkedMedia(child, ctx, childAt), specs }]) });
    } else {
      appendAll(result, ctx.blockAt(value, childAt));
    }
  });
  return result;
};
