import type { AdfDoc, AdfMark, AdfNode } from './adf-types.js';

/** What the HTML needs from the site: where a media file is served, and user profile links. */
export interface AdfHtmlContext {
  /** Site base URL for profile links. */
  readonly siteUrl: string;
  /** The attachment a media node shows (undefined: the file is gone and nothing is drawn). */
  readonly media?: (mediaId: string) => { url: string; filename: string; image: boolean } | undefined;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

/** Only web, mail and relative links survive; anything else (javascript: ...) becomes a dead link. */
function safeUrl(value: unknown): string {
  const url = typeof value === 'string' ? value.trim() : '';
  return /^(https?:|mailto:|\/|#)/i.test(url) ? url : '#';
}

function attr(node: AdfNode | AdfMark, name: string): string | undefined {
  const value = node.attrs?.[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** Inline marks, innermost first, in the tags Jira's renderer uses (b, em, del, ins, tt, sub/sup, a, font). */
function applyMark(html: string, mark: AdfMark): string {
  switch (mark.type) {
    case 'strong':
      return `<b>${html}</b>`;
    case 'em':
      return `<em>${html}</em>`;
    case 'strike':
      return `<del>${html}</del>`;
    case 'underline':
      return `<ins>${html}</ins>`;
    case 'code':
      return `<tt>${html}</tt>`;
    case 'subsup':
      return attr(mark, 'type') === 'sup' ? `<sup>${html}</sup>` : `<sub>${html}</sub>`;
    case 'link':
      return `<a href="${escapeHtml(safeUrl(mark.attrs?.href))}" class="external-link" rel="nofollow noreferrer">${html}</a>`;
    case 'textColor':
      return `<font color="${escapeHtml(attr(mark, 'color') ?? '')}">${html}</font>`;
    default:
      return html; // annotation, backgroundColor, fragment, ...: no visible rendering
  }
}

function media(node: AdfNode, context: AdfHtmlContext): string {
  const file = context.media?.(attr(node, 'id') ?? '');
  if (!file) return '';
  const url = escapeHtml(file.url);
  const name = escapeHtml(attr(node, 'alt') ?? file.filename);
  return file.image ? `<span class="image-wrap"><img src="${url}" alt="${name}" /></span>` : `<a href="${url}">${name}</a>`;
}

function inline(node: AdfNode, context: AdfHtmlContext): string {
  switch (node.type) {
    case 'text':
      return (node.marks ?? []).reduce(applyMark, escapeHtml(node.text ?? ''));
    case 'hardBreak':
      return '<br/>';
    case 'mention': {
      const id = escapeHtml(attr(node, 'id') ?? '');
      return `<a href="${escapeHtml(context.siteUrl)}/jira/people/${id}" class="user-hover" data-account-id="${id}" rel="${id}">${escapeHtml(attr(node, 'text') ?? '')}</a>`;
    }
    case 'emoji':
      return escapeHtml(attr(node, 'text') ?? attr(node, 'shortName') ?? '');
    case 'status':
      return `<span class="aui-lozenge">${escapeHtml(attr(node, 'text') ?? '')}</span>`;
    case 'date': {
      const timestamp = Number(attr(node, 'timestamp'));
      return Number.isFinite(timestamp) ? `<time datetime="${new Date(timestamp).toISOString().slice(0, 10)}">${new Date(timestamp).toISOString().slice(0, 10)}</time>` : '';
    }
    case 'inlineCard': {
      const url = escapeHtml(safeUrl(node.attrs?.url));
      return `<a href="${url}" class="external-link" rel="nofollow noreferrer">${url}</a>`;
    }
    case 'mediaInline':
      return media(node, context);
    case 'placeholder':
      return '';
    default:
      return children(node, context);
  }
}

function children(node: AdfNode, context: AdfHtmlContext): string {
  return (node.content ?? []).map((child) => block(child, context)).join('');
}

function inlineChildren(node: AdfNode, context: AdfHtmlContext): string {
  return (node.content ?? []).map((child) => inline(child, context)).join('');
}

function cell(node: AdfNode, tag: 'th' | 'td', context: AdfHtmlContext): string {
  const span = ['colspan', 'rowspan'].map((name) => (attr(node, name) && attr(node, name) !== '1' ? ` ${name}="${escapeHtml(attr(node, name) ?? '')}"` : '')).join('');
  return `<${tag} class="confluence${tag === 'th' ? 'Th' : 'Td'}"${span}>${children(node, context)}</${tag}>`;
}

function block(node: AdfNode, context: AdfHtmlContext): string {
  switch (node.type) {
    case 'paragraph':
      return `<p>${inlineChildren(node, context)}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(attr(node, 'level') ?? 1)));
      return `<h${level}>${inlineChildren(node, context)}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${children(node, context)}</ul>`;
    case 'orderedList': {
      const order = attr(node, 'order');
      return `<ol${order && order !== '1' ? ` start="${escapeHtml(order)}"` : ''}>${children(node, context)}</ol>`;
    }
    case 'listItem':
      return `<li>${children(node, context)}</li>`;
    case 'taskList':
      return `<ul class="task-list">${children(node, context)}</ul>`;
    case 'taskItem':
    case 'blockTaskItem':
      return `<li data-task-state="${attr(node, 'state') === 'DONE' ? 'DONE' : 'TODO'}">${node.type === 'taskItem' ? inlineChildren(node, context) : children(node, context)}</li>`;
    case 'decisionList':
      return `<ul class="decision-list">${children(node, context)}</ul>`;
    case 'decisionItem':
      return `<li>${inlineChildren(node, context)}</li>`;
    case 'codeBlock': {
      const language = (attr(node, 'language') ?? 'none').replace(/[^A-Za-z0-9_+-]/g, '');
      const code = escapeHtml((node.content ?? []).map((child) => child.text ?? '').join(''));
      return `<div class="code panel"><div class="codeContent panelContent"><pre class="code-${language}">${code}</pre></div></div>`;
    }
    case 'blockquote':
      return `<blockquote>${children(node, context)}</blockquote>`;
    case 'rule':
      return '<hr />';
    case 'panel':
      return `<div class="panel panel-${escapeHtml(attr(node, 'panelType') ?? 'info')}"><div class="panelContent">${children(node, context)}</div></div>`;
    case 'expand':
    case 'nestedExpand':
      return `<div class="expand"><p><b>${escapeHtml(attr(node, 'title') ?? '')}</b></p>${children(node, context)}</div>`;
    case 'table':
      return `<div class="table-wrap"><table class="confluenceTable"><tbody>${children(node, context)}</tbody></table></div>`;
    case 'tableRow':
      return `<tr>${children(node, context)}</tr>`;
    case 'tableHeader':
      return cell(node, 'th', context);
    case 'tableCell':
      return cell(node, 'td', context);
    case 'mediaSingle':
    case 'mediaGroup':
      return `<p>${children(node, context)}</p>`;
    case 'media':
      return media(node, context);
    case 'caption':
      return `<p class="caption">${inlineChildren(node, context)}</p>`;
    case 'layoutSection':
      return `<div class="columnLayout">${children(node, context)}</div>`;
    case 'layoutColumn':
      return `<div class="cell">${children(node, context)}</div>`;
    case 'blockCard':
    case 'embedCard': {
      const url = escapeHtml(safeUrl(node.attrs?.url));
      return `<p><a href="${url}" class="external-link" rel="nofollow noreferrer">${url}</a></p>`;
    }
    case 'extension':
    case 'inlineExtension':
      return ''; // app content Jira cannot render without the app
    default:
      // doc, bodiedExtension, syncBlock, bodiedSyncBlock: their content; an inline node at block level renders inline
      return node.content === undefined ? inline(node, context) : children(node, context);
  }
}

/**
 * Renders an ADF document to HTML the way Jira's `renderedFields` / `renderedBody` carry it: `<p>` paragraphs,
 * Jira's inline tags (b, em, del, ins, tt), confluenceTable tables, code panels, user-hover mentions and
 * attachment images. Text and attributes are escaped; unsafe link targets become `#`.
 */
export function adfToHtml(doc: AdfDoc | AdfNode, context: AdfHtmlContext): string {
  return block(doc as AdfNode, context);
}
