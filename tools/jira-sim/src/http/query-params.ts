/** Typed query-parameter readers that fail the way Jira does (400 naming the parameter). */
import { HttpError } from './http-error.js';

/** Reads an integer parameter; absent or empty means the default. */
export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^-?\d+$/.test(raw.trim())) throw HttpError.jira(400, '', { [name]: `'${raw}' is not a valid number.` });
  return Number(raw);
}

/** Reads a boolean parameter. */
export function boolParam(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const raw = query.get(name);
  if (raw === null || raw === '') return fallback;
  return raw.toLowerCase() === 'true';
}

/** Reads a repeatable, comma-separable parameter as a flat list. */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value.length > 0);
}

/** Clamps startAt/maxResults the way PageBean endpoints do. */
export function pageParams(query: URLSearchParams, defaultMax: number, maxMax: number): { startAt: number; maxResults: number } {
  const startAt = Math.max(0, intParam(query, 'startAt', 0));
  let maxResults = intParam(query, 'maxResults', defaultMax);
  if (maxResults <= 0) maxResults = defaultMax;
  return { startAt, maxResults: Math.min(maxResults, maxMax) };
}
