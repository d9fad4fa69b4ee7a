/**
 * A defensive view of one ADF node. Input is `unknown` JSON: every field is checked for its type, and a
 * wrong type reads as absent, so handlers never touch raw input. Fields are read as own properties only:
 * a document naming `toString` or `constructor` must never reach `Object.prototype`.
 */
export interface AdfNode {
  /** Node type, or '' when missing or not a string. */
  type: string;
  /** Read with {@link attrValue} and the helpers below, never indexed directly. */
  attrs: AdfAttrs;
  /** Child nodes, unvalidated (each is read again with {@link readNode}). */
  content: readonly unknown[];
  marks: readonly unknown[];
  /** The `text` field when it is a string. */
  text: string | undefined;
  /** The input object, used as identity for cycle detection. */
  source: object;
  /** What was wrong with `content`, `marks` or `attrs` (and how it was read); empty for a well-formed node. */
  problems: readonly string[];
}

declare const ATTRS: unique symbol;
/** A node's `attrs` object; opaque so that look-ups go through {@link attrValue}'s own-property check. */
export interface AdfAttrs {
  readonly [ATTRS]: never;
}

const EMPTY_ATTRS = Object.freeze(Object.create(null) as object) as AdfAttrs;
const EMPTY_LIST: readonly unknown[] = Object.freeze([]);
const NO_PROBLEMS: readonly string[] = Object.freeze([]);
const hasOwn = Object.prototype.hasOwnProperty;

/** Reads a value as an ADF node; undefined when it is not a plain object. */
export function readNode(value: unknown): AdfNode | undefined {
  if (!isRecord(value)) return undefined;
  const type = ownValue(value, 'type');
  const text = ownValue(value, 'text');
  const rawContent = ownValue(value, 'content');
  const rawMarks = ownValue(value, 'marks');
  const attrs = ownValue(value, 'attrs');
  const nodeType = typeof type === 'string' ? type : '';
  const nodeText = typeof text === 'string' ? text : undefined;
  const nodeAttrs = isRecord(attrs) ? (attrs as unknown as AdfAttrs) : EMPTY_ATTRS;
  if (isListOrAbsent(rawContent) && isListOrAbsent(rawMarks) && (nodeAttrs !== EMPTY_ATTRS || attrs === undefined || attrs === null)) {
    const content = (rawContent as readonly unknown[] | undefined) ?? EMPTY_LIST;
    const marks = (rawMarks as readonly unknown[] | undefined) ?? EMPTY_LIST;
    return { type: nodeType, attrs: nodeAttrs, content, marks, text: nodeText, source: value, problems: NO_PROBLEMS };
  }
  const problems: string[] = [];
  const content = readList(rawContent, 'content', problems);
  const marks = readList(rawMarks, 'marks', problems);
  if (attrs !== undefined && attrs !== null && nodeAttrs === EMPTY_ATTRS) problems.push(`attrs is ${describeValue(attrs)}, not an object; ignored`);
  return { type: nodeType, attrs: nodeAttrs, content, marks, text: nodeText, source: value, problems };
}

function isListOrAbsent(value: unknown): boolean {
  return value === undefined || Array.isArray(value);
}

/**
 * `content` and `marks` are arrays. A single node or mark object in their place is read as a one-item list,
 * an object with array-index keys (`{"0": …, "1": …}`, as some serializers write sparse arrays) as its
 * values in index order; anything else is ignored. Null and absent are an empty list without a problem.
 */
function readList(value: unknown, field: string, problems: string[]): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null) return EMPTY_LIST;
  if (isRecord(value)) {
    if (typeof ownValue(value, 'type') === 'string') {
      problems.push(`${field} is an object, not an array; read as a list of that one item`);
      return [value];
    }
    const keys = Object.keys(value);
    if (keys.length > 0 && keys.every((key) => /^(0|[1-9]\d{0,8})$/.test(key))) {
      problems.push(`${field} is an object with index keys, not an array; read its values in index order`);
      return keys
        .map(Number)
        .sort((a, b) => a - b)
        .map((key) => value[key]);
    }
  }
  problems.push(`${field} is ${describeValue(value)}, not an array; ignored`);
  return EMPTY_LIST;
}

/** True for non-null, non-array objects. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `record[key]` when `record` has it as an own property; never an inherited `toString` or `constructor`. */
export function ownValue(record: object, key: string): unknown {
  return hasOwn.call(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

/** An attribute's raw value (own property of `attrs`), or undefined. */
export function attrValue(node: AdfNode, key: string): unknown {
  return ownValue(node.attrs, key);
}

/** A string attribute; numbers are accepted and stringified because producers disagree on ids. */
export function attrString(node: AdfNode, key: string): string | undefined {
  const value = attrValue(node, key);
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
  const value = attrValue(node, key);
  const parsed = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof parsed === 'number' && Number.isFinite(parsed) ? parsed : undefined;
}

/** A record attribute (such as a card's JSON-LD `data`), or undefined. */
export function attrRecord(node: AdfNode, key: string): Record<string, unknown> | undefined {
  const value = attrValue(node, key);
  return isRecord(value) ? value : undefined;
}

/**
 * A document value for a warning message. Never calls the value's own methods: `String(value)` runs a
 * document-supplied `toString` key (and throws when it is not a function).
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${value}`;
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Appends a child segment to a JSON pointer. */
export function childPath(path: string, key: string | number): string {
  return `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
