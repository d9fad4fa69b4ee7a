/** Reads and validates enhanced-search parameters from the query string (GET) or the JSON body only (POST). */
import { HttpError } from '../http/http-error.js';
import type { SimRequest } from '../http/route-types.js';

export interface SearchParams {
  jql: string;
  nextPageToken?: unknown;
  maxResults: number;
  fields: string[];
  expand: Set<string>;
  reconcileIssues: string[];
}

const BEAN = 'com.atlassian.jira.rest.v2.search.SearchAndReconcileRequestBean';
const TYPES: Record<string, 'string' | 'int' | 'bool' | 'string[]' | 'int[]'> = {
  jql: 'string',
  nextPageToken: 'string',
  maxResults: 'int',
  fields: 'string[]',
  expand: 'string',
  properties: 'string[]',
  fieldsByKeys: 'bool',
  reconcileIssues: 'int[]',
};

function splitList(values: string[]): string[] {
  return values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
}

function typeOk(kind: string, value: unknown): boolean {
  if (value === null) return true;
  if (kind === 'string') return typeof value === 'string';
  if (kind === 'int') return typeof value === 'number' && Number.isInteger(value);
  if (kind === 'bool') return typeof value === 'boolean';
  if (kind === 'string[]') return Array.isArray(value) && value.every((item) => typeof item === 'string');
  return Array.isArray(value) && value.every((item) => Number.isInteger(item) || (typeof item === 'string' && /^\d+$/.test(item)));
}

/** Parses a POST body, with Jackson-like 400s for unknown or ill-typed properties. */
export function searchParamsFromBody(request: SimRequest): SearchParams {
  let body: unknown;
  try {
    body = JSON.parse(request.rawBody.toString('utf8') || 'null');
  } catch {
    throw HttpError.jira(400, 'Unexpected character in the request body: it is not valid JSON.');
  }
  if (body === null) body = {};
  if (typeof body !== 'object' || Array.isArray(body)) throw HttpError.jira(400, `Cannot deserialize value of type \`${BEAN}\` from ${Array.isArray(body) ? 'Array' : 'scalar'} value.`);
  const record = body as Record<string, unknown>;
  for (const [name, value] of Object.entries(record)) {
    const kind = TYPES[name];
    if (!kind) throw HttpError.jira(400, `Unrecognized field "${name}" (class ${BEAN}), not marked as ignorable.`);
    if (!typeOk(kind, value)) throw HttpError.jira(400, `Cannot deserialize value of type \`${kind}\` for property "${name}" from ${JSON.stringify(value)}.`);
  }
  return {
    jql: typeof record.jql === 'string' ? record.jql : '',
    nextPageToken: record.nextPageToken,
    maxResults: typeof record.maxResults === 'number' ? record.maxResults : 50,
    fields: Array.isArray(record.fields) ? (record.fields as string[]) : ['id'],
    expand: new Set(splitList(typeof record.expand === 'string' ? [record.expand] : [])),
    reconcileIssues: Array.isArray(record.reconcileIssues) ? record.reconcileIssues.map(String) : [],
  };
}

/** Parses GET query parameters. */
export function searchParamsFromQuery(request: SimRequest): SearchParams {
  const query = request.query;
  const rawMax = query.get('maxResults');
  if (rawMax !== null && rawMax !== '' && !/^-?\d+$/.test(rawMax)) throw HttpError.jira(400, '', { maxResults: `'${rawMax}' is not a valid number.` });
  const fields = splitList(query.getAll('fields'));
  return {
    jql: query.get('jql') ?? '',
    nextPageToken: query.get('nextPageToken') ?? undefined,
    maxResults: rawMax === null || rawMax === '' ? 50 : Number(rawMax),
    fields: fields.length > 0 ? fields : ['id'],
    expand: new Set(splitList(query.getAll('expand'))),
    reconcileIssues: splitList(query.getAll('reconcileIssues')),
  };
}

/** Jira refuses maxResults outside 1..5000. */
export function assertMaxResults(maxResults: number): void {
  if (maxResults < 1 || maxResults > 5000) throw HttpError.jira(400, `The value of maxResults must be between 1 and 5000 (inclusive). Provided value: ${maxResults}.`);
}
