import { attrRecord, attrString, attrText, ownValue, type AdfNode } from './adf-node.js';

/** Display text of a mention, always starting with `@`. */
export function mentionText(node: AdfNode): string {
  const text = attrText(node, 'text') ?? attrText(node, 'id') ?? 'unknown';
  return text.startsWith('@') ? text : `@${text}`;
}

/** The emoji's own character when known, else its `:short-name:`. */
export function emojiText(node: AdfNode): string {
  return attrText(node, 'text') ?? attrText(node, 'shortName') ?? '';
}

/** An ADF date (epoch milliseconds as a string) as an ISO calendar date, e.g. `2024-03-01`. */
export function dateText(node: AdfNode): string {
  const raw = attrString(node, 'timestamp') ?? '';
  const trimmed = raw.trim();
  const millis = /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Date.parse(trimmed);
  const date = new Date(millis);
  return Number.isNaN(date.getTime()) ? raw : date.toISOString().slice(0, 10);
}

/** True when {@link dateText} could not read the timestamp. */
export function isUnreadableDate(node: AdfNode): boolean {
  return !/^[+-]?\d{4,6}-\d\d-\d\d$/.test(dateText(node));
}

/** The label of a status lozenge. */
export function statusText(node: AdfNode): string {
  return attrText(node, 'text') ?? '';
}

/** The URL of a smart card: `attrs.url`, else the `url` of its JSON-LD `data`. */
export function cardUrl(node: AdfNode): string | undefined {
  const url = attrText(node, 'url');
  if (url !== undefined) return url;
  const data = attrRecord(node, 'data');
  const dataUrl = data === undefined ? undefined : ownValue(data, 'url');
  return typeof dataUrl === 'string' && dataUrl !== '' ? dataUrl : undefined;
}

/** The name of a smart card that has no URL (JSON-LD `name`, or the datasource id). */
export function cardName(node: AdfNode): string | undefined {
  const data = attrRecord(node, 'data');
  const name = data === undefined ? undefined : ownValue(data, 'name');
  if (typeof name === 'string' && name !== '') return name;
  const datasource = attrRecord(node, 'datasource');
  const id = datasource === undefined ? undefined : ownValue(datasource, 'id');
  return typeof id === 'string' ? `datasource ${id}` : undefined;
}

/** The text an extension carries for readers without the app, if any. */
export function extensionText(node: AdfNode): string | undefined {
  return attrText(node, 'text');
}

/** A visible stand-in for an extension that carries no text. */
export function extensionPlaceholder(node: AdfNode): string {
  const key = attrText(node, 'extensionKey') ?? attrText(node, 'extensionType') ?? 'unknown';
  return `[extension: ${key}]`;
}

/** Text an unknown node offers: its own `text`, else `attrs.text`. */
export function fallbackText(node: AdfNode): string | undefined {
  if (node.text !== undefined && node.text !== '') return node.text;
  return attrText(node, 'text');
}

/** Replaces line endings with spaces, for inline code (rendered that way by Markdown anyway). */
export function toOneLine(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ');
}
