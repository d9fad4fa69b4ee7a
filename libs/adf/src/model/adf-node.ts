/**
 * A defensive view of one ADF node. Input is `unknown` JSON: every field is checked for its type, and a
 * wrong type reads as absent, so handlers never touch raw input.
 */
export interface AdfNode {
  /** Node type, or '' when missing or not a string. */
  type: string;
  attrs: Readonly<Record<string, unknown>>;
  /** Child nodes, unvalidated (each is read again with {@link readNode}). */
  content: readonly unknown[];
  marks: readonly unknown[];
  /** The `text` field when it is a string. */
  text: string | undefined;
  /** The input object, used as identity for cycle detection. */
  source: object;
}

const EMPTY_ATTRS: Readonly<Record<string, unknown>> = Object.freeze({});
const EMPTY_LIST: readonly unknown[] = Object.freeze([]);

/** Reads a value as an ADF node; undefined when it is not a plain object. */
export function readNode(value: unknown): AdfNode | undefined {
  if (!isRecord(value)) return undefined;
  const { type, attrs, content, marks, text } = value;
  return {
    type: typeof type === 'string' ? type : '',
    attrs: isRecord(attrs) ? attrs : EMPTY_ATTRS,
    content: Array.isArray(content) ? content : EMPTY_LIST,
    marks: Array.isArray(marks) ? marks : EMPTY_LIST,
    text: typeof text === 'string' ? text : undefined,
    source: value,
  };
}

/** True for non-null, non-array objects. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string attribute; numbers are accepted and stringified because producers disagree on ids. */
export function attrString(node: AdfNode, key: string): string | undefined {
  const value = node.attrs[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A non-empty string attribute. */
export function attrText(node: AdfNode, key: string): string | undefined {
  const value = attrString(node, key);
  return value === undefined || value.length === 0 ? undefined : value;
}

/** A finite numeric attribute; numeric strings are accepted. */
export function attrNumber(node: AdfNode, key: string): number | undefined {
  const value = node.attrs[key];
  const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : undefined;
}

/** Appends a child segment to a JSON pointer. */
export function childPath(path: string, key: string | number): string {
  return `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
