import type { Heading } from 'mdast';
import type { BlockHandler } from '../convert/handler-types.js';
import { trimBreaks } from '../convert/trim-breaks.js';
import { attrNumber, attrValue, describeValue } from '../model/adf-node.js';

/** `heading` -> ATX heading; a missing or out-of-range level is clamped into 1..6 with a warning. */
export const convertHeading: BlockHandler = (node, ctx, at) => {
  const level = attrNumber(node, 'level');
  const depth = Math.min(6, Math.max(1, Math.round(level ?? 1))) as Heading['depth'];
  if (level !== depth) ctx.warn(at.path, `heading level ${describeValue(attrValue(node, 'level'))} is not 1-6; using ${depth}`);
  return [{ type: 'heading', depth, children: trimBreaks(ctx.inlines(node, at)) }];
};
