import { adfToMarkdown } from '@jira-sync/adf';

function own(record: unknown, key: string): unknown {
  return record !== null && typeof record === 'object' && Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

/** A field value as a person reads it, plus its machine value where that differs. */
export interface TReadable {
  value: string;
  raw?: string | number | boolean | Array<string | number>;
}

/**
 * Reads any Jira field value by its shape: ADF documents become Markdown, people their display name (raw: account
 * id), groups their name (raw: group id), options their value (raw: option id), arrays each item joined by ", ".
 */
export function readableValue(value: unknown): TReadable | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value === '' ? undefined : { value };
  if (typeof value === 'number' || typeof value === 'boolean') return { value: String(value), raw: value };
  if (Array.isArray(value)) {
    const items = value.map(readableValue).filter((item): item is TReadable => item !== undefined);
    if (items.length === 0) return undefined;
    const raws = items.map((item) => item.raw ?? item.value).filter((raw): raw is string | number => typeof raw === 'string' || typeof raw === 'number');
    return { value: items.map((item) => item.value).join(', '), raw: raws };
  }
  if (typeof value !== 'object') return undefined;
  if (own(value, 'type') === 'doc') return { value: adfToMarkdown(value).markdown.trimEnd() };
  const accountId = own(value, 'accountId');
  if (typeof accountId === 'string') return { value: String(own(value, 'displayName') ?? accountId), raw: accountId };
  const groupId = own(value, 'groupId');
  if (typeof groupId === 'string') return { value: String(own(value, 'name') ?? groupId), raw: groupId };
  const optionValue = own(value, 'value');
  if (typeof optionValue === 'string') {
    const id = own(value, 'id');
    const child = readableValue(own(value, 'child'));
    return { value: child ? `${optionValue} - ${child.value}` : optionValue, ...(typeof id === 'string' ? { raw: id } : {}) };
  }
  const name = own(value, 'name') ?? own(value, 'key');
  if (typeof name === 'string') return { value: name, ...(typeof own(value, 'id') === 'string' ? { raw: own(value, 'id') as string } : {}) };
  return { value: JSON.stringify(value) };
}
