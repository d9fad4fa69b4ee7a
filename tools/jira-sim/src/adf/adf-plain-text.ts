import type { AdfDoc, AdfNode } from './adf-types.js';

// Nodes whose children are inline: their text forms one line.
const TEXTBLOCKS = new Set(['paragraph', 'heading', 'codeBlock', 'taskItem', 'decisionItem', 'caption']);

function attr(node: AdfNode, name: string): string | undefined {
  const value = node.attrs?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** The text an inline node shows to a reader. */
function inlineText(node: AdfNode): string {
  switch (node.type) {
    case 'text':
      return node.text ?? '';
    case 'hardBreak':
      return '\n';
    case 'mention':
      return attr(node, 'text') ?? `@${attr(node, 'id') ?? ''}`;
    case 'emoji':
      return attr(node, 'text') ?? attr(node, 'shortName') ?? '';
    case 'status':
      return attr(node, 'text') ?? '';
    case 'inlineCard':
      return attr(node, 'url') ?? '';
    case 'date': {
      const timestamp = Number(attr(node, 'timestamp'));
      return Number.isFinite(timestamp) ? new Date(timestamp).toISOString().slice(0, 10) : '';
    }
    default:
      return (node.content ?? []).map(inlineText).join('');
  }
}

function blockLines(node: AdfNode): string[] {
  if (TEXTBLOCKS.has(node.type)) return [(node.content ?? []).map(inlineText).join('')];
  if (node.type === 'blockCard' || node.type === 'embedCard') return [attr(node, 'url') ?? ''];
  if (node.type === 'tableRow') {
    return [(node.content ?? []).map((cell) => (cell.content ?? []).flatMap(blockLines).join(' ')).join(' | ')];
  }
  return (node.content ?? []).flatMap(blockLines);
}

/**
 * Flattens ADF to plain text for text search and simple renderings: one line per paragraph, heading, list
 * item, code block or table row (cells joined by " | "); mentions as "@Name", emoji as their character, dates
 * as yyyy-MM-dd, smart links as their URL. Media, placeholders and extensions contribute nothing.
 */
export function adfToPlainText(doc: AdfDoc | AdfNode): string {
  return blockLines(doc as AdfNode)
    .filter((line) => line.trim() !== '')
    .join('\n');
}
