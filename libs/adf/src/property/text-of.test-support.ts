import type { Nodes } from 'mdast';

interface LooseNode {
  type?: unknown;
  attrs?: Record<string, unknown>;
  text?: unknown;
  content?: unknown;
}

/** Every node of an ADF value, in document order (iterative, any depth). */
export function adfNodes(value: unknown): LooseNode[] {
  const nodes: LooseNode[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const current = stack.pop();
    if (typeof current !== 'object' || current === null) continue;
    const node = current as LooseNode;
    nodes.push(node);
    if (Array.isArray(node.content)) for (let index = node.content.length - 1; index >= 0; index -= 1) stack.push(node.content[index]);
  }
  return nodes;
}

/** Every `text` leaf of an ADF value, in document order. */
export function adfTextLeaves(value: unknown): string[] {
  return adfNodes(value).flatMap((node) => (node.type === 'text' && typeof node.text === 'string' ? [node.text] : []));
}

/** The text an mdast tree shows a reader: text, code, image alt and (unless excluded) HTML values, in order. */
export function mdastText(tree: Nodes, { html = true } = {}): string {
  const parts: string[] = [];
  const stack: Nodes[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code' || (html && node.type === 'html')) parts.push(node.value);
    else if (node.type === 'image') parts.push(node.alt ?? '');
    if ('children' in node) for (let index = node.children.length - 1; index >= 0; index -= 1) stack.push(node.children[index]!);
  }
  return parts.join('');
}

/** Removes all whitespace: Markdown may re-flow it, but never other characters. */
export function withoutWhitespace(text: string): string {
  return text.replace(/\s+/gu, '');
}

/** The first leaf that does not occur in `text` after the previous one (whitespace ignored), if any. */
export function firstMissingLeaf(leaves: readonly string[], text: string): string | undefined {
  const haystack = withoutWhitespace(text);
  let from = 0;
  for (const leaf of leaves) {
    const needle = withoutWhitespace(leaf);
    const found = haystack.indexOf(needle, from);
    if (found < 0) return leaf;
    from = found + needle.length;
  }
  return undefined;
}
