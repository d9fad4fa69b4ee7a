/**
 * Every node type in @atlaskit/adf-schema 57.7.22 `full.json` (the `<name>_node` definitions).
 * A test derives the same list from the installed schema, so a schema upgrade that adds a node fails it.
 */
export const ADF_NODE_TYPES = [
  'blockCard', 'blockquote', 'blockTaskItem', 'bodiedExtension', 'bodiedSyncBlock', 'bulletList', 'caption',
  'codeBlock', 'date', 'decisionItem', 'decisionList', 'doc', 'embedCard', 'emoji', 'expand', 'extension',
  'hardBreak', 'heading', 'inlineCard', 'inlineExtension', 'layoutColumn', 'layoutSection', 'listItem', 'media',
  'mediaGroup', 'mediaInline', 'mediaSingle', 'mention', 'nestedExpand', 'orderedList', 'panel', 'paragraph',
  'placeholder', 'rule', 'status', 'syncBlock', 'table', 'tableCell', 'tableHeader', 'tableRow', 'taskItem',
  'taskList', 'text',
] as const;

/** Every mark type in the same schema (the `<name>_mark` definitions). */
export const ADF_MARK_TYPES = [
  'alignment', 'annotation', 'backgroundColor', 'border', 'breakout', 'code', 'dataConsumer', 'em', 'fontSize',
  'fragment', 'indentation', 'link', 'strike', 'strong', 'subsup', 'textColor', 'underline',
] as const;

export type AdfNodeType = (typeof ADF_NODE_TYPES)[number];
export type AdfMarkType = (typeof ADF_MARK_TYPES)[number];
