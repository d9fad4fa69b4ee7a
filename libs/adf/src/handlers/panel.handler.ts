import type { BlockContent, Paragraph, PhrasingContent } from 'mdast';
import type { BlockHandler } from '../convert/handler-types.js';
import { attrText } from '../model/adf-node.js';

/** ADF panel types mapped to GitHub alert kinds (GitHub has no `success` or `error`). */
const ALERTS: Record<string, { alert: string; label: string }> = {
  info: { alert: 'NOTE', label: 'Info' },
  note: { alert: 'NOTE', label: 'Note' },
  tip: { alert: 'TIP', label: 'Tip' },
  success: { alert: 'TIP', label: 'Success' },
  warning: { alert: 'WARNING', label: 'Warning' },
  error: { alert: 'CAUTION', label: 'Error' },
  custom: { alert: 'NOTE', label: 'Note' },
};

/**
 * `panel` -> block quote. At the top level it becomes a GitHub alert (`> [!NOTE]`); GitHub ignores alerts
 * nested in other blocks, so nested panels start with a bold label instead.
 */
export const convertPanel: BlockHandler = (node, ctx, at) => {
  const kind = ALERTS[attrText(node, 'panelType') ?? ''] ?? ALERTS.info!;
  const children = ctx.blocks(node, at);
  const marker: PhrasingContent[] =
    at.depth === 1 ? [{ type: 'html', value: `[!${kind.alert}]` }] : [{ type: 'strong', children: [{ type: 'text', value: `${kind.label}:` }] }];
  const separator: PhrasingContent = at.depth === 1 ? { type: 'text', value: '\n' } : { type: 'text', value: ' ' };
  const [first, ...rest] = children;
  const head: BlockContent[] =
    first?.type === 'paragraph' ? [{ type: 'paragraph', children: [...marker, separator, ...first.children] }] : [paragraph(marker), ...(first ? [first] : [])];
  return [{ type: 'blockquote', children: [...head, ...rest] }];
};

function paragraph(children: PhrasingContent[]): Paragraph {
  return { type: 'paragraph', children };
}
