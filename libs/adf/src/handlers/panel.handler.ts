import type { BlockContent, Paragraph, PhrasingContent } from 'mdast';
import type { BlockHandler, ConvertContext, NodeAt } from '../convert/handler-types.js';
import { attrText, attrValue, describeValue, type AdfNode } from '../model/adf-node.js';

interface PanelKind {
  alert: string;
  label: string;
}

const INFO: PanelKind = { alert: 'NOTE', label: 'Info' };

/**
 * ADF panel types mapped to GitHub alert kinds (GitHub has no `success` or `error`). A Map: a panel type
 * named `toString` or `__proto__` must fall back to info, not find `Object.prototype`'s members.
 */
const ALERTS: ReadonlyMap<string, PanelKind> = new Map([
  ['info', INFO],
  ['note', { alert: 'NOTE', label: 'Note' }],
  ['tip', { alert: 'TIP', label: 'Tip' }],
  ['success', { alert: 'TIP', label: 'Success' }],
  ['warning', { alert: 'WARNING', label: 'Warning' }],
  ['error', { alert: 'CAUTION', label: 'Error' }],
  ['custom', { alert: 'NOTE', label: 'Note' }],
]);

/**
 * `panel` -> block quote. At the top level it becomes a GitHub alert (`> [!NOTE]`); GitHub ignores alerts
 * nested in other blocks, so nested panels start with a bold label instead.
 */
export const convertPanel: BlockHandler = (node, ctx, at) => {
  const type = attrText(node, 'panelType');
  const kind = ALERTS.get(type ?? '');
  if (kind === undefined) ctx.warn(at.path, `panel type ${describeValue(attrValue(node, 'panelType'))} is not a known panel type; rendered as info`);
  return renderPanel(kind ?? INFO, node, ctx, at);
};

function renderPanel(kind: PanelKind, node: AdfNode, ctx: ConvertContext, at: NodeAt): BlockContent[] {
  const children = ctx.blocks(node, at);
  const marker: PhrasingContent[] =
    at.depth === 1 ? [{ type: 'html', value: `[!${kind.alert}]` }] : [{ type: 'strong', children: [{ type: 'text', value: `${kind.label}:` }] }];
  const separator: PhrasingContent = at.depth === 1 ? { type: 'text', value: '\n' } : { type: 'text', value: ' ' };
  const [first, ...rest] = children;
  const head: BlockContent[] =
    first?.type === 'paragraph' ? [{ type: 'paragraph', children: [...marker, separator, ...first.children] }] : [paragraph(marker), ...(first ? [first] : [])];
  return [{ type: 'blockquote', children: [...head, ...rest] }];
}

function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}
