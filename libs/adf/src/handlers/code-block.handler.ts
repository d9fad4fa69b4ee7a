import type { BlockHandler } from '../convert/handler-types.js';
import { attrText, childPath, readNode } from '../model/adf-node.js';

/** `codeBlock` -> fenced code with its language; the fence length is chosen by the serializer. */
export const convertCodeBlock: BlockHandler = (node, ctx, at) => {
  const language = attrText(node, 'language')?.trim().split(/\s+/)[0];
  const parts = node.content.map((value, index) => {
    const child = readNode(value);
    if (child?.type === 'text') return child.text ?? '';
    if (child?.type === 'hardBreak') return '\n';
    ctx.warn(childPath(childPath(at.path, 'content'), index), 'code blocks hold only text; kept the text of this node');
    return ctx.plainText([value]);
  });
  return [{ type: 'code', lang: language === '' || language === undefined ? null : language, meta: null, value: parts.join('') }];
};
