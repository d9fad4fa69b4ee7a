import type { PhrasingContent } from 'mdast';

/**
 * Drops hard breaks and whitespace at the start and end of a paragraph: a trailing `\` before the
 * paragraph ends is not a break in Markdown but a literal backslash, and edge whitespace is insignificant.
 */
export function trimBreaks(children: PhrasingContent[]): PhrasingContent[] {
  const result = [...children];
  while (result.length > 0 && isBreakOrBlank(result[0]!)) result.shift();
  while (result.length > 0 && isBreakOrBlank(result.at(-1)!)) result.pop();
  const first = result[0];
  if (first?.type === 'text') result[0] = { type: 'text', value: first.value.trimStart() };
  const last = result.at(-1);
  if (last?.type === 'text') result[result.length - 1] = { type: 'text', value: last.value.trimEnd() };
  return result;
}

function isBreakOrBlank(node: PhrasingContent): boolean {
  return node.type === 'break' || (node.type === 'text' && node.value.trim() === '');
}
