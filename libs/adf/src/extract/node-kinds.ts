/** ADF node types that sit inside a paragraph-like block (the schema's `inline_node` group). */
export const INLINE_NODE_TYPES: ReadonlySet<string> = new Set([
  'text',
  'mention',
  'emoji',
  'date',
  'status',
  'hardBreak',
  'inlineCard',
  'placeholder',
  'inlineExtension',
  'mediaInline',
]);

/** True for inline node types; unknown types count as blocks. */
export function isInlineType(type: string): boolean {
  return INLINE_NODE_TYPES.has(type);
}
